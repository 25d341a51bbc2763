import type { CompiledPolicy } from '../compiledPolicy';
import { nameList, text } from '../text';
import { userName } from './catalogue';
import type { LintFinding, LintRule, SodPair } from './lintTypes';
import { refs } from './lintTypes';

/**
 * Default separation-of-duties pairs, by permission key (ids differ between CRMs, keys do not;
 * WukongCRM realm paths, reference §5.3/§5.4). Each can be replaced through LintOptions.sodPairs.
 */
export const DEFAULT_SOD_PAIRS: readonly SodPair[] = [
  {
    id: 'contract-save-vs-receivables-delete',
    a: 'crm:contract:save',
    b: 'crm:receivables:delete',
    severity: 'error',
    label: text('新建合同 与 删除回款', 'create contracts and delete receivables'),
  },
  {
    id: 'receivables-save-vs-contract-delete',
    a: 'crm:receivables:save',
    b: 'crm:contract:delete',
    severity: 'warning',
    label: text('新建回款 与 删除合同', 'record receivables and delete contracts'),
  },
  {
    id: 'role-edit-vs-user-create',
    a: 'manage:permission:update',
    b: 'manage:users:userSave',
    severity: 'warning',
    label: text('角色权限设置 与 员工新建', 'edit roles and create users'),
  },
  {
    id: 'role-edit-vs-user-update',
    a: 'manage:permission:update',
    b: 'manage:users:userUpdate',
    severity: 'warning',
    label: text('角色权限设置 与 员工操作（分配角色）', 'edit roles and change users (assign roles)'),
  },
  {
    id: 'role-edit-vs-log-access',
    a: 'manage:permission:update',
    b: 'manage:adminLog:systemLog',
    severity: 'info',
    label: text('角色权限设置 与 查看系统操作日志', 'edit roles and read the system log that records it'),
  },
];

function permissionsWithKey(policy: CompiledPolicy, key: string): number[] {
  const out: number[] = [];
  policy.snapshot.permissions.forEach((p, i) => { if (p.key === key) out.push(i); });
  return out;
}

/**
 * Users holding both sides of a pair. Super admins hold everything by design and are left out: listing
 * them under every pair would bury the real conflicts.
 */
export const separationOfDutiesRule: LintRule = {
  id: 'separation-of-duties',
  severity: 'error',
  title: text('职责分离冲突', 'Separation-of-duties conflicts'),
  run(policy, options) {
    const findings: LintFinding[] = [];
    for (const pair of options.sodPairs) {
      const sideA = permissionsWithKey(policy, pair.a);
      const sideB = permissionsWithKey(policy, pair.b);
      if (!sideA.length || !sideB.length) continue;
      const conflicted = new Uint8Array(policy.profileCount);
      for (let profile = 0; profile < policy.profileCount; profile++) {
        if (policy.userSuper[policy.profileSample[profile]!]) continue;
        const base = profile * policy.permCount;
        const hasA = sideA.some((p) => policy.profileScopes[base + p]! > 0);
        const hasB = sideB.some((p) => policy.profileScopes[base + p]! > 0);
        if (hasA && hasB) conflicted[profile] = 1;
      }
      const users: number[] = [];
      for (let u = 0; u < policy.userCount; u++) if (conflicted[policy.userProfile[u]!]) users.push(u);
      if (!users.length) continue;
      const roleIds = new Set<string>();
      for (const p of [...sideA, ...sideB]) {
        for (let i = policy.permRoleStart[p]!; i < policy.permRoleStart[p + 1]!; i++) {
          const r = policy.permRoles[i]!;
          if (policy.roleMemberStart[r + 1]! > policy.roleMemberStart[r]!) roleIds.add(policy.roleIds[r]!);
        }
      }
      const who = nameList(users.map((u) => userName(policy, u)));
      findings.push({
        ruleId: this.id,
        severity: pair.severity,
        message: text(
          `${users.length} 人同时拥有 ${pair.label['zh-CN']}（${pair.a} + ${pair.b}）：${who['zh-CN']}。`,
          `${users.length} user${users.length === 1 ? ' holds' : 's hold'} both sides of "${pair.label.en}" (${pair.a} + ${pair.b}): ${who.en}.`,
        ),
        refs: refs({
          userIds: users.map((u) => policy.userIds[u]!),
          roleIds: [...roleIds],
          permissionIds: [...sideA, ...sideB].map((p) => policy.permIds[p]!),
        }),
      });
    }
    return findings;
  },
};
