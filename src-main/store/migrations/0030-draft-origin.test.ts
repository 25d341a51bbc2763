import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migration0010Initial } from './0010-initial';
import { migration0020PushPlan } from './0020-push-plan';
import { migration0030DraftOrigin } from './0030-draft-origin';
import { runMigrations, schemaVersion } from './runMigrations';

const UP_TO_20 = [migration0010Initial, migration0020PushPlan];

describe('migration 0030 draft origin', () => {
  it('adds the origin columns and recognises rollback drafts made before it by their name and push time', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    runMigrations(db, UP_TO_20);
    db.prepare("INSERT INTO snapshots VALUES (1, 'demo', 't', 't', 0, 0, 0, 0, 'json+gzip', 'x', x'00')").run();
    const draft = db.prepare('INSERT INTO drafts (id, name, base_snapshot_version, head, created_at, updated_at) VALUES (?, ?, 1, 0, ?, ?)');
    const push = db.prepare('INSERT INTO push_journals (id, draft_id, created_at, finished_at) VALUES (?, ?, ?, ?)');
    push.run('p1', 'd1', '2025-03-04T10:15:42.000Z', '2025-03-04T10:16:00.000Z');
    // Two pushes in the same minute: which one a rollback draft of that minute undoes cannot be told.
    push.run('p2', 'd2', '2025-03-04T11:00:01.000Z', '2025-03-04T11:00:30.000Z');
    push.run('p3', 'd3', '2025-03-04T11:00:40.000Z', '2025-03-04T11:00:50.000Z');
    draft.run('d1', 'Sales scopes', '2025-03-04T10:00:00.000Z', 't');
    draft.run('r1', 'Rollback · 回滚 2025-03-04 10:15', '2025-03-04T10:20:00.000Z', 't');
    draft.run('r2', 'Rollback · 回滚 2025-03-04 11:00', '2025-03-04T11:05:00.000Z', 't');
    draft.run('r3', 'Rollback · 回滚 2025-03-05 09:00', '2025-03-05T09:05:00.000Z', 't');

    runMigrations(db, [...UP_TO_20, migration0030DraftOrigin]);
    expect(schemaVersion(db)).toBe(30);
    const rows = db.prepare('SELECT id, origin_kind AS kind, origin_push_id AS pushId FROM drafts ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'd1', kind: null, pushId: null },
      { id: 'r1', kind: 'rollback', pushId: 'p1' },
      { id: 'r2', kind: null, pushId: null },
      { id: 'r3', kind: null, pushId: null },
    ]);
    expect(() => db.prepare("UPDATE drafts SET origin_kind = 'import' WHERE id = 'd1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE drafts SET origin_push_id = 'nope' WHERE id = 'd1'").run()).toThrow(/FOREIGN KEY/);
  });
});
