import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile';
import { effectiveScope, holds, UnknownIdError } from './scope';
import { buildOrg } from './testing/orgBuilder';
import { canSee, visibleOwnerIds, whoCanSee } from './visibility';

/**
 *   hq ─┬─ sales ── sales-east
 *       └─ ops
 * boss (hq) manages lilei (sales), who manages han (ops) and wang (sales-east); han manages zhao (ops).
 * mei sits in sales with no manager link to lilei; dora is disabled in sales-east.
 */
const org = (roles: Parameters<typeof buildOrg>[0]['roles'], lileiRoles: string[], extra: Partial<Parameters<typeof buildOrg>[0]> = {}) =>
  buildOrg({
    departments: [['hq', null], ['sales', 'hq'], ['sales-east', 'sales'], ['ops', 'hq']],
    roles,
    users: [
      ['boss', 'hq', null, []],
      ['lilei', 'sales', 'boss', lileiRoles],
      ['han', 'ops', 'lilei', []],
      ['zhao', 'ops', 'han', []],
      ['wang', 'sales-east', 'lilei', []],
      ['mei', 'sales', null, []],
      ['dora', 'sales-east', null, [], 'disabled'],
    ],
    ...extra,
  });

const visible = (s: ReturnType<typeof org>, user = 'lilei', perm = '28') => visibleOwnerIds(compilePolicy(s), user, perm).sort();

describe('effective scope (reference §7.1)', () => {
  it('takes the largest scope, not the union: 2 + 3 gives 3 and the report in another department disappears', () => {
    const s = org({ sub: { scope: 2, grants: ['crm:customer:index'] }, dept: { scope: 3, grants: ['crm:customer:index'] } }, ['sub', 'dept']);
    expect(effectiveScope(compilePolicy(s), 'lilei', '28')).toBe(3);
    expect(visible(s)).toEqual(['lilei', 'mei']); // not han or zhao (ops), not wang (sales-east)
  });

  it('is per exact permission: a role granting only another action does not lift this one', () => {
    const s = org({ wide: { scope: 5, grants: ['crm:customer:delete'] }, narrow: { scope: 1, grants: ['crm:customer:index'] } }, ['wide', 'narrow']);
    const policy = compilePolicy(s);
    expect(effectiveScope(policy, 'lilei', '28')).toBe(1);
    expect(effectiveScope(policy, 'lilei', '32')).toBe(5);
  });

  it('is 0 (not held) when no role grants the permission, even though the server would default the scope to 1', () => {
    const s = org({ r: { scope: 5, grants: ['crm:customer:read'] } }, ['r']);
    const policy = compilePolicy(s);
    expect(effectiveScope(policy, 'lilei', '28')).toBe(0);
    expect(holds(policy, 'lilei', '28')).toBe(false);
    expect(visibleOwnerIds(policy, 'lilei', '28')).toEqual([]);
  });

  it('a grant on the group node does not grant its actions: the server checks the exact menu id', () => {
    const s = org({ r: { scope: 5, grants: ['crm:customer'] } }, ['r']);
    const policy = compilePolicy(s);
    expect(effectiveScope(policy, 'lilei', '10')).toBe(5);
    expect(effectiveScope(policy, 'lilei', '28')).toBe(0);
  });

  it('ignores role status: a disabled role still grants (reference §4.1)', () => {
    const s = org({ r: { scope: 4, grants: ['crm:customer:index'], enabled: false } }, ['r']);
    expect(effectiveScope(compilePolicy(s), 'lilei', '28')).toBe(4);
  });

  it('super admin by role 180162 or by user id sees everything for every permission (UserUtil.isAdmin, §4.1)', () => {
    const byRole = org({ 180162: { scope: 1, grants: [], remark: 'admin' } }, ['180162']);
    expect(effectiveScope(compilePolicy(byRole), 'lilei', '64')).toBe(5);
    expect(visible(byRole)).toHaveLength(7);
    const byId = org({}, [], { superUserIds: ['han'] });
    expect(effectiveScope(compilePolicy(byId), 'han', '175')).toBe(5);
    expect(effectiveScope(compilePolicy(byId), 'lilei', '175')).toBe(0);
  });

  it('names unknown ids with a stable code', () => {
    const policy = compilePolicy(org({}, []));
    expect(() => effectiveScope(policy, 'nobody', '28')).toThrow(UnknownIdError);
    expect(() => effectiveScope(policy, 'lilei', '99999')).toThrowError(/unknown permission/);
  });
});

