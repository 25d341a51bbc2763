import { describe, expect, it } from 'vitest';
import type { DataScope, FieldRule } from '../domain';
import { compilePolicy } from './compile';
import { explain } from './explain';
import { fieldAccess } from './fields';
import { effectiveScope, passesGateway } from './scope';
import { buildOrg, type OrgSpec } from './testing/orgBuilder';
import { NaiveEngine } from './testing/naive';
import { canSee, visibleOwnerIds, whoCanSee } from './visibility';

/**
 * Corners where WukongCRM's own code decides differently from the obvious reading — each checked against the
 * compiled engine and the naive reference. Server files are in [B] of the reference (WukongCRM-11.0-JAVA).
 */

const grantsList = ['crm:customer:index'];
const both = (spec: OrgSpec, user: string, perm = '28') => {
  const s = buildOrg(spec);
  const got = visibleOwnerIds(compilePolicy(s), user, perm).sort();
  expect(got, 'engine and naive reference agree').toEqual([...new NaiveEngine(s).visible(user, perm)].sort());
  return got;
};
const mobile = (roleId: string, mask: FieldRule['mask']): FieldRule => ({ roleId, module: 'customer', field: 'mobile', access: 'read', mask });

describe('super admin is UserUtil.isAdmin for data, the remark only for the gateway (reference §4.1, §1.2)', () => {
  const spec = (roleId: string, remark: string | null, fieldRules: FieldRule[] = []): OrgSpec => ({
    departments: [['hq', null]],
    roles: { [roleId]: { scope: 1, grants: [], remark }, plain: { scope: 1, grants: [] } },
    users: [['root', 'hq', null, [roleId]], ['amy', 'hq', null, ['plain']], ['bob', 'hq', null, ['plain']]],
    fieldRules,
  });

  it('role 180162 makes its holder super admin even without the admin remark (core/utils/UserUtil.java)', () => {
    const s = buildOrg(spec('180162', null, [mobile('plain', 'listDetail')]));
    const policy = compilePolicy(s);
    expect(effectiveScope(policy, 'root', '28')).toBe(5);
    expect(visibleOwnerIds(policy, 'root', '28').sort()).toEqual(['amy', 'bob', 'root']);
    expect(whoCanSee(policy, 'bob', '28').users.length).toBe(1); // bob himself holds nothing; root is counted
    expect(fieldAccess(policy, 'root', 'customer').find((e) => e.field === 'mobile')!.mask).toBe('none'); // replaceMaskFieldValue skips
    expect(explain(policy, 'root', '28').superAdmin).toBe('role');
    expect(new NaiveEngine(s).scope('root', '28')).toBe(5);
  });

  it('a role marked admin that is not 180162 passes the gateway but is scoped and masked like anyone', () => {
    const s = buildOrg(spec('r-admin', 'admin', [mobile('plain', 'listDetail')]));
    const policy = compilePolicy(s);
    expect(effectiveScope(policy, 'root', '28')).toBe(0);
    expect(visibleOwnerIds(policy, 'root', '64')).toEqual([]);
    expect(fieldAccess(policy, 'root', 'customer').find((e) => e.field === 'mobile')!.mask).toBe('listDetail');
    expect(explain(policy, 'root', '28').superAdmin).toBeNull();
    // queryNoAuthMenu finds the role by remark = 'admin' and lets its holders call every URL.
    expect(passesGateway(policy, 'root', '175')).toBe(true);
    expect(passesGateway(policy, 'amy', '175')).toBe(false);
    expect(new NaiveEngine(s).bypassesGateway('root')).toBe(true);
  });

  it('only the first admin-marked role (limit 1, lowest id) opens the gateway; user 14773 always does', () => {
    const s = buildOrg({
      departments: [['hq', null]],
      roles: { 300: { scope: 1, grants: [], remark: 'admin' }, 200: { scope: 1, grants: [], remark: 'admin' } },
      users: [['a', 'hq', null, ['300']], ['b', 'hq', null, ['200']], ['14773', 'hq', null, []]],
      superUserIds: ['14773'],
    });
    const policy = compilePolicy(s);
    expect([passesGateway(policy, 'a', '175'), passesGateway(policy, 'b', '175'), passesGateway(policy, '14773', '175')]).toEqual([false, true, true]);
    expect(effectiveScope(policy, '14773', '28')).toBe(5);
  });
});

