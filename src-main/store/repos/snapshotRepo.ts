import { snapshotSchema, type Snapshot } from '../../common/domain';
import { StoreError } from '../errors';
import type { Db } from '../sqlcipher';
import { sql } from '../statements';
import { SNAPSHOT_ENCODING, decodeSnapshot, encodeSnapshot } from './snapshotCodec';

/** What a list of snapshots shows without decoding any of them. */
export interface SnapshotInfo {
  version: number;
  sourceKind: Snapshot['source']['kind'];
  takenAt: string;
  savedAt: string;
  counts: { departments: number; users: number; permissions: number; roles: number };
  /** Compressed size in bytes. */
  bytes: number;
}

interface SnapshotInfoRow {
  version: number;
  source_kind: Snapshot['source']['kind'];
  taken_at: string;
  saved_at: string;
  department_count: number;
  user_count: number;
  permission_count: number;
  role_count: number;
  bytes: number;
}

const INFO_COLUMNS = `version, source_kind, taken_at, saved_at, department_count, user_count, permission_count, role_count, length(body) AS bytes`;

function toInfo(row: SnapshotInfoRow): SnapshotInfo {
  return {
    version: row.version,
    sourceKind: row.source_kind,
    takenAt: row.taken_at,
    savedAt: row.saved_at,
    counts: { departments: row.department_count, users: row.user_count, permissions: row.permission_count, roles: row.role_count },
    bytes: row.bytes,
  };
}

/**
 * Store a snapshot as the next version; it becomes the base. Older versions stay for rollback.
 * The input is checked against the domain schema first: nothing malformed gets into the file.
 */
export function saveSnapshot(db: Db, args: { snapshot: Snapshot; savedAt: string }): SnapshotInfo {
  const parsed = snapshotSchema.safeParse(args.snapshot);
  if (!parsed.success) throw new StoreError('INVALID_DATA', `not a valid snapshot: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  const snapshot = parsed.data;
  const encoded = encodeSnapshot(snapshot);
  const version = db
    .transaction(() => {
      const next = (sql(db, 'SELECT coalesce(max(version), 0) + 1 AS next FROM snapshots').get() as { next: number }).next;
      sql(db, 
        `INSERT INTO snapshots (version, source_kind, taken_at, saved_at, department_count, user_count, permission_count, role_count, encoding, sha256, body)
         VALUES (@version, @sourceKind, @takenAt, @savedAt, @departments, @users, @permissions, @roles, @encoding, @sha256, @body)`,
      ).run({
        version: next,
        sourceKind: snapshot.source.kind,
        takenAt: snapshot.source.takenAt,
        savedAt: args.savedAt,
        departments: snapshot.departments.length,
        users: snapshot.users.length,
        permissions: snapshot.permissions.length,
        roles: snapshot.roles.length,
        encoding: SNAPSHOT_ENCODING,
        sha256: encoded.sha256,
        body: encoded.body,
      });
      return next;
    })
    .immediate();
  return getSnapshotInfo(db, { version })!;
}

export function getSnapshotInfo(db: Db, args: { version: number }): SnapshotInfo | null {
  const row = sql(db, `SELECT ${INFO_COLUMNS} FROM snapshots WHERE version = ?`).get(args.version) as SnapshotInfoRow | undefined;
  return row ? toInfo(row) : null;
}

/** Newest first. */
export function listSnapshots(db: Db): SnapshotInfo[] {
  return (sql(db, `SELECT ${INFO_COLUMNS} FROM snapshots ORDER BY version DESC`).all() as SnapshotInfoRow[]).map(toInfo);
}

/** The base is the newest snapshot; null in a workspace that has never been pulled. */
export function latestSnapshotVersion(db: Db): number | null {
  const row = sql(db, 'SELECT max(version) AS version FROM snapshots').get() as { version: number | null };
  return row.version;
}

/** Load one version (default: the newest), decoded and validated. */
export function loadSnapshot(db: Db, args: { version?: number } = {}): { info: SnapshotInfo; snapshot: Snapshot } {
  const version = args.version ?? latestSnapshotVersion(db);
  if (version === null) throw new StoreError('NOT_FOUND', 'this workspace has no snapshot yet; pull from the server first');
  const row = sql(db, `SELECT ${INFO_COLUMNS}, encoding, sha256, body FROM snapshots WHERE version = ?`).get(version) as
    | (SnapshotInfoRow & { encoding: string; sha256: string; body: Buffer })
    | undefined;
  if (!row) throw new StoreError('NOT_FOUND', `snapshot version ${version} does not exist`);
  if (row.encoding !== SNAPSHOT_ENCODING) throw new StoreError('INVALID_DATA', `unknown snapshot encoding ${row.encoding}`);
  return { info: toInfo(row), snapshot: decodeSnapshot(row.body, row.sha256) };
}

/**
 * Drop old versions beyond the newest `keep`, except those a draft is still based on (a draft must always
 * be able to see its base). Returns the versions removed.
 */
export function pruneSnapshots(db: Db, args: { keep: number }): number[] {
  if (!Number.isInteger(args.keep) || args.keep < 1) throw new RangeError('keep at least one snapshot');
  return db
    .transaction(() => {
      const doomed = (
        db
          .prepare(
            `SELECT version FROM snapshots
             WHERE version NOT IN (SELECT version FROM snapshots ORDER BY version DESC LIMIT ?)
               AND version NOT IN (SELECT base_snapshot_version FROM drafts)
             ORDER BY version`,
          )
          .all(args.keep) as Array<{ version: number }>
      ).map((r) => r.version);
      const del = sql(db, 'DELETE FROM snapshots WHERE version = ?');
      for (const v of doomed) del.run(v);
      return doomed;
    })
    .immediate();
}