describe('visible owners by scope (reference §7.2)', () => {
  const only = (scope: 1 | 2 | 3 | 4 | 5) => org({ r: { scope, grants: ['crm:customer:index'] } }, ['r']);

  it('1 is self only', () => expect(visible(only(1))).toEqual(['lilei']));

  it('2 follows the manager chain transitively: the report of a report is visible', () => {
    expect(visible(only(2))).toEqual(['han', 'lilei', 'wang', 'zhao']);
  });

  it('3 is the own department only, by department id (sub-departments excluded)', () => {
    expect(visible(only(3))).toEqual(['lilei', 'mei']);
  });

  it('4 includes sub-departments, and disabled users still count as owners', () => {
    expect(visible(only(4))).toEqual(['dora', 'lilei', 'mei', 'wang']);
  });

  it('5 is everyone', () => expect(visible(only(5))).toHaveLength(7));

  it('a department head gets nothing extra', () => {
    const s = only(3);
    const withHead = { ...s, departments: s.departments.map((d) => (d.id === 'ops' ? { ...d, headUserId: 'lilei' } : d)) };
    expect(visible(withHead)).toEqual(['lilei', 'mei']);
  });

  it('who can see an owner lists each viewer with the scope that lets them in', () => {
    const s = buildOrg({
      departments: [['hq', null], ['sales', 'hq']],
      roles: { self: { scope: 1, grants: ['crm:customer:index'] }, sub: { scope: 2, grants: ['crm:customer:index'] }, tree: { scope: 4, grants: ['crm:customer:index'] } },
      users: [['cto', 'hq', null, ['tree']], ['lead', 'sales', 'cto', ['sub']], ['rep', 'sales', 'lead', ['self']], ['peer', 'sales', null, ['sub']]],
    });
    const policy = compilePolicy(s);
    const result = whoCanSee(policy, 'rep', '28');
    const got = Object.fromEntries(Array.from(result.users, (u, i) => [policy.userIds[u], result.scopes[i]]));
    expect(got).toEqual({ cto: 4, lead: 2, rep: 1 });
    expect(canSee(policy, 'peer', 'rep', '28')).toBe(false);
  });
});

describe('recursion depth (WukongCRM stops after 20 levels, reference §3, §7.2)', () => {
  const chain = (length: number) => buildOrg({
    departments: [['hq', null]],
    roles: { sub: { scope: 2, grants: ['crm:customer:index'] } },
    users: Array.from({ length }, (_, i) => [`u${i}`, 'hq', i === 0 ? null : `u${i - 1}`, i === 0 ? ['sub'] : []] as [string, string, string | null, string[]]),
  });

  it('reaches the report 20 levels down but not 21', () => {
    const policy = compilePolicy(chain(30));
    expect(canSee(policy, 'u0', 'u20', '28')).toBe(true);
    expect(canSee(policy, 'u0', 'u21', '28')).toBe(false);
    expect(visibleOwnerIds(policy, 'u0', '28')).toHaveLength(21);
  });

  it('compiles a 5000-deep manager chain without recursion, and unbounded depth reaches the bottom', () => {
    const policy = compilePolicy(chain(5000), { recursionDepth: Number.POSITIVE_INFINITY });
    expect(canSee(policy, 'u0', 'u4999', '28')).toBe(true);
    expect(policy.mgrDepth[policy.userIndex.get('u4999')!]).toBe(4999);
  });

  it('applies to sub-departments for scope 4 too', () => {
    const departments: Array<[string, string | null]> = Array.from({ length: 25 }, (_, i) => [`d${i}`, i === 0 ? null : `d${i - 1}`]);
    const s = buildOrg({
      departments,
      roles: { tree: { scope: 4, grants: ['crm:customer:index'] } },
      users: [['top', 'd0', null, ['tree']], ['at20', 'd20', null, []], ['at21', 'd21', null, []]],
    });
    const policy = compilePolicy(s);
    expect(canSee(policy, 'top', 'at20', '28')).toBe(true);
    expect(canSee(policy, 'top', 'at21', '28')).toBe(false);
  });
});
