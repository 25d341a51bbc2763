import { StoreError } from './errors';
import { wipeKey } from './keys/dataKey';
import { rekeyDatabase } from './rekey';
import type { Db } from './sqlcipher';

export type LockReason = 'idle' | 'manual' | 'shutdown';

export interface SessionOptions {
  /** Lock after this long without use; `null` never locks by itself. */
  idleLockMs: number | null;
  /** Told after every lock, idle or not (the service turns it into a `workspace.locked` event). */
  onLocked?: (reason: LockReason) => void;
}

/**
 * One unlocked workspace: the only connection to its file and the data key that opened it. Locking closes
 * the connection (SQLite3MultipleCiphers wipes its copy of the key) and zeroes ours. Every use restarts the
 * idle timer, so an idle lock never closes the file under a running operation (better-sqlite3 is synchronous:
 * the timer cannot fire in the middle of `use`).
 */
export class StoreSession {
  #db: Db | null;
  #key: Buffer | null;
  #timer: NodeJS.Timeout | null = null;
  readonly #options: SessionOptions;

  constructor(db: Db, key: Buffer, options: SessionOptions) {
    this.#db = db;
    this.#key = key;
    this.#options = options;
    this.#arm();
  }

  get locked(): boolean {
    return this.#db === null;
  }

  /** Run `fn` with the open database; LOCKED once the session is locked. */
  use<T>(fn: (db: Db) => T): T {
    if (!this.#db) throw new StoreError('LOCKED', 'the workspace is locked; unlock it to continue');
    this.#arm();
    return fn(this.#db);
  }

  /**
   * Replace the key of the open file (safe sequence in rekey.ts; this session holds the only connection).
   * The session takes ownership of `newKey` and wipes the old key.
   */
  rekey(newKey: Buffer): void {
    this.use((db) => rekeyDatabase(db, newKey));
    wipeKey(this.#key);
    this.#key = newKey;
  }

  lock(reason: LockReason = 'manual'): void {
    if (!this.#db) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    try {
      this.#db.close();
    } finally {
      this.#db = null;
      wipeKey(this.#key);
      this.#key = null;
      this.#options.onLocked?.(reason);
    }
  }

  #arm(): void {
    const ms = this.#options.idleLockMs;
    if (ms === null) return;
    if (this.#timer) {
      this.#timer.refresh();
      return;
    }
    this.#timer = setTimeout(() => this.lock('idle'), ms);
    // An idle timer must not keep the process (tests, the browser host) alive by itself.
    this.#timer.unref();
  }
}
