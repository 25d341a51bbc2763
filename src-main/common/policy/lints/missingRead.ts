import type { CompiledPolicy } from '../compiledPolicy';
import { nameList, text } from '../text';
import { roleName, splitKey, userName } from './catalogue';
import type { LintFinding, LintRule } from './lintTypes';
import { refs } from './lintTypes';

/** Actions that act on records a person must first be able to find (list) or open (read). */
const NEEDS_READ = new Set(['update', 'delete', 'excelexport', 'transfer']);
const READ_VERBS = new Set(['index', 'read']);

/** For each module, the action permissions that list or read its records. */
function readPermissionsByModule(policy: CompiledPolicy): Map<string, number[]> {
  const out = new Map<string, number[]>();
  policy.snapshot.permissions.forEach((p, i) => {
    if (p.kind !== 'action') return;
    const { module, verb } = splitKey(p.key);
    if (!READ_VERBS.has(verb)) return;
    const list = out.get(module);
    if (list) list.push(i);
    else out.set(module, [i]);
  });
  return out;
}

/**
 * A role grants edit / delete / export / transfer in a module without its list or read action. The grant
 * works at the gateway (reference §1.2) but the button sits on pages the holder cannot open. A warning
 * when some member gets no list/read from any other role either; info when every member is covered by
 * another role (the role still depends on it) or the role has no members.
 */
export const actionWithoutReadRule: LintRule = {
  id: 'action-without-read',
  severity: 'warning',
  title: text('授予了操作权限却没有查看权限', 'Actions granted without list or read'),
  run(policy) {
    const reads = readPermissionsByModule(policy);
    const findings: LintFinding[] = [];
    for (let r = 0; r < policy.roleCount; r++) {
      if (policy.roleSuper[r]) continue;
      const dependent = new Map<string, number[]>();
      const readable = new Set<string>();
      for (let i = policy.rolePermStart[r]!; i < policy.rolePermStart[r + 1]!; i++) {
        const p = policy.rolePerms[i]!;
        const permission = policy.snapshot.permissions[p]!;
        if (permission.kind !== 'action') continue;
        const { module, verb } = splitKey(permission.key);
        if (READ_VERBS.has(verb)) readable.add(module);
        if (NEEDS_READ.has(verb)) {
          const list = dependent.get(module);
          if (list) list.push(p);
          else dependent.set(module, [p]);
        }
      }
      for (const [module, actions] of dependent) {
        if (readable.has(module)) continue;
        const readPerms = reads.get(module) ?? [];
        const blind: number[] = [];
        for (let i = policy.roleMemberStart[r]!; i < policy.roleMemberStart[r + 1]!; i++) {
          const u = policy.roleMembers[i]!;
          const base = policy.userProfile[u]! * policy.permCount;
          if (!readPerms.some((p) => policy.profileScopes[base + p]! > 0)) blind.push(u);
        }
        const members = policy.roleMemberStart[r + 1]! - policy.roleMemberStart[r]!;
        const keys = actions.map((p) => policy.snapshot.permissions[p]!.key).join(', ');
        const name = roleName(policy, r);
        const who = nameList(blind.map((u) => userName(policy, u)));
        findings.push({
          ruleId: this.id,
          severity: blind.length > 0 ? this.severity : 'info',
          message: members === 0
            ? text(`角色「${name}」授予 ${keys}，但没有 ${module} 的查看列表或查看详情（该角色暂无成员）。`, `Role "${name}" grants ${keys} without list or read in ${module} (the role has no members yet).`)
            : blind.length === 0
            ? text(
              `角色「${name}」授予 ${keys}，但没有 ${module} 的查看列表或查看详情；目前 ${members} 名成员都从其他角色获得，一旦失去那些角色便无法使用。`,
              `Role "${name}" grants ${keys} without list or read in ${module}; all ${members} member${members === 1 ? ' gets' : 's get'} it from another role for now, and would be stranded without it.`,
            )
            : text(
              `角色「${name}」授予 ${keys}，但没有 ${module} 的查看列表或查看详情；${blind.length} 名成员也没有从其他角色获得（${who['zh-CN']}）。`,
              `Role "${name}" grants ${keys} without list or read in ${module}; ${blind.length} member${blind.length === 1 ? ' gets' : 's get'} neither from another role (${who.en}).`,
            ),
          refs: refs({ roleIds: [policy.roleIds[r]!], userIds: blind.map((u) => policy.userIds[u]!), permissionIds: actions.map((p) => policy.permIds[p]!) }),
        });
      }
    }
    return findings;
  },
};
