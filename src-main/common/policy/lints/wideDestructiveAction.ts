import { indexPermissions, permissionPathLabel } from '../../wukong';
import { text } from '../text';
import { profileSizes, splitKey } from './catalogue';
import type { LintFinding, LintRule } from './lintTypes';
import { refs } from './lintTypes';

/** More people than this holding delete or export on a sensitive module is an error (a push needs a reason). */
export const DEFAULT_WIDE_ACTION_THRESHOLD = 100;

/** Verbs whose wide grant loses records for good (delete) or lets them leave the company (export to Excel). */
const DESTRUCTIVE_VERBS: ReadonlySet<string> = new Set(['delete', 'excelexport']);

/**
 * Delete or export of a sensitive module's records (customers, contacts, contracts, money) held by more people
 * than the threshold, super admins not counted: any one of them, on the way out, can wipe or take the customer
 * list. An error rather than a warning because the push gate then asks for a written reason.
 */
export const wideDestructiveActionRule: LintRule = {
  id: 'destructive-action-held-widely',
  severity: 'error',
  title: text('删除或导出敏感记录的人数过多', 'Delete or export of sensitive records held by many'),
  run(policy, options) {
    const sizes = profileSizes(policy);
    const labels = indexPermissions(policy.snapshot.permissions);
    const findings: LintFinding[] = [];
    policy.snapshot.permissions.forEach((permission, p) => {
      if (permission.kind !== 'action') return;
      const { module, verb } = splitKey(permission.key);
      if (!DESTRUCTIVE_VERBS.has(verb.toLowerCase()) || !options.sensitiveModules.includes(module)) return;
      let holders = 0;
      for (let profile = 0; profile < policy.profileCount; profile++) {
        if (policy.userSuper[policy.profileSample[profile]!]) continue;
        if (policy.profileScopes[profile * policy.permCount + p]! > 0) holders += sizes[profile]!;
      }
      if (holders <= options.wideActionThreshold) return;
      const roleIds: string[] = [];
      for (let i = policy.permRoleStart[p]!; i < policy.permRoleStart[p + 1]!; i++) {
        const r = policy.permRoles[i]!;
        if (!policy.roleSuper[r]) roleIds.push(policy.roleIds[r]!);
      }
      const userIds: string[] = [];
      for (let u = 0; u < policy.userCount; u++) {
        if (!policy.userSuper[u] && policy.profileScopes[policy.userProfile[u]! * policy.permCount + p]! > 0) userIds.push(policy.userIds[u]!);
      }
      const zh = permissionPathLabel(labels, permission.id, 'zh-CN');
      const en = permissionPathLabel(labels, permission.id, 'en');
      findings.push({
        ruleId: this.id,
        severity: this.severity,
        message: text(
          `${holders} 人拥有「${zh}」，超过 ${options.wideActionThreshold} 人；来自 ${roleIds.length} 个角色。其中任何一人离职前都可以删除或带走这些记录。`,
          `${holders} people hold "${en}", more than ${options.wideActionThreshold}; it comes from ${roleIds.length} role${roleIds.length === 1 ? '' : 's'}. Any one of them, on the way out, could delete or take these records.`,
        ),
        refs: refs({ userIds, roleIds, permissionIds: [permission.id] }),
      });
    });
    return findings;
  },
};
