import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile';
import { accessMatrix, scopeCounts } from './matrix';
import { buildOrg } from './testing/orgBuilder';

const s = buildOrg({
  departments: [['hq', null], ['sales', 'hq'], ['east', 'sales'], ['empty', 'hq']],
  roles: { rep: { scope: 1, grants: ['crm:customer:index'] }, lead: { scope: 4, grants: ['crm:customer:index', 'crm:contract:index'] } },
  users: [
    ['boss', 'hq', null, []],
    ['lead', 'sales', 'boss', ['lead']],
    ['r1', 'east', 'lead', ['rep']],
    ['r2', 'east', 'lead', ['rep']],
  ],
});

describe('access matrix', () => {
  const policy = compilePolicy(s);
  const perms = ['28', '55'];
  const m = accessMatrix(policy, ['boss', 'lead', 'r1', 'r2'], perms);
  const cell = (agg: NonNullable<typeof m.byDepartment>, group: string, perm: string, scope: number) =>
    scopeCounts(agg, agg.groupIds.indexOf(group), perms.indexOf(perm))[scope];

  it('holds one scope per user × permission, row-major', () => {
    expect(Array.from(m.scopes)).toEqual([0, 0, 4, 4, 1, 0, 1, 0]);
  });

  it('counts each department over its subtree, empty departments included', () => {
    const dept = m.byDepartment!;
    expect(dept.size[dept.groupIds.indexOf('hq')]).toBe(4);
    expect(dept.size[dept.groupIds.indexOf('sales')]).toBe(3);
    expect(dept.size[dept.groupIds.indexOf('empty')]).toBe(0);
    expect(cell(dept, 'sales', '28', 1)).toBe(2);
    expect(cell(dept, 'sales', '28', 4)).toBe(1);
    expect(cell(dept, 'hq', '28', 0)).toBe(1);
    expect(cell(dept, 'east', '55', 0)).toBe(2);
  });

  it('counts each manager\'s direct reports', () => {
    const team = m.byManager!;
    expect([...team.groupIds].sort()).toEqual(['boss', 'lead']);
    expect(team.size[team.groupIds.indexOf('lead')]).toBe(2);
    expect(cell(team, 'lead', '28', 1)).toBe(2);
    expect(cell(team, 'boss', '55', 4)).toBe(1);
  });

  it('can skip the aggregates', () => {
    expect(accessMatrix(policy, ['r1'], ['28'], { aggregates: false }).byDepartment).toBeUndefined();
  });
});
