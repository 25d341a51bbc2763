import type { CompiledPolicy } from '../compiledPolicy';
import { text } from '../text';
import { roleName, userName } from './catalogue';
import type { LintFinding, LintRule } from './lintTypes';
import { refs } from './lintTypes';

function roleIdsOf(policy: CompiledPolicy, u: number): string[] {
  return Array.from(policy.userRoles.subarray(policy.userRoleStart[u]!, policy.userRoleStart[u + 1]!), (r) => policy.roleIds[r]!);
}

/**
 * Disabled or not-yet-activated users who still hold roles. Disabled users cannot log in (1007), but
 * an inactive user becomes active on first login (reference §1.1) with every role still attached, and
 * re-enabling a disabled user restores all of them.
 */
export const dormantUserWithRolesRule: LintRule = {
  id: 'dormant-user-holds-roles',
  severity: 'warning',
  title: text('停用或未激活的员工仍持有角色', 'Disabled or inactive users still hold roles'),
  run(policy) {
    const findings: LintFinding[] = [];
    for (let u = 0; u < policy.userCount; u++) {
      const status = policy.userStatus[u]!;
      const count = policy.userRoleStart[u + 1]! - policy.userRoleStart[u]!;
      if (status === 0 || count === 0) continue;
      const name = userName(policy, u);
      const disabled = status === 2;
      findings.push({
        ruleId: this.id,
        severity: disabled ? 'warning' : 'info',
        message: disabled
          ? text(`${name} 已停用，但仍持有 ${count} 个角色；重新启用时会全部恢复。`, `${name} is disabled but still holds ${count} role${count === 1 ? '' : 's'}; re-enabling restores all of them.`)
          : text(`${name} 尚未激活，但已持有 ${count} 个角色；首次登录即生效。`, `${name} is not activated yet but already holds ${count} role${count === 1 ? '' : 's'}; they take effect at first login.`),
        refs: refs({ userIds: [policy.userIds[u]!], roleIds: roleIdsOf(policy, u) }),
      });
    }
    return findings;
  },
};

/** Active users without any role: they can log in and reach nothing (the gateway denies `/*` — §1.2). */
export const activeUserWithoutRoleRule: LintRule = {
  id: 'active-user-without-role',
  severity: 'warning',
  title: text('在职员工没有任何角色', 'Active users without a role'),
  run(policy) {
    const findings: LintFinding[] = [];
    for (let u = 0; u < policy.userCount; u++) {
      if (policy.userStatus[u] !== 0 || policy.userRoleStart[u + 1]! > policy.userRoleStart[u]!) continue;
      if (policy.userSuper[u]) continue; // a super user by id needs no role
      const name = userName(policy, u);
      findings.push({
        ruleId: this.id,
        severity: this.severity,
        message: text(`${name} 处于启用状态，但没有任何角色，登录后什么也做不了。`, `${name} is active but holds no role, so they can log in and do nothing.`),
        refs: refs({ userIds: [policy.userIds[u]!], departmentIds: policy.userDept[u]! >= 0 ? [policy.deptIds[policy.userDept[u]!]!] : [] }),
      });
    }
    return findings;
  },
};

/** Roles nobody holds: candidates for deletion, or a sign that an assignment was forgotten. */
export const roleWithoutMembersRule: LintRule = {
  id: 'role-without-members',
  severity: 'info',
  title: text('角色没有成员', 'Roles with no members'),
  run(policy) {
    const findings: LintFinding[] = [];
    for (let r = 0; r < policy.roleCount; r++) {
      if (policy.roleMemberStart[r + 1]! > policy.roleMemberStart[r]!) continue;
      const name = roleName(policy, r);
      findings.push({
        ruleId: this.id,
        severity: this.severity,
        message: text(`角色「${name}」没有任何成员。`, `Role "${name}" has no members.`),
        refs: refs({ roleIds: [policy.roleIds[r]!] }),
      });
    }
    return findings;
  },
};
