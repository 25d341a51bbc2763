import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../src-main/services/workspace';
import { GENESIS_HASH, StoreSession, auditAnchorPath, createStore, keyCheckOf, openStore, unsealWithPassphrase, type Db } from '../../../src-main/store';
import { buildSnapshot } from './fixtures/buildSnapshot';
import { TEST_SCRYPT, existsSync, freshKey, join, makeTempDir } from './fixtures/files';
import { runUntilSelfKill } from './fixtures/killAfterReady';

const PASS = 'a good passphrase';

interface AnchorFile {
  head: { seq: number; hash: string };
  pending?: { seq: number; hash: string };
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The store's entry hash (repos/auditCanonical.ts), recomputed the way someone holding the key would. */
function hashOf(row: Pick<Row, 'at' | 'actor' | 'action' | 'details' | 'prev_hash'>): string {
  return createHash('sha256').update(JSON.stringify([row.at, row.actor, row.action, row.details, row.prev_hash]), 'utf8').digest('hex');
}

/**
 * Tampering done by someone who holds the data key: the workspace is locked, they open the file with the key
 * (any SQLCipher tool would do), drop the append-only triggers, change the log, and leave a chain that is
 * whole and a head that matches it. Before the anchor, `audit.verify` said ok for all three.
 */
describe('the audit anchor outside the database', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let service: WorkspaceService;
  let id: string;
  const dbPath = () => join(temp.dir, `${id}.gatehouse`);
  const anchorPath = () => `${dbPath()}.anchor`;

  async function asKeyHolder(change: (db: Db) => void): Promise<void> {
    service.lock(id);
    const header = JSON.parse(readFileSync(join(temp.dir, `${id}.workspace.json`), 'utf8'));
    const key = await unsealWithPassphrase(header.key.sealedKey, PASS, id);
    const db = openStore(dbPath(), key);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.transaction(() => {
      change(db);
      const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
      db.prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE singleton = 1').run(last.seq, last.hash);
    })();
    db.close();
    key.fill(0);
    await service.unlock(id, PASS);
  }

  const rows = (db: Db): Row[] => db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
  /** Re-chain every entry from `fromSeq` on, so that the hash chain and the head are whole again. */
  function rehashFrom(db: Db, fromSeq: number): void {
    let prev = fromSeq === 1 ? GENESIS_HASH : (db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(fromSeq - 1) as { hash: string }).hash;
    for (const row of rows(db).filter((r) => r.seq >= fromSeq)) {
      const hash = hashOf({ ...row, prev_hash: prev });
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, row.seq);
      prev = hash;
    }
  }

  beforeEach(async () => {
    temp = makeTempDir('anchor');
    service = new WorkspaceService({ directory: temp.dir, scrypt: TEST_SCRYPT, idleLockMs: null });
    ({ id } = await service.create({ name: 'CRM', protection: { kind: 'passphrase', passphrase: PASS } }));
    const data = service.data(id);
    data.saveSnapshot(buildSnapshot(30));
    for (let n = 1; n <= 8; n++) data.createDraft({ name: `draft ${n}` });
    // created, snapshot.saved, 8 × draft.created
    expect(data.verifyAudit()).toEqual({ ok: true, entries: 10 });
  });
  afterEach(() => {
    service.lockAll();
    temp.cleanup();
  });

  it('stays in step through commits, a lock and an unlock', async () => {
    expect(existsSync(anchorPath())).toBe(true);
    service.lock(id);
    await service.unlock(id, PASS);
    service.data(id).renameDraft(service.data(id).listDrafts()[0]!.id, 'renamed');
    expect(service.data(id).verifyAudit()).toEqual({ ok: true, entries: 12 });
  });

  it('truncation: the tail deleted and the head moved back is TRUNCATED', async () => {
    await asKeyHolder((db) => db.prepare('DELETE FROM audit_log WHERE seq > 7').run());
    // 7 left, plus this unlock's own entry; the anchor had 10.
    expect(service.data(id).verifyAudit()).toMatchObject({ ok: false, entries: 8, reason: 'TRUNCATED', brokenAt: 8 });
  });

  it('truncation of the last entry alone is TRUNCATED too, although the unlock then writes a new entry 10', async () => {
    await asKeyHolder((db) => db.prepare('DELETE FROM audit_log WHERE seq = 10').run());
    expect(service.data(id).verifyAudit()).toMatchObject({ ok: false, entries: 10, reason: 'TRUNCATED', brokenAt: 10 });
  });

  it('rewrite: an entry edited and everything after it re-hashed is REWRITTEN', async () => {
    await asKeyHolder((db) => {
      db.prepare('UPDATE audit_log SET actor = ? WHERE seq = 4').run('someone else');
      rehashFrom(db, 4);
    });
    expect(service.data(id).verifyAudit()).toMatchObject({ ok: false, entries: 11, reason: 'REWRITTEN', brokenAt: 10 });
  });