describe('manager cycles are walked round, 20 levels deep (RecursionUtil.getChildList, reference §3, §7.2)', () => {
  const ring = (size: number, extra: OrgSpec['users'] = []): OrgSpec => ({
    departments: [['hq', null]],
    roles: { sub: { scope: 2, grants: grantsList } },
    // c0 reports to c1, c1 to c2, …, the last back to c0: c1's reports are c0, then the last, …
    users: [...extra, ...Array.from({ length: size }, (_, i): OrgSpec['users'][number] => [`c${i}`, 'hq', `c${(i + 1) % size}`, ['sub']])],
  });

  it('a 2-cycle: each sees the other, and the report hanging below either', () => {
    const spec = ring(2, [['x', 'hq', 'c0', []]]); // x first, so the tour meets the cycle from below
    expect(both(spec, 'c0')).toEqual(['c0', 'c1', 'x']);
    expect(both(spec, 'c1')).toEqual(['c0', 'c1', 'x']);
    expect(canSee(compilePolicy(buildOrg(spec)), 'c1', 'x', '28')).toBe(true);
  });

  it('a 25-cycle (longer than the 1109 check looks): 20 levels round, counted as the server counts', () => {
    const spec = ring(25);
    const policy = compilePolicy(buildOrg(spec));
    // c5's reports: c4 (1 level), c3, …, c0 (5), c24 (6), …, c10 (20); c9 would be 21 levels down.
    const expected = ['c5', ...Array.from({ length: 20 }, (_, k) => `c${(5 - 1 - k + 25) % 25}`)].sort();
    expect(both(spec, 'c5')).toEqual(expected);
    expect(canSee(policy, 'c5', 'c10', '28')).toBe(true);
    expect(canSee(policy, 'c5', 'c9', '28')).toBe(false);
    expect(explain(policy, 'c5', '28').beyondDepthCount).toBe(4); // c9, c8, c7, c6
    expect(whoCanSee(policy, 'c9', '28').users.length).toBe(21);
  });
});

describe('departments without a row still group their people (queryUserByDeptIds, queryChildDept)', () => {
  const spec = (scope: DataScope): OrgSpec => ({
    departments: [['hq', null], ['east', 'gone'], ['east-1', 'east']],
    roles: { r: { scope, grants: grantsList } },
    users: [['a', 'gone', null, ['r']], ['b', 'gone', null, []], ['c', 'east', null, ['r']], ['d', 'east-1', null, []], ['e', 'hq', null, []]],
  });

  it('scope 3 matches on dept_id alone, existing row or not', () => {
    expect(both(spec(3), 'a')).toEqual(['a', 'b']);
  });

  it('scope 4 walks pid links through a parent that has no row', () => {
    expect(both(spec(4), 'a')).toEqual(['a', 'b', 'c', 'd']);
    expect(both(spec(4), 'c')).toEqual(['c', 'd']);
  });

  it('a department cycle is walked round at scope 4', () => {
    const cyc: OrgSpec = {
      departments: [['hq', null], ['x', 'y'], ['y', 'x']],
      roles: { r: { scope: 4, grants: grantsList } },
      users: [['a', 'x', null, ['r']], ['b', 'y', null, ['r']], ['e', 'hq', null, []]],
    };
    expect(both(cyc, 'a')).toEqual(['a', 'b']);
    expect(both(cyc, 'b')).toEqual(['a', 'b']);
  });
});

describe('data types outside 1..5 read as the server reads them (DataAuthEnum.valueOf, reference §7.2)', () => {
  const spec = (...scopes: number[]): OrgSpec => ({
    departments: [['hq', null]],
    roles: Object.fromEntries(scopes.map((scope, i) => [`r${i}`, { scope: scope as DataScope, grants: grantsList }])),
    users: [['a', 'hq', null, scopes.map((_, i) => `r${i}`)], ['b', 'hq', 'a', []]],
  });

  it('6 alone is self, and compiling and explaining do not throw', () => {
    const policy = compilePolicy(buildOrg(spec(6)));
    expect(effectiveScope(policy, 'a', '28')).toBe(1);
    expect(both(spec(6), 'a')).toEqual(['a']);
    const e = explain(policy, 'a', '28');
    expect(e.roles[0]!.scope).toBe(1);
    expect(e.consequence.en).toContain('data type 6');
  });

  it('the max is taken on the raw values first: 6 beside 3 leaves self, −1 beside 3 leaves 3', () => {
    expect(effectiveScope(compilePolicy(buildOrg(spec(6, 3))), 'a', '28')).toBe(1);
    expect(both(spec(6, 3), 'a')).toEqual(['a']);
    expect(effectiveScope(compilePolicy(buildOrg(spec(-1, 3))), 'a', '28')).toBe(3);
    expect(both(spec(-1, 3), 'a')).toEqual(['a', 'b']);
    const e = explain(compilePolicy(buildOrg(spec(6, 2))), 'a', '28');
    expect(e.roles.map((r) => r.wins)).toEqual([true, false]);
    expect(e.lostOwnerIds).toEqual(['b']);
  });
});

describe('field masks count rows of deleted roles (queryMaskFieldList, reference §4.2, §6)', () => {
  it('a row left behind by a deleted role still masks the field for everyone but grants nothing', () => {
    const s = buildOrg({
      departments: [['hq', null]],
      roles: { a: { scope: 1, grants: [] } },
      users: [['u', 'hq', null, ['a']]],
      fieldRules: [mobile('a', 'none'), { ...mobile('deleted', 'listDetail'), access: 'edit' }],
    });
    const entry = fieldAccess(compilePolicy(s), 'u', 'customer').find((e) => e.field === 'mobile')!;
    expect({ access: entry.access, mask: entry.mask }).toEqual({ access: 'read', mask: 'listDetail' });
    expect(new NaiveEngine(s).field('u', 'customer', 'mobile')).toEqual({ access: 'read', mask: 'listDetail' });
  });
});
