import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../common/domain';
import { applyChecked, type DraftOperation } from '../../common/draft';
import type { LintFinding } from '../../common/policy';
import { buildOrg, type OrgSpec } from '../../common/policy/testing/orgBuilder';
import { introducedFindings } from './gateFindings';
import { checkGate, pushGate } from './pushGate';

/**
 * The push gate on small organisations: who gains what, by name and counted; the check the draft introduces
 * blocks, a finding the server already had (or that the draft only makes smaller) does not; the main process's
 * own refusals without a reason or the typed name.
 */
const DELETE = '32';

/** `sales` members in D1 (with names), `managers` in D2; everybody reports to u0. */
function org(args: { sales: number; managers: number; managersDelete?: boolean }): Snapshot {
  const users: OrgSpec['users'] = [['u0', 'D0', null, []]];
  for (let i = 1; i <= args.sales; i++) users.push([`s${i}`, 'D1', 'u0', ['sales']]);
  for (let i = 1; i <= args.managers; i++) users.push([`m${i}`, 'D2', 'u0', ['managers']]);
  const snapshot = buildOrg({
    departments: [['D0', null], ['D1', 'D0'], ['D2', 'D0']],
    roles: {
      sales: { scope: 1, grants: ['crm:customer:index', 'crm:customer:read'] },
      managers: { scope: 4, grants: ['crm:customer:index', 'crm:customer:read', ...(args.managersDelete ? ['crm:customer:delete'] : [])] },
    },
    users,
  });
  // Words an administrator reads, as the real catalogue has them.
  const labels: Record<string, [string, string]> = { '10': ['Customers', '客户管理'], [DELETE]: ['Delete', '删除'] };
  return {
    ...snapshot,
    permissions: snapshot.permissions.map((p) => (labels[p.id] ? { ...p, label: { en: labels[p.id]![0], 'zh-CN': labels[p.id]![1] } } : p)),
    users: snapshot.users.map((u) => ({ ...u, name: u.id.startsWith('s') ? `Seller ${u.id.slice(1)}` : u.id })),
    departments: snapshot.departments.map((d) => ({ ...d, name: d.id === 'D1' ? 'Sales East' : d.id })),
  };
}

const gateOf = (plannedOn: Snapshot, ops: DraftOperation[], draftName = 'Sales may delete customers') =>
  pushGate({ plannedOn, projection: applyChecked(plannedOn, ops).snapshot, draftName });
const grantDelete = (roleId: string): DraftOperation => ({ type: 'grantPermissions', roleIds: [roleId], permissionIds: [DELETE] });

describe('the push gate', () => {
  it('names who gains Customers › Delete (counted, first 200 by name and department), marks it sensitive and blocks on the check it introduces', () => {
    const gate = gateOf(org({ sales: 250, managers: 5 }), [grantDelete('sales')]);
    const gains = gate.groups.find((g) => g.kind === 'gains')!;
    expect(gains.subject).toEqual({ en: 'Customers › Delete', 'zh-CN': '客户管理 › 删除' });
    expect(gains).toMatchObject({ sensitive: true, count: 250 });
    expect(gains.people).toHaveLength(200);
    expect(gains.people[0]).toEqual({ id: 's1', name: 'Seller 1', department: 'Sales East' });
    expect(gate.peopleAffected).toBe(250);
    expect(gate.peopleWidened).toBe(250);
    const blocking = gate.findings.filter((f) => f.blocking);
    expect(blocking.map((f) => f.ruleId)).toEqual(['destructive-action-held-widely']);
    expect(blocking[0]!.message.en).toContain('250 people hold "Customers › Delete"');
    expect(gate.blocking).toBe(1);
    // Both reasons for typing the name: more than 100 people get more, and a delete is granted.
    expect(gate.typedBecause.map((l) => l.en)).toEqual([
      'It widens access for 250 people (more than 100).',
      '250 people gain "Customers › Delete".',
    ]);
    expect(gate.typedBecause[1]!['zh-CN']).toBe('250 人将获得「客户管理 › 删除」。');
  });

  it('a few people gaining delete still need the name typed, but no check blocks', () => {
    const gate = gateOf(org({ sales: 3, managers: 5 }), [grantDelete('sales')]);
    expect(gate.blocking).toBe(0);
    expect(gate.typedBecause.map((l) => l.en)).toEqual(['3 people gain "Customers › Delete".']);
  });

  it('a finding the server already had does not block; one the draft makes smaller neither; one it makes wider does', () => {
    const server = org({ sales: 10, managers: 150, managersDelete: true });
    const already = (gate: ReturnType<typeof gateOf>) => gate.findings.filter((f) => f.ruleId === 'destructive-action-held-widely');

    // Unrelated to delete: the 150 managers already holding it are shown as already true, not blocking.
    const unrelated = gateOf(server, [{ type: 'setDataScope', roleId: 'sales', dataScope: 3 }]);
    expect(already(unrelated)).toMatchObject([{ introduced: false, blocking: false, severity: 'error' }]);
    expect(unrelated.blocking).toBe(0);

    // Ten managers fewer: still more than 100 hold it, the same finding made smaller.
    const fewer = gateOf(server, Array.from({ length: 10 }, (_, i) => ({ type: 'unassignRoles', userIds: [`m${i + 1}`], roleIds: ['managers'] }) as DraftOperation));
    expect(already(fewer)).toMatchObject([{ introduced: false, blocking: false }]);
    expect(fewer.blocking).toBe(0);

    // Ten sellers more holding it: the draft's doing.
    const more = gateOf(server, [grantDelete('sales')]);
    expect(already(more)).toMatchObject([{ introduced: true, blocking: true }]);
    expect(more.blocking).toBe(1);
  });

  it('a narrowing change widens nobody: no typed confirmation, losses listed, nothing sensitive', () => {
    const gate = gateOf(org({ sales: 10, managers: 150, managersDelete: true }), [{ type: 'revokePermissions', roleIds: ['managers'], permissionIds: [DELETE] }]);
    expect(gate.typedBecause).toEqual([]);
    expect(gate.peopleWidened).toBe(0);
    expect(gate.groups).toMatchObject([{ kind: 'loses', count: 150, sensitive: false, subject: { en: 'Customers › Delete' } }]);
    // The check that was true on the server is gone with it.
    expect(gate.findings.some((f) => f.ruleId === 'destructive-action-held-widely')).toBe(false);
  });
});

