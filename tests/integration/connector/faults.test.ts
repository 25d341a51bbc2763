import { afterEach, describe, expect, it } from 'vitest';
import type { DraftOperation } from '../../../src-main/common/draft';
import { executeStep, IdResolver, isConnectorError, WukongSession } from '../../../src-main/connectors';
import type { SyncService } from '../../../src-main/services/sync';
import { smallOrganisation, startEmulator, type RunningEmulator } from '../../wukong-emulator';
import { createWorkspace, syncFor, type TestWorkspace } from './harness';

const GRANTS: DraftOperation[] = [
  { type: 'grantPermissions', roleIds: ['180170'], permissionIds: ['32'] },
  { type: 'grantPermissions', roleIds: ['180169'], permissionIds: ['218'] },
  { type: 'revokePermissions', roleIds: ['180169'], permissionIds: ['31'] },
];

describe('push faults over real HTTP', () => {
  let emu: RunningEmulator;
  let ws: TestWorkspace;
  let sync: SyncService;
  const setup = async () => {
    emu = await startEmulator({ snapshot: smallOrganisation() });
    ws = await createWorkspace(emu);
    sync = syncFor(ws.data);
  };
  afterEach(async () => {
    await sync.disconnect();
    ws.dispose();
    await emu.close();
  });

  const planFor = async (ops: DraftOperation[]) => {
    const base = (await sync.pull()).snapshot;
    const plan = await sync.plan({ draftId: 'draft', base, ops });
    expect(plan.status).toBe('ready');
    emu.control.clearCalls();
    return plan;
  };

  it('re-logs in exactly once when the session is evicted mid-push (302), then finishes', async () => {
    await setup();
    const plan = await planFor(GRANTS);
    emu.control.evictNext(1, { path: '/adminRole/updateRoleMenu', nth: 2 });
    const report = await sync.push(plan);
    expect(report.failure).toBeUndefined();
    expect(emu.control.calls('/login')).toHaveLength(1);
    const writes = emu.control.calls('/adminRole/updateRoleMenu');
    // 销售经理角色 loses 31 first (narrowing phase), then both roles gain: the second call is evicted and resent.
    expect(writes.map((c) => c.code)).toEqual([0, 302, 0, 0]);
    expect(emu.state.role(180170)!.menuIds).toContain(32);
    expect(emu.state.role(180169)!.menuIds).toEqual(expect.arrayContaining([218]));
    expect(emu.state.role(180169)!.menuIds).not.toContain(31);
  });

  it('gives up with SESSION_LOST when the fresh session is evicted too, and resumes later', async () => {
    await setup();
    const plan = await planFor(GRANTS);
    emu.control.evictNext(2, { path: '/adminRole/updateRoleMenu' });
    const report = await sync.push(plan);
    expect(report.failure).toMatchObject({ seq: 1, code: 'SESSION_LOST', resumable: true, serverCode: 302 });
    expect(emu.control.calls('/login')).toHaveLength(1);
    const resumed = await sync.resume(report.pushId);
    expect(resumed.failure).toBeUndefined();
    expect(resumed.done).toBe(plan.steps.length);
    expect(emu.state.role(180170)!.menuIds).toContain(32);
  });

  it('retries 5xx with back-off and never repeats a create whose answer was lost', async () => {
    await setup();
    const plan = await planFor([{ type: 'createRole', roleId: 'new-role:x', name: '质检员', groupId: '2', dataScope: 2, permissionIds: ['28'] }, ...GRANTS]);
    emu.control.dropNext(1, { path: '/adminRole/add', when: 'after' }); // created, answer lost
    emu.control.failNext(2, { path: '/adminRole/updateRoleMenu' }); // HTTP 500 twice
    const report = await sync.push(plan);
    expect(report.failure).toBeUndefined();
    expect(emu.control.calls('/adminRole/add')).toHaveLength(1);
    expect(emu.state.roles().filter((r) => r.roleName === '质检员')).toHaveLength(1);
    expect(emu.control.calls('/adminRole/updateRoleMenu').map((c) => c.httpStatus)).toEqual([500, 500, 200, 200, 200, 200]);
    const created = emu.state.role(Number(report.ids['new-role:x']))!;
    expect(created).toMatchObject({ roleName: '质检员', dataType: 2, menuIds: [28] });
  });

  it("keeps another admin's grant made after the plan (delta from a re-read, not the stale snapshot)", async () => {
    await setup();
    const plan = await planFor(GRANTS);
    // Another admin grants 33 (transfer) to 销售员角色 after our plan, before our re-read of that role.
    emu.control.beforeCall({ path: '/adminRole/getRoleByType/2', nth: 1 }, { type: 'grantMenus', roleId: 180170, menuIds: [33] });
    const report = await sync.push(plan);
    expect(report.failure).toBeUndefined();
    expect(emu.state.role(180170)!.menuIds).toEqual(expect.arrayContaining([32, 33]));
    const verify = await sync.verify({ pushId: report.pushId, plannedOn: plan.plannedOn, projection: plan.projection });
    expect(verify.ok).toBe(true);
    expect(verify.changedElsewhere.map((c) => c.key)).toEqual(['rolePermission\u0000180170\u000033']);
  });

  it('rebases onto out-of-band changes and refuses to overwrite a cell someone else changed', async () => {
    await setup();
    const base = (await sync.pull()).snapshot;
    emu.state.mutate({ type: 'setDataType', roleId: 180170, dataType: 4 }); // the same cell as ours
    emu.state.mutate({ type: 'grantMenus', roleId: 180169, menuIds: [35] }); // an independent one
    const conflicting = await sync.plan({ draftId: 'd', base, ops: [{ type: 'setDataScope', roleId: '180170', dataScope: 2 }, ...GRANTS] });
    expect(conflicting.status).toBe('conflicts');
    expect(conflicting.rebased).toBe(true);
    expect(conflicting.conflicts.map((c) => [c.reason, c.base, c.theirs, c.ours])).toEqual([['bothChanged', 1, 4, 2]]);
    expect(conflicting.steps).toEqual([]);

    const independent = await sync.plan({ draftId: 'd', base, ops: GRANTS });
    expect(independent).toMatchObject({ status: 'ready', rebased: true });
    const report = await sync.push(independent);
    expect(report.failure).toBeUndefined();
    expect(emu.state.role(180169)!.menuIds).toEqual(expect.arrayContaining([35, 218]));
    expect(emu.state.role(180170)!.dataType).toBe(4);
  });

  it("stops on the first business error with the server's code and message, sending nothing after it", async () => {
    await setup();
    const plan = await planFor([{ type: 'renameRole', roleId: '180168', name: '通知管理员' }, ...GRANTS]);
    // Another admin takes the name first: update answers 1117 (§4.2).
    emu.control.beforeCall({ path: '/adminRole/update' }, { type: 'addRole', roleName: '通知管理员', roleType: 7 });
    const report = await sync.push(plan);
    expect(report.failure).toMatchObject({ seq: 1, code: 'BUSINESS_ERROR', serverCode: 1117, serverMessage: '角色名称已存在', resumable: false });
    expect(emu.control.calls('/adminRole/updateRoleMenu')).toHaveLength(0);
    expect(ws.data.getPush(report.pushId).calls.map((c) => c.status)).toEqual(['failed', 'planned', 'planned', 'planned']);
    const audit = ws.data.listAudit({ limit: 5 }).find((e) => e.action === 'push.stopped');
    expect(audit?.details).toMatchObject({ pushId: report.pushId, seq: 1, serverCode: 1117, resumable: false });
  });

  it('notices relatedUser silently dropping a role the account may not assign (§4.3)', async () => {
    await setup();
    // 赵六 (104) holds 部门与员工管理员 only: no menu 175, no assignable roles configured.
    const session = new WukongSession({ serverUrl: emu.url, username: '13800000104', password: emu.userPassword });
    const ctx = { session, ids: new IdResolver() };
    const error = await executeStep({ kind: 'assignRole', role: '180169', userIds: ['106'] }, ctx, 'send').catch((e: unknown) => e);
    expect(isConnectorError(error, 'WRITE_NOT_APPLIED')).toBe(true);
    expect(emu.control.calls('/adminRole/relatedUser').map((c) => c.code)).toEqual([0]);
    expect(emu.state.user(106)!.roleIds).toEqual([180170]);
  });
});
