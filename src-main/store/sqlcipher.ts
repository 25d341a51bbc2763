import Database from 'better-sqlite3-multiple-ciphers';
import { assertDataKey } from './keys/dataKey';
import { StoreError, sqliteCode } from './errors';

export type Db = Database.Database;

const HEX = Buffer.from('0123456789abcdef', 'ascii');

/**
 * The raw-key form SQLCipher accepts, `x'<64 hex digits>'`, built byte by byte into a Buffer so that no
 * immutable JS string ever holds the key (a Buffer can be wiped; a string cannot). A raw key also skips
 * SQLCipher's 256k-round PBKDF2, which would only slow every open: our key is already 256 random bits.
 */
export function rawKeyBuffer(key: Buffer): Buffer {
  assertDataKey(key);
  const out = Buffer.alloc(3 + key.length * 2);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    const byte = key[i]!;
    out[2 + 2 * i] = HEX[byte >> 4]!;
    out[3 + 2 * i] = HEX[byte & 15]!;
  }
  out[out.length - 1] = 0x27;
  return out;
}

/**
 * TOOLCHAIN gotcha 6: on every open, in this order, `cipher='sqlcipher'`, `legacy=4`, then the key.
 * Without the cipher pragma SQLite3MultipleCiphers defaults to chacha20 and the file is not SQLCipher v4.
 */
export function applyKey(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  const raw = rawKeyBuffer(key);
  try {
    db.key(raw);
  } finally {
    raw.fill(0);
  }
}

/** Same encoding for a rekey (see rekey.ts for the sequence around it). */
export function applyRekey(db: Db, key: Buffer): void {
  const raw = rawKeyBuffer(key);
  try {
    db.rekey(raw);
  } finally {
    raw.fill(0);
  }
}

/**
 * A wrong key is only noticed on the first read (gotcha 6), so read page 1 right after keying.
 * Returns normally when the key opens the file; throws the SQLite error otherwise.
 */
export function probe(db: Db): void {
  db.prepare('SELECT count(*) FROM sqlite_master').get();
}

/** Open a connection and key it; the connection is closed again if keying or the probe fails. */
export function openKeyed(path: string, key: Buffer, options: { create: boolean; readonly?: boolean }): Db {
  let db: Db;
  try {
    db = new Database(path, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_CANTOPEN') throw new StoreError('NOT_FOUND', 'the workspace file does not exist', {}, { cause: error });
    throw error;
  }
  try {
    applyKey(db, key);
    probe(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
