import type { CompiledPolicy, ScopeValue } from '../compiledPolicy';
import { lastListedType, lostOwners } from '../explain';
import { roleGrants, rolesOfUser } from '../scope';
import { nameList, scopeLabel, text } from '../text';
import { roleName, scopedPermissions, userName } from './catalogue';
import type { LintFinding, LintRule } from './lintTypes';
import { refs } from './lintTypes';

/** Bits of the scopes that contain `winner` and more (nested wider): 2, 3, 4 contain 1; 4 contains 3. */
function widerNested(winner: number): number {
  return winner === 1 ? (1 << 2) | (1 << 3) | (1 << 4) : winner === 3 ? 1 << 4 : 0;
}

/**
 * PHP edition only: a narrower role listed after a wider one cuts the person's scope. `User::getUserByPer`
 * (admin/model/User.php:1150) keeps the scope of the role met last in the person's role order, not the widest
 * (editionRules.ts), so someone holding 本部门及下属部门 then 本人 sees only their own records. Reported where
 * the cut hides someone; one finding per person naming the roles, the permissions and who is hidden. Where the two
 * scopes do not nest (2 beside 3 or 4) no order helps: that is scope-combination-loses-access.
 */
export const roleOrderRule: LintRule = {
  id: 'role-order-cuts-scope',
  severity: 'warning',
  title: text('角色顺序缩小了数据权限（PHP 版取最后一个角色）', 'Role order cuts the scope (the PHP edition takes the last role)'),
  run(policy) {
    if (policy.rules.scopeAcrossRoles !== 'lastListed') return [];
    const scoped = scopedPermissions(policy);
    const { permCount, profileScopes, profileScopeBits } = policy;
    const affected: (number[] | null)[] = new Array(policy.profileCount).fill(null);
    for (let profile = 0; profile < policy.profileCount; profile++) {
      if (policy.userSuper[policy.profileSample[profile]!]) continue;
      const list: number[] = [];
      for (const p of scoped) {
        const cell = profile * permCount + p;
        if (profileScopeBits[cell]! & widerNested(profileScopes[cell]!)) list.push(p);
      }
      if (list.length) affected[profile] = list;
    }
    const findings: LintFinding[] = [];
    for (let u = 0; u < policy.userCount; u++) {
      const perms = affected[policy.userProfile[u]!];
      if (perms) {
        const finding = cutOf(policy, u, perms, this.id, this.severity);
        if (finding) findings.push(finding);
      }
    }
    return findings;
  },
};

function cutOf(policy: CompiledPolicy, u: number, perms: readonly number[], ruleId: string, severity: LintFinding['severity']): LintFinding | null {
  const roles = rolesOfUser(policy, u);
  const lost = new Set<number>();
  const lostPerms: number[] = [];
  const narrow = new Set<number>();
  const wide = new Set<number>();
  let cutTo = 5;
  let cutFrom = 0;
  const byCell = new Map<number, number[]>();
  for (const p of perms) {
    const winner = policy.profileScopes[policy.userProfile[u]! * policy.permCount + p]! as ScopeValue;
    const bits = policy.profileScopeBits[policy.userProfile[u]! * policy.permCount + p]! & widerNested(winner);
    let owners = byCell.get(winner * 256 + bits);
    if (!owners) byCell.set(winner * 256 + bits, (owners = lostOwners(policy, u, bits, winner)));
    if (owners.length === 0) continue;
    lostPerms.push(p);
    for (const o of owners) lost.add(o);
    const granting = Array.from(roles).filter((r) => roleGrants(policy, r, p));
    const decided = lastListedType(granting.map((r) => policy.snapshot.roles[r]!.dataScope));
    for (const r of granting) {
      const scope = policy.roleScope[r]!;
      if (policy.snapshot.roles[r]!.dataScope === decided) narrow.add(r);
      else if (bits & (1 << scope)) {
        wide.add(r);
        cutFrom = Math.max(cutFrom, scope);
      }
    }
    cutTo = Math.min(cutTo, winner);
  }
  if (lost.size === 0) return null;
  const inOrder = (set: ReadonlySet<number>) => Array.from(roles).filter((r) => set.has(r));
  const narrowNames = inOrder(narrow).map((r) => roleName(policy, r));
  const wideNames = inOrder(wide).map((r) => roleName(policy, r));
  const name = userName(policy, u);
  const who = nameList(Array.from(lost, (o) => userName(policy, o)));
  const keys = lostPerms.slice(0, 3).map((p) => policy.snapshot.permissions[p]!.key).join(', ');
  const more = lostPerms.length > 3 ? ` …(+${lostPerms.length - 3})` : '';
  const narrowLabel = scopeLabel(cutTo as ScopeValue);
  const wideLabel = scopeLabel(cutFrom as ScopeValue);
  const zhRoles = (names: readonly string[]) => names.map((n) => `「${n}」`).join('、');
  const enRoles = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');
  const count = lostPerms.length;
  return {
    ruleId,
    severity,
    message: text(
      `${name} 的角色 ${zhRoles(narrowNames)}（${narrowLabel['zh-CN']}）排在 ${zhRoles(wideNames)}（${wideLabel['zh-CN']}）之后；` +
        `悟空CRM PHP 版取排在最后的角色的数据权限，而不是最大的，因此 ${name} 对 ${count} 项权限（${keys}${more}）` +
        `看不到 ${lost.size} 人的数据（${who['zh-CN']}）。调整 ${name} 的角色顺序，让较宽的角色排在后面，或去掉较窄角色的这些权限，即可恢复。`,
      `${name}'s role ${enRoles(narrowNames)} (${narrowLabel.en}) comes after ${enRoles(wideNames)} (${wideLabel.en}) in ${name}'s role list; ` +
        `the PHP edition takes the scope of the role listed last, not the widest, so for ${count} permission${count === 1 ? '' : 's'} (${keys}${more}) ` +
        `${name} does not see the records of ${lost.size} ${lost.size === 1 ? 'person' : 'people'} (${who.en}). ` +
        `Reorder ${name}'s roles so the wider ones come after the narrower one, or take these permissions off the narrower role, to give the scope back.`,
    ),
    refs: refs({
      userIds: [policy.userIds[u]!, ...Array.from(lost, (o) => policy.userIds[o]!)],
      roleIds: inOrder(new Set([...narrow, ...wide])).map((r) => policy.roleIds[r]!),
      permissionIds: lostPerms.map((p) => policy.permIds[p]!),
    }),
  };
}
