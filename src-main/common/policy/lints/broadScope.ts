import { text } from '../text';
import { profileSizes, splitKey } from './catalogue';
import type { LintFinding, LintRule } from './lintTypes';
import { refs } from './lintTypes';

/** Modules whose records are personal or financial (WukongCRM CRM groups, reference §5.3). */
export const DEFAULT_SENSITIVE_MODULES: readonly string[] = [
  'crm:customer', 'crm:contacts', 'crm:contract', 'crm:receivables', 'crm:receivablesPlan', 'crm:invoice',
];
export const DEFAULT_BROAD_SCOPE_THRESHOLD = 50;

/**
 * Scope 5 (all) on a scoped action of a sensitive module held by more users than the threshold: every
 * one of them reads the whole company's customers or money. Super admins are not counted.
 */
export const broadScopeRule: LintRule = {
  id: 'broad-scope-on-sensitive-module',
  severity: 'warning',
  title: text('敏感模块的“全部”数据权限范围过大', 'Scope "all" on sensitive modules held by many'),
  run(policy, options) {
    const sizes = profileSizes(policy);
    const findings: LintFinding[] = [];
    policy.snapshot.permissions.forEach((permission, p) => {
      if (permission.kind !== 'action' || !permission.scoped) return;
      if (!options.sensitiveModules.includes(splitKey(permission.key).module)) return;
      let holders = 0;
      for (let profile = 0; profile < policy.profileCount; profile++) {
        if (policy.userSuper[policy.profileSample[profile]!]) continue;
        if (policy.profileScopes[profile * policy.permCount + p] === 5) holders += sizes[profile]!;
      }
      if (holders <= options.broadScopeThreshold) return;
      const roleIds: string[] = [];
      for (let i = policy.permRoleStart[p]!; i < policy.permRoleStart[p + 1]!; i++) {
        const r = policy.permRoles[i]!;
        if (policy.roleScope[r] === 5 && !policy.roleSuper[r]) roleIds.push(policy.roleIds[r]!);
      }
      const users: string[] = [];
      for (let u = 0; u < policy.userCount; u++) {
        if (!policy.userSuper[u] && policy.profileScopes[policy.userProfile[u]! * policy.permCount + p] === 5) users.push(policy.userIds[u]!);
      }
      findings.push({
        ruleId: this.id,
        severity: this.severity,
        message: text(
          `${holders} 人对 ${permission.key}（${permission.label['zh-CN']}）拥有“全部”数据权限，超过阈值 ${options.broadScopeThreshold}；来自 ${roleIds.length} 个角色。`,
          `${holders} users hold ${permission.key} (${permission.label.en}) with scope 5 (all), above the threshold of ${options.broadScopeThreshold}; it comes from ${roleIds.length} role${roleIds.length === 1 ? '' : 's'}.`,
        ),
        refs: refs({ userIds: users, roleIds, permissionIds: [permission.id] }),
      });
    });
    return findings;
  },
};