  it('forgery: entries appended with correct hashes and the head updated is FORGED, from the first forged one', async () => {
    await asKeyHolder((db) => {
      let prev = (db.prepare('SELECT hash FROM audit_log WHERE seq = 10').get() as { hash: string }).hash;
      for (const seq of [11, 12]) {
        const row = { at: '2026-11-29T00:00:00.000Z', actor: 'local user', action: 'draft.deleted', details: `{"draftId":"x${seq}"}`, prev_hash: prev };
        const hash = hashOf(row);
        db.prepare('INSERT INTO audit_log (seq, at, actor, action, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(seq, row.at, row.actor, row.action, row.details, prev, hash);
        prev = hash;
      }
    });
    expect(service.data(id).verifyAudit()).toMatchObject({ ok: false, entries: 13, reason: 'FORGED', brokenAt: 11 });
  });

  it('a tampered log stays reported: later commits do not move the anchor past the evidence', async () => {
    await asKeyHolder((db) => db.prepare('DELETE FROM audit_log WHERE seq > 7').run());
    expect(service.data(id).verifyAudit()).toMatchObject({ ok: false, reason: 'TRUNCATED' });
    for (let n = 0; n < 5; n++) service.data(id).createDraft({ name: `after ${n}` });
    service.lock(id);
    await service.unlock(id, PASS);
    // Still reported after a reopen; by then the log has grown past entry 10 again, so only "not the entry
    // Gatehouse committed" can be said (the first open said TRUNCATED).
    expect(service.data(id).verifyAudit()).toMatchObject({ ok: false, reason: 'REWRITTEN', brokenAt: 10 });
  });

  it('an anchor edited by hand (no MAC under this workspace key) is ANCHOR_INVALID', async () => {
    service.lock(id);
    const anchor = JSON.parse(readFileSync(anchorPath(), 'utf8'));
    writeFileSync(anchorPath(), JSON.stringify({ ...anchor, head: { ...anchor.head, seq: 3 } }));
    await service.unlock(id, PASS);
    expect(service.data(id).verifyAudit()).toMatchObject({ ok: false, reason: 'ANCHOR_INVALID' });
  });

  it('an anchor removed while the workspace is open is ANCHOR_MISSING', () => {
    rmSync(anchorPath());
    expect(service.data(id).verifyAudit()).toMatchObject({ ok: false, entries: 10, reason: 'ANCHOR_MISSING' });
  });

  it('a workspace without an anchor (from before anchors) gets one at open, not a report; the log notes it', async () => {
    service.lock(id);
    rmSync(anchorPath());
    await service.unlock(id, PASS);
    const data = service.data(id);
    expect(data.verifyAudit()).toEqual({ ok: true, entries: 11 });
    expect(data.listAudit({ limit: 1 })[0]).toMatchObject({ action: 'workspace.unlocked', details: { auditAnchor: 'created' } });
    expect(existsSync(anchorPath())).toBe(true);
  });

  it('a passphrase change re-MACs the anchor under the new key', async () => {
    await service.changePassphrase(id, { current: PASS, next: 'another good passphrase' });
    expect(service.data(id).verifyAudit()).toEqual({ ok: true, entries: 11 });
    service.lock(id);
    await service.unlock(id, 'another good passphrase');
    expect(service.data(id).verifyAudit()).toEqual({ ok: true, entries: 12 });
  });
});

describe('the audit anchor across a crash', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('anchor-crash');
  });
  afterEach(() => temp.cleanup());

  async function crashed(where: 'beforeCommit' | 'afterCommit'): Promise<{ path: string; key: Buffer; anchorAtCrash: AnchorFile }> {
    const path = join(temp.dir, 'a.gatehouse');
    const key = freshKey();
    createStore(path, key).close();
    await runUntilSelfKill('killAroundCommit.ts', [path, '6', where], key.toString('hex'));
    return { path, key, anchorAtCrash: JSON.parse(readFileSync(auditAnchorPath(path), 'utf8')) as AnchorFile };
  }
  function reopen(path: string, key: Buffer): StoreSession {
    return new StoreSession(openStore(path, key, { expectedKeyCheck: keyCheckOf(key) }), Buffer.from(key), { idleLockMs: null, auditAnchorPath: auditAnchorPath(path) });
  }

  it('killed after the anchor announced the head but before COMMIT: the log has 5 entries and verifies', async () => {
    const { path, key, anchorAtCrash } = await crashed('beforeCommit');
    expect(anchorAtCrash).toMatchObject({ head: { seq: 5 }, pending: { seq: 6 } });
    const session = reopen(path, key);
    expect(session.verifyAudit()).toEqual({ ok: true, entries: 5 });
    session.lock();
    expect(JSON.parse(readFileSync(auditAnchorPath(path), 'utf8'))).not.toHaveProperty('pending');
  });

  it('killed after COMMIT but before the anchor recorded it: the log has 6 entries, verifies, and the anchor catches up', async () => {
    const { path, key, anchorAtCrash } = await crashed('afterCommit');
    expect(anchorAtCrash).toMatchObject({ head: { seq: 5 }, pending: { seq: 6 } });
    const session = reopen(path, key);
    expect(session.verifyAudit()).toEqual({ ok: true, entries: 6 });
    session.lock();
    expect(JSON.parse(readFileSync(auditAnchorPath(path), 'utf8'))).toMatchObject({ head: { seq: 6 } });
    expect(JSON.parse(readFileSync(auditAnchorPath(path), 'utf8'))).not.toHaveProperty('pending');
  });
});
