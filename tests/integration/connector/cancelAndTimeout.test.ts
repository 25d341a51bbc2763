import { afterEach, describe, expect, it } from 'vitest';
import { SyncService, createWukongConnector, type SyncEvent } from '../../../src-main/services/sync';
import { smallOrganisation, startEmulator, type RunningEmulator } from '../../wukong-emulator';
import { createWorkspace, type TestWorkspace } from './harness';

describe('cancelled and timed-out pushes', () => {
  let emu: RunningEmulator;
  let ws: TestWorkspace;
  let sync: SyncService;
  afterEach(async () => {
    await sync.disconnect();
    ws.dispose();
    await emu.close();
  });

  const setup = async (timeoutMs?: number, onEvent?: (e: SyncEvent) => void, settleMs = 1_500) => {
    emu = await startEmulator({ snapshot: smallOrganisation() });
    ws = await createWorkspace(emu);
    sync = new SyncService({
      data: ws.data,
      createConnector: (profile) => createWukongConnector(profile, { retry: { baseDelayMs: 20, settleMs }, ...(timeoutMs ? { timeoutMs } : {}) }),
      emit: (e) => onEvent?.(e),
    });
  };

  it('a cancelled push stops between calls, stays resumable, and resumes without repeating', async () => {
    const controller = new AbortController();
    await setup(undefined, (e) => {
      if (e.type === 'sync.pushProgress' && e.seq === 1) controller.abort();
    });
    const base = (await sync.pull()).snapshot;
    const plan = await sync.plan({
      draftId: 'd',
      base,
      ops: [
        { type: 'grantPermissions', roleIds: ['180170'], permissionIds: ['32'] },
        { type: 'grantPermissions', roleIds: ['180168'], permissionIds: ['151'] },
      ],
    });
    emu.control.clearCalls();
    const report = await sync.push(plan, controller.signal);
    expect(report.failure).toMatchObject({ seq: 2, code: 'CANCELLED', resumable: true });
    expect(emu.control.calls('/adminRole/updateRoleMenu')).toHaveLength(1);
    const resumed = await sync.resume(report.pushId);
    expect(resumed).toMatchObject({ done: 2, total: 2 });
    expect(resumed.failure).toBeUndefined();
    expect(emu.control.calls('/adminRole/updateRoleMenu')).toHaveLength(2);
    expect(emu.state.role(180168)!.menuIds).toContain(151);
  });

  it('a create that times out but lands later is found by re-reading and never sent twice', async () => {
    await setup(400);
    const base = (await sync.pull()).snapshot;
    const plan = await sync.plan({ draftId: 'd', base, ops: [{ type: 'createRole', roleId: 'new-role:slow', name: '慢角色', groupId: '2', dataScope: 1, permissionIds: ['28'] }] });
    emu.control.clearCalls();
    emu.control.latency(1_000, '/adminRole/add'); // the server applies it after the client gave up waiting
    const report = await sync.push(plan);
    expect(report.failure).toBeUndefined();
    expect(emu.control.calls('/adminRole/add')).toHaveLength(1);
    expect(emu.state.roles().filter((r) => r.roleName === '慢角色')).toHaveLength(1);
    expect(emu.state.role(Number(report.ids['new-role:slow']))!.menuIds).toEqual([28]);
  });

  it('a create that never shows up after a lost answer stops resumably instead of being re-sent', async () => {
    await setup(undefined, undefined, 200);
    const base = (await sync.pull()).snapshot;
    const plan = await sync.plan({ draftId: 'd', base, ops: [{ type: 'createDepartment', departmentId: 'new-dept:z', parentId: '2', name: '西南组' }] });
    emu.control.clearCalls();
    emu.control.dropNext(1, { path: '/adminDept/addDept' }); // dropped before the server handled it
    const report = await sync.push(plan);
    expect(report.failure).toMatchObject({ seq: 1, code: 'TIMEOUT', resumable: true });
    expect(ws.data.getPush(report.pushId).calls[0]!.status).toBe('sent');
    const resumed = await sync.resume(report.pushId);
    expect(resumed.failure).toBeUndefined();
    expect(emu.state.departments().filter((d) => d.name === '西南组')).toHaveLength(1);
    expect(emu.control.calls('/adminDept/addDept').map((c) => c.code)).toEqual([null, 0]);
  });
});
