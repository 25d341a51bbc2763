import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migration0010Initial } from './0010-initial';
import { runMigrations, schemaVersion } from './runMigrations';

describe('migration 0010 initial', () => {
  it('creates every table and sets user_version 10', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db, [migration0010Initial])).toEqual({ from: 0, to: 10, applied: [10] });
    expect(schemaVersion(db)).toBe(10);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(['audit_head', 'audit_log', 'connection_profile', 'draft_operations', 'drafts', 'push_calls', 'push_journals', 'snapshots', 'workspace']);
  });

  it('makes the audit log append-only and keeps one workspace row', () => {
    const db = new Database(':memory:');
    runMigrations(db, [migration0010Initial]);
    db.prepare("INSERT INTO audit_log VALUES (1, 't', 'a', 'x', '{}', ?, ?)").run('0'.repeat(64), 'h');
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.prepare("INSERT INTO workspace VALUES (1, 'w', 'n', 'demo', 't')").run();
    expect(() => db.prepare("INSERT INTO workspace VALUES (2, 'w', 'n', 'demo', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE workspace SET kind = 'other'").run()).toThrow(/CHECK/);
  });

  it('constrains push call statuses and draft operation sequence numbers', () => {
    const db = new Database(':memory:');
    runMigrations(db, [migration0010Initial]);
    db.prepare("INSERT INTO push_journals VALUES ('p', 'd', 't', NULL)").run();
    expect(() => db.prepare("INSERT INTO push_calls (push_id, seq, endpoint, request, status, planned_at) VALUES ('p', 1, 'e', '{}', 'maybe', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO push_calls (push_id, seq, endpoint, request, status, planned_at) VALUES ('p', 0, 'e', '{}', 'planned', 't')").run()).toThrow(/CHECK/);
  });
});
