import type { Db } from './sqlcipher';

/**
 * Run several repo calls as one unit (BEGIN IMMEDIATE: take the write lock up front, so the transaction
 * cannot fail half-way on a lock upgrade). Repo functions that open their own transaction nest as savepoints.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}
