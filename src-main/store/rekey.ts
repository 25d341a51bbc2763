import { applyRekey, probe, type Db } from './sqlcipher';

/**
 * Change the key of an open database. TOOLCHAIN gotcha 7: rekey in WAL mode is unsafe (with another
 * connection open it reported success and left a file neither key opens). So: the caller guarantees this is
 * the only connection (the session owns the one connection of its workspace), we checkpoint and leave WAL
 * for DELETE, rekey (SQLite3MultipleCiphers rewrites every page inside one rollback-journal transaction and
 * rolls back on error), probe, then return to WAL. A process killed in the middle of that transaction leaves a
 * hot journal: the old key replays it and opens every row, the new key is refused without touching anything
 * (tests/integration/store/rekeyCrash.test.ts). WorkspaceService therefore tries the old key first.
 */
export function rekeyDatabase(db: Db, newKey: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const mode = db.pragma('journal_mode = DELETE', { simple: true });
  if (mode !== 'delete') throw new Error(`could not leave WAL before rekey (journal_mode is ${String(mode)})`);
  try {
    applyRekey(db, newKey);
    probe(db);
  } finally {
    db.pragma('journal_mode = WAL');
  }
}
