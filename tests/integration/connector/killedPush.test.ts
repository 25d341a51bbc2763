import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DraftOperation } from '../../../src-main/common/draft';
import { remapIds } from '../../../src-main/connectors';
import { WorkspaceJournal } from '../../../src-main/services/sync';
import { startEmulator, type RunningEmulator } from '../../wukong-emulator';
import { serverView, snapshotView } from './emulatorView';
import { createWorkspace, reopenWorkspace, syncFor, type TestWorkspace } from './harness';

const KILL_AT = 4; // the 4th updateRoleMenu: the child dies while waiting for its answer

describe('a push killed with SIGKILL halfway', () => {
  let emu: RunningEmulator;
  let ws: TestWorkspace;
  beforeAll(async () => {
    emu = await startEmulator({ organisation: { users: 80, seed: 11 } });
    ws = await createWorkspace(emu);
  });
  afterAll(async () => {
    ws.dispose();
    await emu.close();
  });

  it('resumes to the same end state without sending any grant twice', async () => {
    const sync = syncFor(ws.data);
    const base = (await sync.pull()).snapshot;
    const crmRoles = base.roles.filter((r) => r.groupId === '2');
    // A grant and a revoke on every CRM role, a new role, and people assigned to it.
    const ops: DraftOperation[] = crmRoles.flatMap((r) => {
      const grant = ['218', '31', '35'].find((p) => !r.permissionIds.includes(p));
      const revoke = r.permissionIds.find((p) => p !== '28');
      return [
        ...(grant ? [{ type: 'grantPermissions' as const, roleIds: [r.id], permissionIds: [grant] }] : []),
        ...(revoke ? [{ type: 'revokePermissions' as const, roleIds: [r.id], permissionIds: [revoke] }] : []),
      ];
    });
    ops.push({ type: 'createRole', roleId: 'new-role:k', name: '续传测试角色', groupId: '2', dataScope: 3, permissionIds: ['28', '29'] });
    ops.push({ type: 'assignRoles', userIds: base.users.slice(1, 6).map((u) => u.id), roleIds: ['new-role:k'] });
    const plan = await sync.plan({ draftId: 'draft-kill', base, ops });
    expect(plan.status).toBe('ready');
    const writes = plan.steps.filter((s) => s.step.kind === 'setRoleAccess').length;
    expect(writes).toBeGreaterThan(KILL_AT + 2);
    const journal = new WorkspaceJournal(ws.data).create({
      draftId: 'draft-kill',
      plan: { plannedOnVersion: plan.plannedOnVersion, ops: plan.ops },
      calls: plan.steps.map((s) => ({ endpoint: s.endpoint, request: s.step })),
    });
    await sync.disconnect();
    ws.service.lockAll(); // the child opens the encrypted file itself
    emu.control.clearCalls();

    const child = spawn('npx', ['tsx', 'tests/integration/connector/pushChild.ts'], {
      env: { ...process.env, GATEHOUSE_WS_DIR: ws.dir, GATEHOUSE_WS_ID: ws.id, GATEHOUSE_PUSH_ID: journal.id },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: npx → tsx → node, and SIGKILL must reach the node that runs the push.
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    // The server receives the call, the client process dies before the answer arrives; the server applies it.
    emu.control.beforeCall({ path: '/adminRole/updateRoleMenu', nth: KILL_AT }, () => process.kill(-child.pid!, 'SIGKILL'));
    const exit = await new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    expect(exit, output).toBe('SIGKILL');
    expect(output).not.toContain('"pushId"'); // it never finished

    const reopened = await reopenWorkspace(ws.dir, ws.id);
    const statuses = reopened.data.getPush(journal.id).calls.map((c) => c.status);
    expect(statuses.filter((s) => s === 'sent')).toHaveLength(1);
    expect(statuses.indexOf('sent')).toBe(statuses.lastIndexOf('done') + 1);
    expect(statuses.filter((s) => s === 'planned').length).toBeGreaterThan(0);

    const resumed = await syncFor(reopened.data).resume(journal.id);
    expect(resumed.failure).toBeUndefined();
    expect(resumed.confirmedOnResume).toBe(1);
    expect(reopened.data.getPush(journal.id).calls.every((c) => c.status === 'done')).toBe(true);

    // No grant write was sent twice, across both processes: one call per planned step (a role whose grants
    // shrink and grow has two steps, one per phase), the interrupted one confirmed rather than re-sent.
    const sentPerRole = new Map<number, number>();
    for (const c of emu.control.calls('/adminRole/updateRoleMenu')) {
      const roleId = (c.body as { roleId: number }).roleId;
      sentPerRole.set(roleId, (sentPerRole.get(roleId) ?? 0) + 1);
    }
    const plannedPerRole = new Map<number, number>();
    for (const s of plan.steps) {
      if (s.step.kind !== 'setRoleAccess') continue;
      const roleId = Number(resumed.ids[s.step.role] ?? s.step.role);
      plannedPerRole.set(roleId, (plannedPerRole.get(roleId) ?? 0) + 1);
    }
    expect(sentPerRole).toEqual(plannedPerRole);
    expect(emu.control.calls('/adminRole/updateRoleMenu')).toHaveLength(writes);
    expect(emu.control.calls('/adminRole/add')).toHaveLength(1);

    const expected = snapshotView(remapIds(plan.projection, resumed.ids));
    const actual = serverView(emu);
    expect(actual.roles).toEqual(expected.roles);
    expect(actual.users).toEqual(expected.users);
    reopened.service.lockAll();
  }, 120_000); // a child process (npx tsx) starts and a workspace is opened twice: slow on a shared machine
});
