import { AuditAnchor } from './anchor/AuditAnchor';
import type { AnchoredAuditVerification } from './anchor/anchorVerdict';
import { StoreError } from './errors';
import { wipeKey } from './keys/dataKey';
import { rekeyDatabase } from './rekey';
import { verifyAuditChain } from './repos/auditRepo';
import type { Db } from './sqlcipher';

export type LockReason = 'idle' | 'manual' | 'shutdown';

export interface SessionOptions {
  /** Lock after this long without use; `null` never locks by itself. */
  idleLockMs: number | null;
  /** Told after every lock, idle or not (the service turns it into a `workspace.locked` event). */
  onLocked?: (reason: LockReason) => void;
  /**
   * Where this workspace's audit anchor lives (anchor/anchorFile.ts `auditAnchorPath`). With it, every audit
   * append is anchored outside the database and `verifyAudit` compares against it; without it (tools,
   * tests) the chain is verified alone.
   */
  auditAnchorPath?: string;
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
  readonly #anchor: AuditAnchor | null;
  readonly #options: SessionOptions;

  /** Takes ownership of `db` and `key`: if the anchor cannot be set up, both are closed and wiped. */
  constructor(db: Db, key: Buffer, options: SessionOptions) {
    try {
      this.#anchor = options.auditAnchorPath === undefined ? null : AuditAnchor.attach(db, options.auditAnchorPath, key);
    } catch (error) {
      db.close();
      wipeKey(key);
      throw error;
    }
    this.#db = db;
    this.#key = key;
    this.#options = options;
    this.#arm();
  }

  /** This open created the audit anchor (the workspace had none: new, or from before anchors). */
  get auditAnchorCreated(): boolean {
    return this.#anchor?.created ?? false;
  }

  get locked(): boolean {
    return this.#db === null;
  }

  /** Run `fn` with the open database; LOCKED once the session is locked. */
  use<T>(fn: (db: Db) => T): T {
    if (!this.#db) throw new StoreError('LOCKED', 'the workspace is locked; unlock it to continue');
    this.#arm();
    try {
      return fn(this.#db);
    } finally {
      // Transactions inside `fn` are over: record the audit head they committed (or drop the one rolled back).
      if (this.#db) this.#anchor?.afterUse();
    }
  }

  /** The hash chain, then (with an anchor) the head recorded outside the database. */
  verifyAudit(): AnchoredAuditVerification {
    return this.use((db) => (this.#anchor ? this.#anchor.verify() : verifyAuditChain(db)));
  }

  /**
   * Replace the key of the open file (safe sequence in rekey.ts; this session holds the only connection).
   * The session takes ownership of `newKey` and wipes the old key.
   */
  rekey(newKey: Buffer): void {
    this.use((db) => {
      this.#anchor?.beginRekey(newKey);
      let rekeyed = false;
      try {
        rekeyDatabase(db, newKey);
        rekeyed = true;
      } finally {
        this.#anchor?.endRekey(rekeyed);
      }
    });
    wipeKey(this.#key);
    this.#key = newKey;
  }

  lock(reason: LockReason = 'manual'): void {
    if (!this.#db) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    try {
      this.#anchor?.close();
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
