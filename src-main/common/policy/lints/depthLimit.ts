import { text } from '../text';
import { scopedPermissions, userName } from './catalogue';
import type { LintFinding, LintRule } from './lintTypes';
import { refs } from './lintTypes';

/**
 * WukongCRM stops following the manager chain after 20 levels (reference §3, §7.2: `queryChildUserId`,
 * depth ≤ 20). A user whose effective scope is 2 for some scoped action and who has reports deeper than
 * that does not see them, whatever the role says.
 */
export const recursionDepthRule: LintRule = {
  id: 'reports-beyond-recursion-depth',
  severity: 'info',
  title: text('下属层级超过服务器的递归深度', 'Reports beyond the server\'s recursion depth'),
  run(policy) {
    if (!Number.isFinite(policy.recursionDepth)) return [];
    const scoped = scopedPermissions(policy);
    const findings: LintFinding[] = [];
    const usesTwo = new Uint8Array(policy.profileCount);
    for (let profile = 0; profile < policy.profileCount; profile++) {
      usesTwo[profile] = scoped.some((p) => policy.profileScopes[profile * policy.permCount + p] === 2) ? 1 : 0;
    }
    for (let u = 0; u < policy.userCount; u++) {
      if (!usesTwo[policy.userProfile[u]!]) continue;
      const limit = policy.mgrDepth[u]! + policy.recursionDepth;
      let beyond = 0;
      for (let i = policy.mgrEnter[u]! + 1; i <= policy.mgrExit[u]!; i++) {
        if (policy.mgrDepth[policy.usersByManager[i]!]! > limit) beyond++;
      }
      if (beyond === 0) continue;
      const name = userName(policy, u);
      findings.push({
        ruleId: this.id,
        severity: this.severity,
        message: text(
          `${name} 有 ${beyond} 名下属在 ${policy.recursionDepth} 层以下，数据权限“本人及下属”看不到他们。`,
          `${name} has ${beyond} report${beyond === 1 ? '' : 's'} more than ${policy.recursionDepth} levels down; scope 2 (self + subordinates) does not reach them.`,
        ),
        refs: refs({ userIds: [policy.userIds[u]!] }),
      });
    }
    return findings;
  },
};
