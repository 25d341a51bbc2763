/** Helpers for the store's own unit tests and the workspace service's tests; not part of the store's surface. */
import Database from 'better-sqlite3-multiple-ciphers';
import { runMigrations } from '../migrations/runMigrations';
import type { Db } from '../sqlcipher';

/**
 * For repo unit tests only: the real schema in an unencrypted in-memory database. Encryption is
 * transparent to the repos; tests/integration/store covers real SQLCipher files.
 */
export function memoryDb(): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db);
  return db;
}
