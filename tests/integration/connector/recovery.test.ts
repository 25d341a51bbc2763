import { afterEach, describe, expect, it } from 'vitest';
import type { DraftOperation } from '../../../src-main/common/draft';
import type { SyncWorkflow } from '../../../src-main/services/sync';
import type { DraftService } from '../../../src-main/services/drafts';
import { smallOrganisation, startEmulator, type RunningEmulator } from '../../wukong-emulator';
import { serverView } from './emulatorView';
import { createWorkspace, workflowFor, type TestWorkspace } from './harness';
import { mixedDraft } from './mixedDraft';

/**
 * A push that cannot finish ends cleanly: a step the server refuses the same way every time (code 500 from its own
 * SQL) stops the push for good, with "undo what landed" (a compensating push, journaled and verified, that
 * restores the state before the push exactly) or "abandon" (closed, draft kept). And a resume never overwrites
 * what another admin changed while the push was stopped.
 */
let emu: RunningEmulator;
let ws: TestWorkspace;
let flow: { workflow: SyncWorkflow; drafts: DraftService };

async function setup() {
  emu = await startEmulator({ snapshot: smallOrganisation() });
  ws = await createWorkspace(emu);
  flow = workflowFor(ws.data);
  await flow.workflow.pull();
}
afterEach(async () => {
  flow.workflow.dispose();
  ws.dispose();
  await emu.close();
});

/** What the push gate asks for (the mixed draft grants Customers › Delete: the draft's name, typed). */
const confirm = (plan: { gate: { draftName: string } | null }) => ({ confirmation: plan.gate?.draftName ?? '' });

/** A draft in the workspace with these operations, planned against the server. */
async function planned(ops: DraftOperation[]) {
  const draft = flow.drafts.create('to push');
  flow.drafts.apply(draft.id, { id: 'g1', ops });
  const plan = await flow.workflow.plan(draft.id);
  expect(plan.status).toBe('ready');
  return { draft, plan };
}

// 王五 (103) leaves 华东销售组 for a new department and gets 赵六 (104) as manager; 李四 (102) is disabled. The mixed
// draft's other changes stay (周八 is not yet activated: nobody can set that status back, so he is left out here).
const draftOps = (): DraftOperation[] => [
  ...mixedDraft().filter((op) => op.type !== 'setUserStatus' && op.type !== 'setManager'),
  { type: 'setManager', userId: '103', managerId: '104' },
  { type: 'setUserStatus', userIds: ['102'], status: 'disabled' },
];
/** The server's own SQL fails for this one write, every time: 王五's new manager (envelope code 500). */
const refuseManager = () =>
  emu.state.db.exec(`CREATE TRIGGER refuse_manager BEFORE UPDATE OF parent_id ON wk_admin_user
    WHEN NEW.user_id = 103 AND NEW.parent_id = 104 BEGIN SELECT RAISE(ABORT, 'simulated SQL failure'); END`);

