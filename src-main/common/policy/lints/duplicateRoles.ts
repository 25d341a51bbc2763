import { text } from '../text';
import { roleName } from './catalogue';
import type { LintFinding, LintRule } from './lintTypes';
import { refs } from './lintTypes';

/** Roles of the same group with the same scope and exactly the same grants: one of them is redundant. */
export const duplicateRolesRule: LintRule = {
  id: 'duplicate-roles',
  severity: 'warning',
  title: text('重复的角色', 'Duplicate roles'),
  run(policy) {
    const groups = new Map<string, number[]>();
    for (let r = 0; r < policy.roleCount; r++) {
      if (policy.roleSuper[r]) continue; // the super-admin role grants by marker, not by menus
      const grants = Array.from(policy.rolePerms.subarray(policy.rolePermStart[r]!, policy.rolePermStart[r + 1]!)).sort((a, b) => a - b);
      const key = `${policy.snapshot.roles[r]!.groupId}\u0000${policy.roleScope[r]}\u0000${grants.join(',')}`;
      const list = groups.get(key);
      if (list) list.push(r);
      else groups.set(key, [r]);
    }
    const findings: LintFinding[] = [];
    for (const roles of groups.values()) {
      if (roles.length < 2) continue;
      const names = roles.map((r) => `「${roleName(policy, r)}」`);
      const namesEn = roles.map((r) => `"${roleName(policy, r)}"`);
      const scope = policy.roleScope[roles[0]!]!;
      findings.push({
        ruleId: this.id,
        severity: this.severity,
        message: text(
          `角色 ${names.join('、')} 属于同一类型，数据权限同为 ${scope}，授予的功能权限完全相同。`,
          `Roles ${namesEn.join(', ')} are in the same group with the same scope ${scope} and exactly the same grants.`,
        ),
        refs: refs({ roleIds: roles.map((r) => policy.roleIds[r]!) }),
      });
    }
    return findings;
  },
};
