import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remapIds } from '../../../src-main/connectors';
import type { SyncService } from '../../../src-main/services/sync';
import { smallOrganisation, startEmulator, type RunningEmulator } from '../../wukong-emulator';
import { serverView, snapshotView } from './emulatorView';
import { createWorkspace, syncFor, type TestWorkspace } from './harness';
import { COPIED_ROLE, NEW_DEPT, NEW_ROLE, mixedDraft } from './mixedDraft';

describe('push of a mixed draft over real HTTP', () => {
  let emu: RunningEmulator;
  let ws: TestWorkspace;
  let sync: SyncService;
  beforeAll(async () => {
    emu = await startEmulator({ snapshot: smallOrganisation() });
    ws = await createWorkspace(emu);
    sync = syncFor(ws.data);
  });
  afterAll(async () => {
    await sync.disconnect();
    ws.dispose();
    await emu.close();
  });

  it('plans in a safe order, lands exactly, and verifies by pulling again', async () => {
    const base = (await sync.pull()).snapshot;
    const plan = await sync.plan({ draftId: 'draft-mixed', base, ops: mixedDraft() });
    expect(plan.status).toBe('ready');
    expect(plan.rebased).toBe(false);
    const kinds = plan.steps.map((s) => s.step.kind);
    const first = (k: string) => kinds.indexOf(k as never);
    const last = (k: string) => kinds.lastIndexOf(k as never);
    // Narrowing first (revokes, disabling, role removals that leave another role), then structure (departments
    // before people move into them, new roles), then widening (assignments, then grants), deletions last.
    const grants = plan.steps.filter((s) => s.step.kind === 'setRoleAccess' && s.step.grant.length > 0).map((s) => s.seq - 1);
    const revokes = plan.steps.filter((s) => s.step.kind === 'setRoleAccess' && s.step.revoke.length > 0).map((s) => s.seq - 1);
    expect(Math.max(...revokes)).toBeLessThan(first('createDepartment'));
    expect(kinds.indexOf('setUserStatus')).toBeLessThan(first('createDepartment'));
    expect(last('unassignRole')).toBeLessThan(first('createDepartment'));
    expect(last('createDepartment')).toBeLessThan(first('moveUsers'));
    expect(last('createRole')).toBeLessThan(Math.min(...grants));
    expect(last('assignRole')).toBeLessThan(Math.min(...grants));
    expect(Math.max(...grants)).toBeLessThan(first('deleteRole'));
    expect(plan.steps.every((s) => s.endpoint.startsWith('POST /'))).toBe(true);
    // What the user confirms before anything is sent: one line per call, and when it takes effect (§9.1).
    expect(plan.steps[0]!.summary.en).toBe('Rename role to "公告与通知管理员"');
    expect(plan.propagation.find((n) => n.delay === 'nextLogin')!.userIds.sort()).toEqual(['102', '103', '104']);
    emu.control.clearCalls();

    const report = await sync.push(plan);
    expect(report.failure).toBeUndefined();
    expect(report.done).toBe(plan.steps.length);
    expect(Object.keys(report.ids).sort()).toEqual([NEW_DEPT, COPIED_ROLE, NEW_ROLE].sort());
    // The server never answered 1117: no unchanged name was re-sent through update (§4.2).
    expect(emu.control.calls().filter((c) => c.code !== 0)).toEqual([]);

    // Straight from SQLite: the server now holds the projection.
    const expected = snapshotView(remapIds(plan.projection, report.ids));
    const actual = serverView(emu);
    expect(actual.roles).toEqual(expected.roles);
    expect(actual.users).toEqual(expected.users);
    expect(actual.departments).toEqual(expected.departments);
    expect(actual.fieldRules).toEqual(expect.arrayContaining(expected.fieldRules));

    const verify = await sync.verify({ pushId: report.pushId, plannedOn: plan.plannedOn, projection: plan.projection });
    expect(verify.mismatches).toEqual([]);
    expect(verify.changedElsewhere).toEqual([]);
    expect(verify.ok).toBe(true);
    expect(verify.propagation.map((n) => n.delay).sort()).toEqual(['cacheExpiry', 'nextLogin']);
    expect(verify.propagation.find((n) => n.delay === 'nextLogin')!.userIds.sort()).toEqual(['102', '103', '104']);
    expect(ws.data.getPush(report.pushId).finishedAt).not.toBeNull();
  }, 60_000);
});
