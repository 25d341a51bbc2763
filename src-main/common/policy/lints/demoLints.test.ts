import { describe, expect, it } from 'vitest';
import { loadBundledCatalogue } from '../../../services/resources';
import { createDemoSnapshot, DEMO_FACTS } from '../../generator';
import { compilePolicy } from '../compile';
import { explain } from '../explain';
import { lintSnapshot } from './index';

/** The built-in demo workspace plants one instance of each problem (DEMO_FACTS); the lints must find each. */
describe('lints on the demo workspace', () => {
  const policy = compilePolicy(createDemoSnapshot(loadBundledCatalogue()));
  const all = lintSnapshot(policy);
  const of = (rule: string) => all.filter((f) => f.ruleId === rule);

  it('finds 李雷 losing his reports in another department, by name', () => {
    const finding = of('scope-combination-loses-access').find((f) => f.refs.userIds[0] === DEMO_FACTS.liLeiUserId);
    expect(finding).toBeDefined();
    expect(new Set(finding!.refs.userIds.slice(1))).toEqual(new Set(DEMO_FACTS.liLeiReportsInOtherDepartment));
    const e = explain(policy, DEMO_FACTS.liLeiUserId, DEMO_FACTS.customerListPermissionId);
    expect(new Set(e.lostOwnerIds)).toEqual(new Set(DEMO_FACTS.liLeiReportsInOtherDepartment));
    expect(e.consequence.en).toContain('李雷 no longer sees the 2 reports');
  });

  it('finds the planted user and role problems', () => {
    expect(of('dormant-user-holds-roles').map((f) => f.refs.userIds[0])).toEqual(expect.arrayContaining([DEMO_FACTS.disabledUserWithRoles, DEMO_FACTS.inactiveUser]));
    expect(of('active-user-without-role').map((f) => f.refs.userIds[0])).toContain(DEMO_FACTS.activeUserWithoutRole);
    expect(of('role-without-members').map((f) => f.refs.roleIds[0])).toContain(DEMO_FACTS.unusedRoleId);
    expect(of('duplicate-roles').map((f) => [...f.refs.roleIds].sort())).toContainEqual([...DEMO_FACTS.identicalRoleIds].sort());
    expect(of('action-without-read').map((f) => f.refs.roleIds[0])).toContain(DEMO_FACTS.editWithoutViewRoleId);
  });

  it('finds the planted field conflict', () => {
    const { fieldConflict } = DEMO_FACTS;
    const finding = of('field-edit-overrides-hidden').find((f) => f.message.en.startsWith(`${fieldConflict.module}:`)
      && f.refs.roleIds[0] === fieldConflict.hiddenRoleId && f.refs.roleIds[1] === fieldConflict.editRoleId);
    expect(finding?.message.en).toContain(fieldConflict.field);
    expect(finding?.refs.userIds).toEqual([fieldConflict.userId]);
  });
});
