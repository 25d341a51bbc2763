import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDemoSnapshot } from '../../common/generator';
import { tinySnapshot } from '../../store/testing/tinySnapshot';
import { loadBundledCatalogue } from '../resources';
import { WorkspaceService } from './WorkspaceService';

const FAST = { N: 2 ** 14, r: 8, p: 1 };
const PASS = 'a long enough passphrase';
const grant = (id: string) => ({ id, ops: [{ type: 'grantPermissions', roleIds: ['r0'], permissionIds: ['p0'] }] });

describe('WorkspaceService', () => {
  let dir: string;
  let service: WorkspaceService;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-service-'));
    service = new WorkspaceService({ directory: join(dir, 'workspaces'), scrypt: FAST, idleLockMs: null, now: () => new Date('2026-11-29T01:00:00Z') });
  });
  afterEach(() => {
    service.lockAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates, lists, locks and unlocks a passphrase workspace', async () => {
    expect(service.list()).toEqual([]);
    const created = await service.create({ name: 'Production', protection: { kind: 'passphrase', passphrase: PASS } });
    expect(created).toEqual({ id: created.id, name: 'Production', kind: 'connected', protection: 'passphrase', locked: false, createdAt: '2026-11-29T01:00:00.000Z' });
    expect(statSync(join(dir, 'workspaces')).mode & 0o777).toBe(0o700);
    for (const file of readdirSync(join(dir, 'workspaces'))) expect([file, statSync(join(dir, 'workspaces', file)).mode & 0o777]).toEqual([file, 0o600]);
    expect(service.lock(created.id).locked).toBe(true);
    const another = new WorkspaceService({ directory: join(dir, 'workspaces'), idleLockMs: null });
    expect(another.list()).toEqual([{ ...created, locked: true }]);
    await expect(another.open(created.id)).rejects.toMatchObject({ code: 'LOCKED' }); // a passphrase is needed
    expect((await another.unlock(created.id, PASS)).locked).toBe(false);
    another.lockAll();
  });

  it('lists the readable workspaces even when another header is damaged, and names the damaged one', async () => {
    const { id } = await service.create({ name: 'Good', protection: { kind: 'passphrase', passphrase: PASS } });
    writeFileSync(join(dir, 'workspaces', 'broken.workspace.json'), '{"format":1,"id":"broken"');
    expect(service.list().map((w) => w.id)).toEqual([id]);
    expect(service.unreadable()).toEqual([{ id: 'broken', message: 'the header of workspace broken is not readable' }]);
  });

  it('creates the demo from the bundled demo snapshot with a 0600 key file, once', async () => {
    const demo = createDemoSnapshot(loadBundledCatalogue());
    let made = 0;
    const summary = await service.ensureDemo(() => (made++, demo));
    expect(summary).toMatchObject({ id: 'demo', kind: 'demo', protection: 'keyFile', locked: false });
    expect(statSync(join(dir, 'workspaces', 'demo.key')).mode & 0o777).toBe(0o600);
    expect(service.data('demo').loadSnapshot().snapshot).toEqual(demo);
    service.lockAll();

    const later = new WorkspaceService({ directory: join(dir, 'workspaces'), idleLockMs: null });
    await later.ensureDemo(() => (made++, demo));
    expect(made).toBe(1);
    expect(later.data('demo').listSnapshots()).toHaveLength(1);
    later.lockAll();
  });

  it('refuses the keychain when Electron reports basic_text, or when there is none, and creates nothing', async () => {
    const basicText = new WorkspaceService({
      directory: join(dir, 'workspaces'),
      safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text', encryptString: (s) => Buffer.from(s), decryptString: (b) => b.toString() },
    });
    await expect(basicText.create({ name: 'x', protection: { kind: 'safeStorage' } })).rejects.toMatchObject({ code: 'KEY_PROVIDER_REFUSED' });
    await expect(service.create({ name: 'x', protection: { kind: 'safeStorage' } })).rejects.toMatchObject({ code: 'KEY_PROVIDER_REFUSED' });
    expect(readdirSync(join(dir, 'workspaces'))).toEqual([]);
  });

  it('validates draft entries before storing any of them, and keeps undo/redo', async () => {
    const { id } = await service.create({ name: 'W', protection: { kind: 'passphrase', passphrase: PASS } });
    const data = service.data(id);
    data.saveSnapshot(tinySnapshot());
    const draft = data.createDraft({ name: 'grant p0' });
    expect(draft).toMatchObject({ baseSnapshotVersion: 1, head: 0 });

    expect(() => data.appendToDraft(draft.id, [grant('b1'), { id: 'b2', ops: [{ type: 'teleport' }] }])).toThrow(expect.objectContaining({ code: 'INVALID_DATA' }));
    expect(data.getDraft(draft.id).operationCount).toBe(0);

    data.appendToDraft(draft.id, [grant('b1'), grant('b2')]);
    data.undo(draft.id);
    expect(data.draftEntries(draft.id).map((e) => (e.entry as { id: string }).id)).toEqual(['b1']);
    data.redo(draft.id);
    expect(data.draftEntries(draft.id)).toHaveLength(2);
    expect(data.listAudit().map((e) => e.action)).toEqual(['draft.created', 'snapshot.saved', 'workspace.created']);
  });

  it('keeps the connection secret out of summaries and the audit log', async () => {
    const { id } = await service.create({ name: 'W', protection: { kind: 'passphrase', passphrase: PASS } });
    const data = service.data(id);
    const summary = data.setConnection({ connector: 'wukong', serverUrl: 'https://crm.test', username: 'admin', secretKind: 'password', secret: 's3cret-pw' });
    expect(summary).toEqual({ connector: 'wukong', serverUrl: 'https://crm.test', username: 'admin', secretKind: 'password', hasSecret: true, updatedAt: '2026-11-29T01:00:00.000Z' });
    expect(JSON.stringify(data.getConnection())).not.toContain('s3cret-pw');
    expect(JSON.stringify(data.listAudit())).not.toContain('s3cret-pw');
    expect(data.getConnectionCredentials()?.secret).toBe('s3cret-pw');
  });

  it('two unlock calls at once open one session', async () => {
    const { id } = await service.create({ name: 'W', protection: { kind: 'passphrase', passphrase: PASS } });
    service.lock(id);
    await Promise.all([service.unlock(id, PASS), service.unlock(id, PASS)]);
    expect(service.data(id).listAudit().filter((e) => e.action === 'workspace.unlocked')).toHaveLength(1);
  });

  it('says NOT_FOUND for an unknown workspace and LOCKED for a locked one', async () => {
    expect(() => service.data('nope').listDrafts()).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const { id } = await service.create({ name: 'W', protection: { kind: 'passphrase', passphrase: PASS } });
    service.lock(id);
    expect(() => service.data(id).listDrafts()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
  });

  it('journals a push through the service and audits its start and end', async () => {
    const { id } = await service.create({ name: 'W', protection: { kind: 'passphrase', passphrase: PASS } });
    const data = service.data(id);
    const push = data.planPush({ draftId: 'd1', plan: { plannedOnVersion: 1, ops: [] }, calls: [{ endpoint: 'POST /adminRole/updateRoleMenu', request: { roleId: 1, menuIds: [2] } }] });
    data.markCallSent(push.id, 1);
    data.markCallDone(push.id, 1, { code: 0 });
    data.finishPush(push.id, 'verified');
    expect(data.getPush(push.id).calls[0]).toMatchObject({ status: 'done', request: '{"roleId":1,"menuIds":[2]}', response: '{"code":0}' });
    expect(data.listPushes({ unfinishedOnly: true })).toEqual([]);
    expect(data.listAudit({ limit: 2 }).map((e) => e.action)).toEqual(['push.finished', 'push.planned']);
    expect(data.verifyAudit().ok).toBe(true);
  });
});
