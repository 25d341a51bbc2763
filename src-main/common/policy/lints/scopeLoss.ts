import type { CompiledPolicy, ScopeValue } from '../compiledPolicy';
import { lostOwners } from '../explain';
import { rolesOfUser } from '../scope';
import { nameList, text } from '../text';
import { scopedPermissions, userName } from './catalogue';
import type { LintFinding, LintRule } from './lintTypes';
import { refs } from './lintTypes';

/**
 * Non-nested scopes that lose access: 2 (self + subordinates) is not contained in 3 or 4, nor they in it, so
 * whichever of them the server keeps, the other's people are lost. Java takes the largest dataType (reference
 * §7.1): a user whose roles give 2 and 3 (or 2 and 4) for the same scoped action silently stops seeing reports
 * outside the department. PHP takes the scope of the role met last in the user's order (editionRules.ts): 3 or 4
 * last loses those reports, 2 last loses the department's other people — no order gives the union. Computed per
 * user per scoped permission; one finding per user naming who is lost. (On PHP a narrower role listed after a
 * wider nested one is role-order-cuts-scope.)
 */
export const scopeLossRule: LintRule = {
  id: 'scope-combination-loses-access',
  severity: 'warning',
  title: text('数据权限组合导致可见范围缩小', 'Scope combination loses access'),
  run(policy) {
    if (policy.rules.scopeAcrossRoles === 'lastListed') return lastListedLoss(policy, this.id, this.severity);
    const scoped = scopedPermissions(policy);
    const { permCount, profileScopes, profileScopeBits } = policy;
    // Per profile: the scoped permissions where 2 meets a larger 3 or 4.
    const affected: (number[] | null)[] = new Array(policy.profileCount).fill(null);
    for (let profile = 0; profile < policy.profileCount; profile++) {
      if (policy.userSuper[policy.profileSample[profile]!]) continue;
      const list: number[] = [];
      for (const p of scoped) {
        const cell = profile * permCount + p;
        const max = profileScopes[cell]!;
        if ((max === 3 || max === 4) && profileScopeBits[cell]! & (1 << 2)) list.push(p);
      }
      if (list.length) affected[profile] = list;
    }
    const findings: LintFinding[] = [];
    for (let u = 0; u < policy.userCount; u++) {
      const perms = affected[policy.userProfile[u]!];
      if (!perms) continue;
      const lost = new Set<number>();
      const winners = new Set<ScopeValue>();
      const lostPerms: number[] = [];
      const byWinner = new Map<ScopeValue, number[]>();
      for (const p of perms) {
        const winner = profileScopes[policy.userProfile[u]! * permCount + p]! as ScopeValue;
        let owners = byWinner.get(winner);
        if (!owners) byWinner.set(winner, (owners = lostOwners(policy, u, 1 << 2, winner)));
        if (owners.length === 0) continue;
        lostPerms.push(p);
        winners.add(winner);
        for (const o of owners) lost.add(o);
      }
      if (lost.size === 0) continue;
      const name = userName(policy, u);
      const who = nameList(Array.from(lost, (o) => userName(policy, o)));
      const top = Math.max(...winners) as ScopeValue;
      const keys = lostPerms.slice(0, 3).map((p) => policy.snapshot.permissions[p]!.key).join(', ');
      const more = lostPerms.length > 3 ? ` …(+${lostPerms.length - 3})` : '';
      const roleIds = Array.from(rolesOfUser(policy, u))
        .filter((r) => lostPerms.some((p) => policy.rolePerms.subarray(policy.rolePermStart[r]!, policy.rolePermStart[r + 1]!).includes(p)))
        .map((r) => policy.roleIds[r]!);
      findings.push({
        ruleId: this.id,
        severity: this.severity,
        message: text(
          `${name} 的角色对 ${lostPerms.length} 项权限（${keys}${more}）同时给出数据权限 2 和 ${top}，服务器只取 ${top}，因此看不到 ${lost.size} 名下属的数据（${who['zh-CN']}）。`,
          `${name}'s roles give scopes 2 and ${top} for ${lostPerms.length} permission${lostPerms.length === 1 ? '' : 's'} (${keys}${more}); the server takes ${top}, so ${name} no longer sees the records of ${lost.size} report${lost.size === 1 ? '' : 's'} (${who.en}).`,
        ),
        refs: refs({
          userIds: [policy.userIds[u]!, ...Array.from(lost, (o) => policy.userIds[o]!)],
          roleIds,
          permissionIds: lostPerms.map((p) => policy.permIds[p]!),
        }),
      });
    }
    return findings;
  },
};