describe('findings over the wire', () => {
  it('sends every blocking finding and the first 100 of the others, counting the rest', () => {
    const server = org({ sales: 250, managers: 0 });
    // 150 active people without any role: one finding each, already on the server.
    const idle = Array.from({ length: 150 }, (_, i) => ({ id: `idle${i}`, login: `idle${i}`, name: `Idle ${i}`, departmentId: 'D2', managerId: 'u0', status: 'active' as const, title: '', roleIds: [] }));
    const gate = gateOf({ ...server, users: [...server.users, ...idle] }, [grantDelete('sales')]);
    expect(gate.findings.filter((f) => f.blocking)).toHaveLength(1);
    expect(gate.findings.filter((f) => !f.introduced)).toHaveLength(100);
    expect(gate.existingLeftOut).toBeGreaterThanOrEqual(50);
    expect(gate.introducedLeftOut).toBe(0);
    expect(gate.blocking).toBe(1);
  });
});

describe('checkGate (the main process refuses, whatever the renderer shows)', () => {
  const gate = gateOf(org({ sales: 250, managers: 5 }), [grantDelete('sales')]);
  const reason = 'regional managers clean up duplicates this week';

  it('refuses without a reason, with a short one, without the typed name or with a wrong one', () => {
    expect(() => checkGate(gate, { confirmation: gate.draftName })).toThrow(expect.objectContaining({ code: 'REFUSED', details: expect.objectContaining({ kind: 'gate', need: 'override' }) }));
    expect(() => checkGate(gate, { override: { reason: ' too short ' }, confirmation: gate.draftName })).toThrow(expect.objectContaining({ details: { kind: 'gate', need: 'longerReason', minReasonLength: expect.any(Number) } }));
    expect(() => checkGate(gate, { override: { reason } })).toThrow(expect.objectContaining({ code: 'REFUSED', details: { kind: 'gate', need: 'typedName', draftName: gate.draftName } }));
    expect(() => checkGate(gate, { override: { reason }, confirmation: 'Sales' })).toThrow(expect.objectContaining({ details: { kind: 'gate', need: 'typedName', draftName: gate.draftName } }));
  });

  it('lets it through with both, and names the findings overridden', () => {
    const { overridden } = checkGate(gate, { override: { reason }, confirmation: ` ${gate.draftName} ` });
    expect(overridden.map((f) => f.ruleId)).toEqual(['destructive-action-held-widely']);
  });

  it('a gate with nothing to confirm needs nothing', () => {
    const quiet = gateOf(org({ sales: 3, managers: 5 }), [{ type: 'setDataScope', roleId: 'sales', dataScope: 2 }]);
    expect(quiet.typedBecause).toEqual([]);
    expect(checkGate(quiet, {})).toEqual({ overridden: [] });
  });
});

describe('introducedFindings', () => {
  const finding = (ruleId: string, refs: Partial<LintFinding['refs']>, severity: LintFinding['severity'] = 'error'): LintFinding => ({
    ruleId,
    severity,
    message: { en: ruleId, 'zh-CN': ruleId },
    refs: { userIds: [], roleIds: [], permissionIds: [], departmentIds: [], ...refs },
  });

  it('is introduced when it names someone new; already there when named the same or fewer; only errors block', () => {
    const before = [finding('wide', { permissionIds: ['32'], userIds: ['a', 'b', 'c'] }), finding('dormant', { userIds: ['x'] }, 'warning')];
    const result = introducedFindings(before, [
      finding('wide', { permissionIds: ['32'], userIds: ['c', 'a'] }),
      finding('wide', { permissionIds: ['57'], userIds: ['a'] }),
      finding('wide', { permissionIds: ['32'], userIds: ['a', 'd'] }),
      finding('dormant', { userIds: ['x'] }, 'warning'),
      finding('dormant', { userIds: ['y'] }, 'warning'),
      finding('other', {}),
    ]);
    expect(result.map((f) => [f.introduced, f.blocking])).toEqual([
      [false, false],
      [true, true],
      [true, true],
      [false, false],
      [true, false],
      [true, true],
    ]);
  });
});
