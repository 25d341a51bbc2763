import type { Migration } from './migration';

/**
 * The first schema. Snapshots are stored as one compressed JSON blob per version (see repos/snapshotCodec.ts
 * for why, with measurements); everything that changes a little at a time (drafts, push calls, audit
 * entries) is one row per item so that an append is one small write.
 */
export const migration0010Initial: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE workspace (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('demo', 'connected')),
        created_at TEXT NOT NULL
      ) STRICT;

      -- Server credentials live only here, inside the encrypted file (ARCHITECTURE §4).
      CREATE TABLE connection_profile (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        connector TEXT NOT NULL,
        server_url TEXT NOT NULL,
        username TEXT NOT NULL,
        secret_kind TEXT NOT NULL CHECK (secret_kind IN ('token', 'password')),
        secret TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE snapshots (
        version INTEGER PRIMARY KEY,
        source_kind TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        department_count INTEGER NOT NULL,
        user_count INTEGER NOT NULL,
        permission_count INTEGER NOT NULL,
        role_count INTEGER NOT NULL,
        encoding TEXT NOT NULL CHECK (encoding IN ('json+gzip')),
        sha256 TEXT NOT NULL,
        body BLOB NOT NULL
      ) STRICT;

      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        base_snapshot_version INTEGER NOT NULL REFERENCES snapshots(version),
        -- Undo/redo pointer: operations 1..head are applied; head+1..max can be redone.
        head INTEGER NOT NULL DEFAULT 0 CHECK (head >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE draft_operations (
        draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        operation TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (draft_id, seq)
      ) STRICT, WITHOUT ROWID;

      -- A push journal outlives its draft: it is the record of what was sent to the server.
      CREATE TABLE push_journals (
        id TEXT PRIMARY KEY,
        draft_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        finished_at TEXT
      ) STRICT;

      CREATE TABLE push_calls (
        push_id TEXT NOT NULL REFERENCES push_journals(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        endpoint TEXT NOT NULL,
        request TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('planned', 'sent', 'done', 'failed')),
        response TEXT,
        error TEXT,
        planned_at TEXT NOT NULL,
        sent_at TEXT,
        finished_at TEXT,
        PRIMARY KEY (push_id, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY CHECK (seq >= 1),
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL,
        -- SHA-256 (hex) of the previous entry's canonical form; 64 zeros for the first entry.
        prev_hash TEXT NOT NULL,
        -- SHA-256 (hex) of this entry's canonical form: tells an altered entry from a broken link.
        hash TEXT NOT NULL
      ) STRICT;

      -- The hash of the newest entry, written in the same transaction as the entry: without it a deleted
      -- or edited last entry would leave a chain that still looks whole.
      CREATE TABLE audit_head (
        singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;

      -- Append-only inside the application. Someone editing the file with other tools can drop these
      -- triggers; verifyAuditChain catches what they then change.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
  },
};