describe('a push that cannot finish', () => {
  it('stops for good on a step the server refuses the same way every time, and "undo what landed" restores the before-state exactly', async () => {
    await setup();
    const before = serverView(emu);
    const { draft, plan } = await planned(draftOps());
    refuseManager();
    const report = await flow.workflow.push(plan.planId, undefined, confirm(plan));
    expect(report.failure).toMatchObject({ endpoint: 'POST /adminUser/setUser', code: 'SERVER_REJECTED', serverCode: 500, resumable: false });
    // Retried (it could have been a blip), then given up: every attempt was answered with the same code 500.
    expect(emu.control.calls('/adminUser/setUser').map((c) => c.code)).toEqual([500, 500, 500, 500]);
    expect(report.done).toBeGreaterThan(0);
    expect(serverView(emu)).not.toEqual(before);
    await expect(flow.workflow.resume(report.pushId)).resolves.toMatchObject({ failure: { code: 'PUSH_STOPPED', resumable: false } });

    const preview = await flow.workflow.undoPreview(report.pushId);
    expect(preview.landed.length).toBeGreaterThan(0);
    expect(preview.landed.map((l) => l.en).join('\n')).toMatch(/李四/);
    expect(preview.notUndoable).toEqual([]);

    const undone = await flow.workflow.undoLanded(report.pushId);
    expect(undone.report?.failure).toBeUndefined();
    expect(undone.verify?.ok).toBe(true);
    const after = serverView(emu);
    expect(after.roles).toEqual(before.roles);
    expect(after.users).toEqual(before.users);
    expect(after.departments).toEqual(before.departments);
    expect(after.fieldRules).toEqual(expect.arrayContaining(before.fieldRules.filter((f) => before.roles.some((r) => r.id === f.roleId))));

    const original = ws.data.getPush(report.pushId);
    const compensating = ws.data.getPush(undone.compensatingPushId!);
    expect(original).toMatchObject({ outcome: 'undone' });
    expect(original.finishedAt).not.toBeNull();
    expect(compensating).toMatchObject({ outcome: 'verified', compensates: report.pushId });
    const actions = ws.data.listAudit({ limit: 20 }).map((e) => [e.action, (e.details as { pushId?: string; outcome?: string }).outcome ?? null]);
    expect(actions).toEqual(expect.arrayContaining([['push.finished', 'undone'], ['push.finished', 'verified']]));
    // The draft is kept (read-only: it was pushed) and nothing else is closed twice.
    expect(flow.drafts.list().drafts.map((d) => d.id)).toContain(draft.id);
    await expect(flow.workflow.undoLanded(report.pushId)).rejects.toMatchObject({ code: 'REFUSED' });
  }, 60_000);

  it('"abandon" closes the stopped push with the reason in the audit log and keeps the draft', async () => {
    await setup();
    const { draft, plan } = await planned(draftOps());
    refuseManager();
    const report = await flow.workflow.push(plan.planId, undefined, confirm(plan));
    expect(report.failure?.resumable).toBe(false);
    flow.workflow.abandon(report.pushId, 'the server refuses the new manager; will do it by hand');
    expect(ws.data.getPush(report.pushId)).toMatchObject({ outcome: 'abandoned' });
    const entry = ws.data.listAudit({ limit: 5 }).find((e) => e.action === 'push.finished');
    expect(entry?.details).toMatchObject({ pushId: report.pushId, outcome: 'abandoned', reason: 'the server refuses the new manager; will do it by hand' });
    expect(flow.drafts.list().drafts.map((d) => d.id)).toContain(draft.id);
    expect(() => flow.workflow.abandon(report.pushId, null)).toThrow(expect.objectContaining({ code: 'REFUSED' }));
  }, 60_000);

  it('on resume, a person another admin moved while the push was stopped stays where they were put', async () => {
    await setup();
    const { plan } = await planned([
      { type: 'moveUsers', userIds: ['102', '103'], departmentId: '5' },
      { type: 'grantPermissions', roleIds: ['180170'], permissionIds: ['32'] },
    ]);
    // The move is not answered (5xx on every attempt): the push stops resumably before it lands.
    emu.control.failNext(4, { path: '/adminUser/setUserDept' });
    const report = await flow.workflow.push(plan.planId, undefined, confirm(plan));
    expect(report.failure).toMatchObject({ endpoint: 'POST /adminUser/setUserDept', resumable: true });
    // Meanwhile another admin moves 李四 to 技术部.
    emu.state.mutate({ type: 'moveUser', userId: 102, deptId: 4 });
    const resumed = await flow.workflow.resume(report.pushId);
    expect(resumed.failure).toBeUndefined();
    const users = new Map(serverView(emu).users.map((u) => [u.id, u.departmentId]));
    expect(users.get('102')).toBe('4'); // theirs stands
    expect(users.get('103')).toBe('5'); // ours landed
    expect(emu.control.calls('/adminUser/setUserDept').at(-1)!.body).toEqual({ deptId: 5, userIdList: [103] });
    // Verify says plainly that 李四's move did not land (someone else moved him).
    const verify = await flow.workflow.verify(report.pushId);
    expect(verify.ok).toBe(false);
    expect(verify.mismatches.map((l) => l.en).join('\n')).toMatch(/李四/);
  }, 60_000);

  it('on resume, people whose old department another admin emptied and deleted are left where they are (no 500 on the gone department)', async () => {
    await setup();
    const { plan } = await planned([{ type: 'moveUsers', userIds: ['102', '103'], departmentId: '5' }]);
    emu.control.failNext(4, { path: '/adminUser/setUserDept' });
    const report = await flow.workflow.push(plan.planId, undefined, confirm(plan));
    expect(report.failure?.resumable).toBe(true);
    // Another admin moves both to 技术部 and deletes 华东销售组 (queryUserList on it would now answer 500).
    emu.state.mutate({ type: 'moveUser', userId: 102, deptId: 4 });
    emu.state.mutate({ type: 'moveUser', userId: 103, deptId: 4 });
    emu.state.db.prepare('DELETE FROM wk_admin_dept WHERE dept_id = 3').run();
    emu.control.clearCalls();
    const resumed = await flow.workflow.resume(report.pushId);
    expect(resumed.failure).toBeUndefined();
    expect(emu.control.calls('/adminUser/setUserDept')).toEqual([]);
    expect(emu.control.calls().filter((c) => c.code !== 0)).toEqual([]);
    const users = new Map(serverView(emu).users.map((u) => [u.id, u.departmentId]));
    expect([users.get('102'), users.get('103')]).toEqual(['4', '4']);
  }, 60_000);
});
