import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, createStore, listAudit, verifyAuditChain, type Db } from '../../../src-main/store';
import { freshKey, join, makeTempDir } from './fixtures/files';

/**
 * Tampering here bypasses the application (raw SQL, triggers dropped), as someone editing the decrypted file
 * with other tools would. The chain, not the triggers, is what must catch it.
 */
describe('the audit log hash chain', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let db: Db;

  beforeEach(() => {
    temp = makeTempDir('audit');
    db = createStore(join(temp.dir, 'a.gatehouse'), freshKey());
    for (let i = 1; i <= 6; i++) {
      appendAudit(db, { at: `2026-11-29T00:00:0${i}Z`, actor: 'admin', action: 'draft.created', details: { n: i, name: `draft ${i}` } });
    }
  });
  afterEach(() => {
    db.close();
    temp.cleanup();
  });

  const dropGuards = () => db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');

  it('verifies an untouched log', () => {
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 6 });
    expect(listAudit(db, { limit: 2 }).map((e) => e.seq)).toEqual([6, 5]);
  });

  it('refuses updates and deletes from inside the application', () => {
    expect(() => db.prepare('UPDATE audit_log SET actor = ? WHERE seq = 3').run('mallory')).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 3').run()).toThrow(/append-only/);
  });

  it('names an edited entry', () => {
    dropGuards();
    db.prepare('UPDATE audit_log SET details = ? WHERE seq = 3').run('{"n":3,"name":"something else"}');
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 3, reason: 'ENTRY_ALTERED' });
  });

  it('catches an edited entry whose own hash was recomputed, at the next link', () => {
    dropGuards();
    const row = db.prepare('SELECT * FROM audit_log WHERE seq = 3').get() as { at: string; actor: string; action: string; prev_hash: string };
    // Recompute entry 3's own hash the way the store does, after changing the actor.
    const forged = appendForgery(row.at, 'mallory', row.action, '{"n":3}', row.prev_hash);
    db.prepare('UPDATE audit_log SET actor = ?, details = ?, hash = ? WHERE seq = 3').run('mallory', '{"n":3}', forged);
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 4, reason: 'CHAIN_BROKEN' });
  });

  it('names a deleted entry', () => {
    dropGuards();
    db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 4, reason: 'MISSING_ENTRY' });
  });

  it('catches a deleted entry when the rest were renumbered to hide the gap', () => {
    dropGuards();
    db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    db.prepare('UPDATE audit_log SET seq = seq - 1 WHERE seq > 4').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 4, reason: 'CHAIN_BROKEN' });
  });

  it('catches a deleted last entry (the chain alone would still look whole)', () => {
    dropGuards();
    db.prepare('DELETE FROM audit_log WHERE seq = 6').run();
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 6, reason: 'HEAD_MISMATCH' });
  });

  it('names reordered entries', () => {
    dropGuards();
    db.exec('UPDATE audit_log SET seq = 100 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 100;');
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'CHAIN_BROKEN' });
  });

  it('keeps chaining after a reopen', () => {
    appendAudit(db, { at: 'later', actor: 'admin', action: 'workspace.locked' });
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 7 });
  });
});

/** The store's canonical form and hash (repos/auditCanonical.ts), recomputed the way a forger would. */
function appendForgery(at: string, actor: string, action: string, details: string, prevHash: string): string {
  return createHash('sha256').update(JSON.stringify([at, actor, action, details, prevHash]), 'utf8').digest('hex');
}
