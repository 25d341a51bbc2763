import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migration0010Initial } from './0010-initial';
import { migration0020PushPlan } from './0020-push-plan';
import { runMigrations, schemaVersion } from './runMigrations';

describe('migration 0020 push plan', () => {
  it('fills the plan of existing journals from their push.planned audit entries, and marks finished ones verified', () => {
    const db = new Database(':memory:');
    runMigrations(db, [migration0010Initial]);
    db.prepare("INSERT INTO push_journals VALUES ('p1', 'd1', 't0', 't9')").run();
    db.prepare("INSERT INTO push_journals VALUES ('p2', 'd2', 't1', NULL)").run();
    const ops = [{ type: 'setDataScope', roleId: '7', dataScope: 3 }];
    // Before migration 20 the workspace wrote two entries: the journal's (no plan) and the workflow's (with it).
    const audit = db.prepare("INSERT INTO audit_log VALUES (?, 't', 'a', 'push.planned', ?, ?, 'h')");
    audit.run(1, JSON.stringify({ pushId: 'p1', draftId: 'd1', calls: 1 }), '0'.repeat(64));
    audit.run(2, JSON.stringify({ pushId: 'p1', draftId: 'd1', plannedOnVersion: 4, ops }), 'h');
    runMigrations(db, [migration0010Initial, migration0020PushPlan]);
    expect(schemaVersion(db)).toBe(20);
    const rows = db.prepare('SELECT id, planned_on_version AS v, ops, outcome FROM push_journals ORDER BY id').all() as Array<{ id: string; v: number | null; ops: string | null; outcome: string | null }>;
    expect(rows[0]).toMatchObject({ id: 'p1', v: 4, outcome: 'verified' });
    expect(JSON.parse(rows[0]!.ops!)).toEqual(ops);
    // A journal whose plan was never recorded (the crash this migration ends) stays without one.
    expect(rows[1]).toEqual({ id: 'p2', v: null, ops: null, outcome: null });
    expect(() => db.prepare("UPDATE push_journals SET outcome = 'maybe' WHERE id = 'p2'").run()).toThrow(/CHECK/);
  });
});