/** Bits of the granting scopes not nested with `winner`: 2 against 3 or 4 (the only pair that does not nest). */
function notNested(winner: number): number {
  return winner === 3 || winner === 4 ? 1 << 2 : winner === 2 ? (1 << 3) | (1 << 4) : 0;
}

/** The PHP edition's losses: the scope met last is 2 beside 3 or 4, or 3 or 4 beside 2. */
function lastListedLoss(policy: CompiledPolicy, ruleId: string, severity: LintFinding['severity']): LintFinding[] {
  const scoped = scopedPermissions(policy);
  const { permCount, profileScopes, profileScopeBits } = policy;
  const affected: (number[] | null)[] = new Array(policy.profileCount).fill(null);
  for (let profile = 0; profile < policy.profileCount; profile++) {
    if (policy.userSuper[policy.profileSample[profile]!]) continue;
    const list: number[] = [];
    for (const p of scoped) {
      const cell = profile * permCount + p;
      if (profileScopeBits[cell]! & notNested(profileScopes[cell]!)) list.push(p);
    }
    if (list.length) affected[profile] = list;
  }
  const findings: LintFinding[] = [];
  for (let u = 0; u < policy.userCount; u++) {
    const perms = affected[policy.userProfile[u]!];
    if (!perms) continue;
    const lost = new Set<number>();
    const lostPerms: number[] = [];
    const involved = new Set<number>();
    const byCell = new Map<number, number[]>();
    for (const p of perms) {
      const cell = policy.userProfile[u]! * permCount + p;
      const winner = profileScopes[cell]! as ScopeValue;
      const bits = profileScopeBits[cell]! & notNested(winner);
      let owners = byCell.get(winner * 256 + bits);
      if (!owners) byCell.set(winner * 256 + bits, (owners = lostOwners(policy, u, bits, winner)));
      if (owners.length === 0) continue;
      lostPerms.push(p);
      involved.add(winner);
      for (const sc of [2, 3, 4]) if (bits & (1 << sc)) involved.add(sc);
      for (const o of owners) lost.add(o);
    }
    if (lost.size === 0) continue;
    const name = userName(policy, u);
    const who = nameList(Array.from(lost, (o) => userName(policy, o)));
    const keys = lostPerms.slice(0, 3).map((p) => policy.snapshot.permissions[p]!.key).join(', ');
    const more = lostPerms.length > 3 ? ` …(+${lostPerms.length - 3})` : '';
    const scopes = [...involved].sort((a, b) => a - b);
    const given = scopes.join(' 与 ');
    const givenEn = `${scopes.slice(0, -1).join(', ')} and ${scopes[scopes.length - 1]}`;
    const roleIds = Array.from(rolesOfUser(policy, u))
      .filter((r) => lostPerms.some((p) => policy.rolePerms.subarray(policy.rolePermStart[r]!, policy.rolePermStart[r + 1]!).includes(p)))
      .map((r) => policy.roleIds[r]!);
    findings.push({
      ruleId,
      severity,
      message: text(
        `${name} 的角色对 ${lostPerms.length} 项权限（${keys}${more}）给出数据权限 ${given}，它们互不包含；悟空CRM PHP 版只取排在最后的角色的数据权限，不论怎样排序都得不到两者之和，因此看不到 ${lost.size} 人的数据（${who['zh-CN']}）。`,
        `${name}'s roles give scopes ${givenEn} for ${lostPerms.length} permission${lostPerms.length === 1 ? '' : 's'} (${keys}${more}), which do not contain each other; the PHP edition takes only the scope of the role listed last, and no order gives both, so ${name} does not see the records of ${lost.size} ${lost.size === 1 ? 'person' : 'people'} (${who.en}).`,
      ),
      refs: refs({
        userIds: [policy.userIds[u]!, ...Array.from(lost, (o) => policy.userIds[o]!)],
        roleIds,
        permissionIds: lostPerms.map((p) => policy.permIds[p]!),
      }),
    });
  }
  return findings;
}
