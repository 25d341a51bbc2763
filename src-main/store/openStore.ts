import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import { damaged } from './damage';
import { StoreError, sqliteCode } from './errors';
import { keyMatchesCheck } from './keys/dataKey';
import type { Migration } from './migrations/migration';
import { MIGRATIONS } from './migrations/registry';
import { runMigrations, schemaVersion } from './migrations/runMigrations';
import { openKeyed, type Db } from './sqlcipher';
import { walLossProblem } from './walCheck';

export interface OpenStoreOptions {
  /**
   * The key check saved when the workspace was created (keys/dataKey.ts `keyCheckOf`). With it, a key that
   * does not match is WRONG_KEY before the file is touched, and an unreadable file with the right key is
   * known to be DAMAGED. Without it the two look the same to SQLCipher, and we answer WRONG_KEY: a file is
   * only ever moved aside when we know the key was right.
   */
  expectedKeyCheck?: string;
  now?: () => Date;
  migrations?: readonly Migration[];
}

/** Create a new encrypted workspace file, keyed and migrated to the newest schema. */
export function createStore(path: string, key: Buffer, options: Pick<OpenStoreOptions, 'migrations'> = {}): Db {
  // Create the file ourselves, exclusively and owner-only; SQLite gives the -wal and -shm files the same mode.
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new StoreError('ALREADY_EXISTS', 'a workspace file already exists at this path');
    throw error;
  }
  const db = openKeyed(path, key, { create: true });
  try {
    runMigrations(db, options.migrations ?? MIGRATIONS);
    configureConnection(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Open an existing workspace file: key it, probe it, check its pages, migrate it.
 * WRONG_KEY and NEWER_VERSION change nothing on disk; DAMAGED has already moved the file aside.
 */
export function openStore(path: string, key: Buffer, options: OpenStoreOptions = {}): Db {
  const now = options.now ?? (() => new Date());
  if (!existsSync(path)) throw new StoreError('NOT_FOUND', 'the workspace file does not exist');
  const keyVerified = options.expectedKeyCheck !== undefined;
  if (keyVerified && !keyMatchesCheck(key, options.expectedKeyCheck!)) {
    throw new StoreError('WRONG_KEY', 'this key does not open the workspace; nothing was changed');
  }
  if (statSync(path).size === 0) throw damaged(path, 'the file is empty', now());
  // Before any connection: opening replays the WAL only up to a bad frame, and closing checkpoints it, so
  // the committed frames after the damage would be gone from disk by the time anything else could look.
  const walProblem = walLossProblem(`${path}-wal`);
  if (walProblem) {
    if (!keyVerified) confirmKeyWithoutTouching(path, key);
    throw damaged(path, walProblem, now());
  }

  let db: Db;
  try {
    db = openKeyed(path, key, { create: false });
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_NOTADB' && !keyVerified) {
      throw new StoreError('WRONG_KEY', 'this key does not open the workspace; nothing was changed', {}, { cause: error });
    }
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') throw damaged(path, 'its first page cannot be read', now(), error);
    throw error;
  }

  try {
    const problem = integrityProblem(db);
    if (problem) {
      db.close();
      throw damaged(path, problem, now());
    }
    if (schemaVersion(db) === 0) {
      db.close();
      throw damaged(path, 'it holds no Gatehouse schema', now());
    }
    runMigrations(db, options.migrations ?? MIGRATIONS);
    configureConnection(db);
    return db;
  } catch (error) {
    if (db.open) db.close();
    throw error;
  }
}

/**
 * Without a key check, a file is moved aside only once the key is known to open it. A read-only connection
 * never checkpoints (SQLite refuses to on a read-only handle), so the database and its WAL stay as they are;
 * only the -shm index, which SQLite rebuilds from the WAL anyway, may be rewritten.
 */
function confirmKeyWithoutTouching(path: string, key: Buffer): void {
  let probeDb: Db;
  try {
    probeDb = openKeyed(path, key, { create: false, readonly: true });
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_NOTADB') throw new StoreError('WRONG_KEY', 'this key does not open the workspace; nothing was changed', {}, { cause: error });
    throw error;
  }
  probeDb.close();
}

/**
 * `quick_check` reads every page, so SQLCipher verifies every page's HMAC: a flipped byte or a truncated
 * tail anywhere is caught here, at open, rather than in the middle of some later read.
 */
function integrityProblem(db: Db): string | null {
  try {
    const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
    const first = rows[0]?.quick_check;
    return first === 'ok' ? null : `integrity check: ${first ?? 'no answer'}`;
  } catch (error) {
    const code = sqliteCode(error);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return 'some pages cannot be decrypted or are missing';
    throw error;
  }
}

/**
 * WAL: readers do not block the writer and a commit is one append. synchronous=NORMAL in WAL survives a
 * crashed or killed process without losing a commit (tested); on power loss the newest commits may be lost
 * but the file stays consistent, and FULL would cost an fsync per draft operation.
 */
export function configureConnection(db: Db): void {
  // Sorts and temporary indexes that spill to disk go to temp/transient files, which SQLite3MultipleCiphers'
  // VFS leaves unencrypted (only the main file, journals and WAL are; see mcIoRead in its sqlite3.c):
  // keep them in memory so no plaintext row ever reaches the disk.
  db.pragma('temp_store = MEMORY');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
}
