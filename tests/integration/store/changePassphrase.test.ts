import Database from 'better-sqlite3-multiple-ciphers';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../src-main/services/workspace';
import { appendAudit, applyKey, createStore, keyCheckOf, openStore, rekeyDatabase } from '../../../src-main/store';
import { buildSnapshot } from './fixtures/buildSnapshot';
import { TEST_SCRYPT, freshKey, hashFolder, join, makeTempDir } from './fixtures/files';

const OLD = 'old passphrase 1';
const NEW = 'new passphrase 2';

describe('changing the passphrase', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let service: WorkspaceService;
  let id: string;
  const headerPath = () => join(temp.dir, `${id}.workspace.json`);

  beforeEach(async () => {
    temp = makeTempDir('rekey');
    service = new WorkspaceService({ directory: temp.dir, scrypt: TEST_SCRYPT, idleLockMs: null });
    ({ id } = await service.create({ name: 'CRM', protection: { kind: 'passphrase', passphrase: OLD } }));
    service.data(id).saveSnapshot(buildSnapshot(30));
  });
  afterEach(() => {
    service.lockAll();
    temp.cleanup();
  });

  it('rotates the key: the new passphrase opens the file, the old one gives WRONG_KEY', async () => {
    const keyCheckBefore = JSON.parse(readFileSync(headerPath(), 'utf8')).key.keyCheck;
    await service.changePassphrase(id, { current: OLD, next: NEW });
    expect(service.data(id).listSnapshots()).toHaveLength(1); // still usable without a reopen
    service.lock(id);

    const header = JSON.parse(readFileSync(headerPath(), 'utf8'));
    expect(header.key.keyCheck).not.toBe(keyCheckBefore); // a new data key, not just a re-wrapped one
    expect(header.pendingKey).toBeUndefined();

    const fresh = new WorkspaceService({ directory: temp.dir, idleLockMs: null });
    await expect(fresh.unlock(id, OLD)).rejects.toMatchObject({ code: 'WRONG_KEY' });
    await fresh.unlock(id, NEW);
    const data = fresh.data(id);
    expect(data.loadSnapshot().snapshot.users).toHaveLength(30);
    expect(data.listAudit().map((e) => e.action)).toContain('workspace.passphraseChanged');
    expect(data.verifyAudit().ok).toBe(true);
    fresh.lockAll();
  });

  it('works on a locked workspace too', async () => {
    service.lock(id);
    await service.changePassphrase(id, { current: OLD, next: NEW });
    service.lock(id);
    await service.unlock(id, NEW);
    expect(service.data(id).listSnapshots()).toHaveLength(1);
  });

  it('a wrong current passphrase or a weak new one changes nothing', async () => {
    service.lock(id);
    const before = hashFolder(temp.dir);
    await expect(service.changePassphrase(id, { current: 'not the passphrase', next: NEW })).rejects.toMatchObject({ code: 'WRONG_KEY' });
    expect(hashFolder(temp.dir)).toEqual(before);
    await expect(service.changePassphrase(id, { current: OLD, next: 'short' })).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    expect(hashFolder(temp.dir)).toEqual(before);
    expect(service.summary(id).locked).toBe(true);
    await service.unlock(id, OLD);
  });

  it('a change interrupted after the rekey (header not yet updated) is completed by the next unlock', async () => {
    const headerBefore = readFileSync(headerPath(), 'utf8');
    await service.changePassphrase(id, { current: OLD, next: NEW });
    service.lock(id);
    // Rebuild the state a crash between rekey and the final header write leaves: old key current, new one pending.
    const after = JSON.parse(readFileSync(headerPath(), 'utf8'));
    writeFileSync(headerPath(), JSON.stringify({ ...JSON.parse(headerBefore), pendingKey: after.key }));

    const fresh = new WorkspaceService({ directory: temp.dir, idleLockMs: null });
    await expect(fresh.unlock(id, OLD)).rejects.toMatchObject({ code: 'WRONG_KEY' });
    await fresh.unlock(id, NEW);
    expect(fresh.data(id).listSnapshots()).toHaveLength(1);
    const healed = JSON.parse(readFileSync(headerPath(), 'utf8'));
    expect(healed.key).toEqual(after.key);
    expect(healed.pendingKey).toBeUndefined();
    fresh.lockAll();
  });

  it('a change interrupted before the rekey still opens with the old passphrase', async () => {
    const header = JSON.parse(readFileSync(headerPath(), 'utf8'));
    service.lock(id);
    // A pending key that never made it into the file (crash right after writing the header).
    const other = new WorkspaceService({ directory: join(temp.dir, 'elsewhere'), scrypt: TEST_SCRYPT, idleLockMs: null });
    const { id: otherId } = await other.create({ name: 'x', protection: { kind: 'passphrase', passphrase: NEW } });
    other.lockAll();
    const pending = JSON.parse(readFileSync(join(temp.dir, 'elsewhere', `${otherId}.workspace.json`), 'utf8')).key;
    writeFileSync(headerPath(), JSON.stringify({ ...header, pendingKey: pending }));

    await service.unlock(id, OLD);
    expect(service.data(id).listSnapshots()).toHaveLength(1);
    expect(JSON.parse(readFileSync(headerPath(), 'utf8')).pendingKey).toBeUndefined();
  });
});

describe('rekeyDatabase (the safe sequence)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('rekey-store');
  });
  afterEach(() => temp.cleanup());

  it('leaves WAL for the rekey, returns to WAL, and only the new key opens the file', () => {
    const path = join(temp.dir, 'r.gatehouse');
    const oldKey = freshKey();
    const newKey = freshKey();
    const db = createStore(path, oldKey);
    appendAudit(db, { at: 't', actor: 'a', action: 'before' });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    rekeyDatabase(db, newKey);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    appendAudit(db, { at: 't', actor: 'a', action: 'after' });
    db.close();

    expect(() => openStore(path, oldKey)).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
    const reopened = openStore(path, newKey, { expectedKeyCheck: keyCheckOf(newKey) });
    expect(reopened.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 2 });
    reopened.close();
  });

  it('refuses while another connection is open, and the old key still opens the file', () => {
    const path = join(temp.dir, 'r2.gatehouse');
    const oldKey = freshKey();
    const db = createStore(path, oldKey);
    appendAudit(db, { at: 't', actor: 'a', action: 'x' });
    const intruder = new Database(path);
    applyKey(intruder, oldKey);
    intruder.prepare('SELECT count(*) FROM audit_log').get();

    expect(() => rekeyDatabase(db, freshKey())).toThrow(/database is locked/);
    intruder.close();
    db.close();
    const reopened = openStore(path, oldKey, { expectedKeyCheck: keyCheckOf(oldKey) });
    expect(reopened.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    reopened.close();
  });
});
