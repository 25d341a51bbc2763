import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../wukong-emulator';
import { createWorkspace, workflowFor, type TestWorkspace } from './harness';

/**
 * The push gate, enforced in the main process: granting Customers › Delete to a CRM role with 100+ members shows
 * who gains it by name, marks it sensitive, raises the blocking check the draft introduces, and the push is
 * refused until a written reason (audited) and the draft's name, typed, are given.
 */
const DELETE_CUSTOMERS = 32;
let emu: RunningEmulator;
let ws: TestWorkspace;
let flow: ReturnType<typeof workflowFor>;
let roleId: number;
let members: number;

beforeAll(async () => {
  emu = await startEmulator({ organisation: { users: 400, seed: 11 } });
  // The CRM role with the most members, without Customers › Delete (taken away first if it has it).
  const crm = emu.state.roles().filter((r) => r.roleType === 2);
  const count = (id: number) => emu.state.users().filter((u) => u.roleIds.includes(id)).length;
  const biggest = crm.sort((a, b) => count(b.roleId) - count(a.roleId))[0]!;
  roleId = biggest.roleId;
  members = count(roleId);
  emu.state.mutate({ type: 'revokeMenus', roleId, menuIds: [DELETE_CUSTOMERS] });
  ws = await createWorkspace(emu);
  flow = workflowFor(ws.data);
  await flow.workflow.pull();
}, 60_000);
afterAll(async () => {
  flow.workflow.dispose();
  ws.dispose();
  await emu.close();
});

describe('the push gate', () => {
  it('names who gains a sensitive action, blocks on the check it introduces, and wants a reason and the name typed', async () => {
    expect(members).toBeGreaterThan(100);
    const draft = flow.drafts.create('Sales may delete customers');
    flow.drafts.apply(draft.id, { id: 'g', ops: [{ type: 'grantPermissions', roleIds: [String(roleId)], permissionIds: [String(DELETE_CUSTOMERS)] }] });
    const plan = await flow.workflow.plan(draft.id);
    expect(plan.status).toBe('ready');
    const gate = plan.gate!;
    expect(gate.draftName).toBe('Sales may delete customers');
    const gains = gate.groups.find((g) => g.kind === 'gains' && g.subject.en.endsWith('Delete'))!;
    expect(gains).toMatchObject({ sensitive: true });
    expect(gains.subject.en).not.toMatch(/crm:/);
    // Members who already delete customers through another role gain nothing.
    expect(gains.count).toBeGreaterThan(100);
    expect(gains.count).toBeLessThanOrEqual(members);
    expect(gains.people.length).toBe(Math.min(gains.count, 200));
    expect(gains.people[0]!.name).not.toBe(gains.people[0]!.id);
    expect(gate.peopleWidened).toBe(gains.count);
    const blocking = gate.findings.filter((f) => f.blocking);
    expect(blocking.map((f) => f.ruleId)).toContain('destructive-action-held-widely');
    expect(gate.blocking).toBe(blocking.length);
    expect(gate.typedBecause.map((l) => l.en).join(' ')).toMatch(/gain ".*Delete"/);

    emu.control.clearCalls();
    await expect(flow.workflow.push(plan.planId)).rejects.toMatchObject({ code: 'REFUSED', details: expect.objectContaining({ kind: 'gate', need: 'override' }) });
    await expect(flow.workflow.push(plan.planId, undefined, { override: { reason: 'the regional managers asked for it' } })).rejects.toMatchObject({
      code: 'REFUSED',
      details: expect.objectContaining({ kind: 'gate', need: 'typedName' }),
    });
    await expect(flow.workflow.push(plan.planId, undefined, { override: { reason: 'the regional managers asked for it' }, confirmation: 'Sales' })).rejects.toMatchObject({
      code: 'REFUSED',
    });
    // Nothing went out while the gate held.
    expect(emu.control.calls('/adminRole/updateRoleMenu')).toEqual([]);
    expect(ws.data.listAudit({ limit: 5 }).some((e) => e.action === 'push.gateOverridden')).toBe(false);

    const report = await flow.workflow.push(plan.planId, undefined, {
      override: { reason: 'the regional managers asked for it' },
      confirmation: 'Sales may delete customers',
    });
    expect(report.failure).toBeUndefined();
    expect(emu.state.role(roleId)!.menuIds).toContain(DELETE_CUSTOMERS);
    const audit = ws.data.listAudit({ limit: 10 }).find((e) => e.action === 'push.gateOverridden')!;
    expect(audit.details).toMatchObject({ draftId: draft.id, reason: 'the regional managers asked for it' });
    expect((audit.details as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).toContain('destructive-action-held-widely');
    expect((await flow.workflow.verify(report.pushId)).ok).toBe(true);
  }, 120_000);

  it('a narrowing change has no blocking check and needs no typed confirmation', async () => {
    const draft = flow.drafts.create('Take delete back');
    flow.drafts.apply(draft.id, { id: 'g2', ops: [{ type: 'revokePermissions', roleIds: [String(roleId)], permissionIds: [String(DELETE_CUSTOMERS)] }] });
    const plan = await flow.workflow.plan(draft.id);
    expect(plan.gate!.blocking).toBe(0);
    expect(plan.gate!.typedBecause).toEqual([]);
    expect(plan.gate!.groups.find((g) => g.kind === 'loses')?.sensitive).toBe(false);
    const report = await flow.workflow.push(plan.planId);
    expect(report.failure).toBeUndefined();
    expect(emu.state.role(roleId)!.menuIds).not.toContain(DELETE_CUSTOMERS);
  }, 120_000);

  it('a wider data scope is one line for the members of the role, not one per permission, and is no "grant" to type for', async () => {
    const role = emu.state.role(roleId)!;
    const draft = flow.drafts.create('Wider scope');
    flow.drafts.apply(draft.id, { id: 'g3', ops: [{ type: 'setDataScope', roleId: String(roleId), dataScope: role.dataType === 5 ? 4 : 5 }] });
    const plan = await flow.workflow.plan(draft.id);
    const wider = plan.gate!.groups.filter((g) => g.kind === 'wider' || g.kind === 'narrower');
    // One line per set of people (members who hold some permission through another role differ), not per permission.
    expect(wider.length).toBeGreaterThan(0);
    expect(wider.length).toBeLessThan(role.menuIds.length / 5);
    expect(wider.some((g) => / and \d+ more$/.test(g.subject.en))).toBe(true);
    expect(plan.gate!.typedBecause.map((l) => l.en).join(' ')).not.toMatch(/gain/);
  }, 120_000);
});
