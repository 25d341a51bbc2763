import { existsSync, renameSync } from 'node:fs';
import { auditAnchorPath } from './anchor/anchorFile';
import { StoreError } from './errors';

/** What a person can do after a damaged file: the snapshot comes back from the server; drafts from exports. */
export const RECOVERY_OPTIONS = [
  'Pull again from the server to rebuild the permission snapshot.',
  'Import drafts you exported earlier; drafts that were never exported were only in the damaged file.',
] as const;

/**
 * The database file, the companions SQLite keeps next to it in WAL mode, and its audit anchor (which
 * describes this file's log and would only contradict a fresh one).
 */
export function databaseFiles(path: string): string[] {
  return [path, `${path}-wal`, `${path}-shm`, `${path}-journal`, auditAnchorPath(path)];
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/**
 * Rename a damaged database (and its WAL/SHM/journal) out of the way, never delete it: someone may still
 * recover rows from it with other tools. Returns the new paths.
 */
export function moveAside(path: string, now: Date = new Date()): string[] {
  let suffix = `.damaged-${stamp(now)}`;
  for (let n = 2; databaseFiles(path).some((f) => existsSync(f + suffix)); n++) suffix = `.damaged-${stamp(now)}-${n}`;
  const moved: string[] = [];
  for (const file of databaseFiles(path)) {
    if (!existsSync(file)) continue;
    renameSync(file, file + suffix);
    moved.push(file + suffix);
  }
  return moved;
}

/** Move the file aside and build the DAMAGED error that says what happened and what can be recovered. */
export function damaged(path: string, reason: string, now: Date, cause?: unknown): StoreError {
  const movedTo = moveAside(path, now);
  const where = movedTo[0] ?? path;
  return new StoreError(
    'DAMAGED',
    `The workspace file is damaged (${reason}). It was moved aside to ${where} and not deleted. ${RECOVERY_OPTIONS.join(' ')}`,
    { reason, movedTo, recoverable: [...RECOVERY_OPTIONS] },
    { cause },
  );
}
