import { StoreError } from '../errors';
import type { Db } from '../sqlcipher';
import { sql } from '../statements';

export type WorkspaceKind = 'demo' | 'connected';

export interface WorkspaceMeta {
  id: string;
  name: string;
  kind: WorkspaceKind;
  createdAt: string;
}

/** Where and as whom to connect. The secret (API token or password) exists only inside the encrypted file. */
export interface ConnectionProfile {
  connector: string;
  serverUrl: string;
  username: string;
  secretKind: 'token' | 'password';
  secret: string;
  updatedAt: string;
}

/** The profile without its secret: what may leave the main process (to the renderer, to logs). */
export type ConnectionProfileSummary = Omit<ConnectionProfile, 'secret'> & { hasSecret: boolean };

export function initWorkspaceMeta(db: Db, meta: WorkspaceMeta): void {
  sql(db, 'INSERT INTO workspace (singleton, id, name, kind, created_at) VALUES (1, @id, @name, @kind, @createdAt)').run(meta);
}

export function getWorkspaceMeta(db: Db): WorkspaceMeta {
  const row = sql(db, 'SELECT id, name, kind, created_at AS createdAt FROM workspace WHERE singleton = 1').get() as WorkspaceMeta | undefined;
  if (!row) throw new StoreError('INVALID_DATA', 'the workspace file has no workspace record');
  return row;
}

export function renameWorkspace(db: Db, args: { name: string }): void {
  sql(db, 'UPDATE workspace SET name = ? WHERE singleton = 1').run(args.name);
}

export function setConnectionProfile(db: Db, profile: ConnectionProfile): void {
  sql(db, 
    `INSERT INTO connection_profile (singleton, connector, server_url, username, secret_kind, secret, updated_at)
     VALUES (1, @connector, @serverUrl, @username, @secretKind, @secret, @updatedAt)
     ON CONFLICT (singleton) DO UPDATE SET connector = excluded.connector, server_url = excluded.server_url,
       username = excluded.username, secret_kind = excluded.secret_kind, secret = excluded.secret, updated_at = excluded.updated_at`,
  ).run(profile);
}

/** With the secret: for the connector only. */
export function getConnectionProfile(db: Db): ConnectionProfile | null {
  const row = db
    .prepare(
      `SELECT connector, server_url AS serverUrl, username, secret_kind AS secretKind, secret, updated_at AS updatedAt
       FROM connection_profile WHERE singleton = 1`,
    )
    .get() as ConnectionProfile | undefined;
  return row ?? null;
}

export function getConnectionProfileSummary(db: Db): ConnectionProfileSummary | null {
  const profile = getConnectionProfile(db);
  if (!profile) return null;
  const { secret, ...rest } = profile;
  return { ...rest, hasSecret: secret.length > 0 };
}

export function clearConnectionProfile(db: Db): void {
  sql(db, 'DELETE FROM connection_profile WHERE singleton = 1').run();
}
