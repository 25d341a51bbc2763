import type { DataScope, LocalizedText } from '../domain';
import { isHardCodedSuperUser } from '../wukong';
import type { CompiledPolicy, ScopeValue } from './compiledPolicy';
import { isKnownDataType } from './dataType';
import { permissionNumber, rolesOfUser, roleGrants, scopeOf, userNumber } from './scope';
import { nameList, scopeLabel, text } from './text';
import { ownersAtScope, reachRanges, reaches } from './visibility';

export interface RoleExplanation {
  readonly roleId: string;
  readonly roleName: string;
  readonly groupId: string;
  /** Shown only: WukongCRM does not enforce role status (reference §4.1). */
  readonly enabled: boolean;
  readonly grants: boolean;
  /** The scope the role gives on its own, as the server reads its dataType (a value outside 1..5 reads as 1). */
  readonly scope: DataScope;
  readonly superAdminRole: boolean;
  /** Grants the permission with the scope the server ends up using. */
  readonly wins: boolean;
}

export interface Explanation {
  readonly userId: string;
  readonly permissionId: string;
  readonly superAdmin: 'user' | 'role' | null;
  readonly roles: readonly RoleExplanation[];
  readonly effectiveScope: ScopeValue;
  /** Distinct scopes among the roles that grant the permission, ascending. */
  readonly grantingScopes: readonly DataScope[];
  readonly visibleOwnerCount: number;
  /** Owners a union of the granting scopes would show but the largest scope does not (e.g. 2 + 3). */
  readonly lostOwnerIds: readonly string[];
  /** Owners under the user (scope 2) or department (scope 4) that lie beyond the server's recursion depth. */
  readonly beyondDepthCount: number;
  readonly consequence: LocalizedText;
}

/**
 * Owners one of the other granting scopes would show that the winning scope does not. With real scopes only 2
 * beside 3 or 4 loses anyone (the others nest); a dataType outside 1..5 can win and read as 1, losing them all.
 */
export function lostOwners(policy: CompiledPolicy, user: number, scopeBits: number, winner: ScopeValue): number[] {
  const lost = new Set<number>();
  for (let s = 1; s <= 5; s++) {
    if (!(scopeBits & (1 << s)) || s === winner || s === 1 || winner === 5 || (s === 3 && winner === 4)) continue;
    for (const owner of ownersAtScope(policy, user, s as ScopeValue)) if (!reaches(policy, user, owner, winner)) lost.add(owner);
  }
  return [...lost];
}

/**
 * Why a user has the scope they have for a permission: every role, whether it grants the permission,
 * its scope, which one wins, and the consequence in plain words (zh-CN and en).
 */
export function explain(policy: CompiledPolicy, userId: string, permissionId: string): Explanation {
  const u = userNumber(policy, userId);
  const p = permissionNumber(policy, permissionId);
  const snapshot = policy.snapshot;
  const user = snapshot.users[u]!;
  const permission = snapshot.permissions[p]!;
  const effective = scopeOf(policy, u, p);
  const superAdmin = policy.userSuper[u]
    ? (isHardCodedSuperUser(userId, snapshot.superUserIds) ? 'user' : 'role')
    : null;

  const roles: RoleExplanation[] = [];
  let bits = 0;
  // The winner is the largest raw dataType (`ORDER BY data_type desc limit 1`), not the largest scope.
  let top = -Infinity;
  const userRoles = rolesOfUser(policy, u);
  for (const r of userRoles) if (roleGrants(policy, r, p) && snapshot.roles[r]!.dataScope > top) top = snapshot.roles[r]!.dataScope;
  for (const r of userRoles) {
    const role = snapshot.roles[r]!;
    const grants = roleGrants(policy, r, p);
    const scope = policy.roleScope[r]! as DataScope;
    if (grants) bits |= 1 << scope;
    roles.push({
      roleId: role.id,
      roleName: role.name,
      groupId: role.groupId,
      enabled: role.enabled,
      grants,
      scope,
      superAdminRole: policy.roleSuper[r] === 1,
      wins: superAdmin === null ? grants && role.dataScope === top : policy.roleSuper[r] === 1,
    });
  }
  const unknownWinner = superAdmin === null
    ? roles.find((r, i) => r.wins && !isKnownDataType(snapshot.roles[userRoles[i]!]!.dataScope)) : undefined;
  const grantingScopes = ([1, 2, 3, 4, 5] as const).filter((s) => bits & (1 << s));
  const lost = superAdmin ? [] : lostOwners(policy, u, bits, effective);
  const visible = ownersAtScope(policy, u, effective).length;
  let beyond = 0;
  // Everyone the chain or the tree reaches at any depth (round a cycle too), less those within the server's depth.
  if (effective === 2) {
    for (const [from, to] of reachRanges(policy.mgrEnter, policy.mgrExit, policy.mgrDepth, policy.mgrLoopRoot, policy.mgrLoop, u, Infinity)) beyond += to - from + 1;
    beyond -= visible;
  }
  if (effective === 4) {
    const d = policy.userDept[u]!;
    for (const [from, to] of reachRanges(policy.deptEnter, policy.deptExit, policy.deptDepth, policy.deptLoopRoot, policy.deptLoop, d, Infinity)) {
      beyond += policy.deptUserStart[to + 1]! - policy.deptUserStart[from]!;
    }
    beyond -= visible;
  }

  const lostIds = lost.map((o) => policy.userIds[o]!);
  const consequence = describe({
    name: user.name,
    permission: { 'zh-CN': `「${permission.label['zh-CN']}」(${permission.key})`, en: `"${permission.label.en}" (${permission.key})` },
    superAdmin,
    effective,
    grantingScopes,
    winners: roles.filter((r) => r.wins && r.grants).map((r) => r.roleName),
    visible,
    lostNames: lost.map((o) => snapshot.users[o]!.name),
    beyond,
    depth: policy.recursionDepth,
    unknownDataType: unknownWinner ? { role: unknownWinner.roleName, raw: snapshot.roles.find((r) => r.id === unknownWinner.roleId)!.dataScope } : null,
  });
  return {
    userId, permissionId, superAdmin, roles, effectiveScope: effective, grantingScopes,
    visibleOwnerCount: visible, lostOwnerIds: lostIds, beyondDepthCount: beyond, consequence,
  };
}

interface Facts {
  name: string;
  permission: LocalizedText;
  superAdmin: 'user' | 'role' | null;
  effective: ScopeValue;
  grantingScopes: readonly DataScope[];
  winners: readonly string[];
  visible: number;
  lostNames: readonly string[];
  beyond: number;
  depth: number;
  unknownDataType: { role: string; raw: number } | null;
}

function describe(f: Facts): LocalizedText {
  if (f.superAdmin) {
    return text(
      `${f.name} 是超级管理员：服务器跳过权限检查，${f.permission['zh-CN']} 可见全部 ${f.visible} 人的数据。`,
      `${f.name} is a super admin: the server skips every check, so ${f.name} sees everyone's records (${f.visible} people) for ${f.permission.en}.`,
    );
  }
  if (f.effective === 0) {
    return text(
      `${f.name} 的角色都没有授予 ${f.permission['zh-CN']}，因此不能使用该功能。`,
      `None of ${f.name}'s roles grants ${f.permission.en}, so ${f.name} cannot use it.`,
    );
  }
  const label = scopeLabel(f.effective);
  const who = f.visible === 1
    ? text('只能看到本人的数据', 'sees only their own records')
    : text(`可以看到 ${f.visible} 人的数据`, `sees the records of ${f.visible} people`);
  let zh: string;
  let en: string;
  if (f.unknownDataType) {
    const { role, raw } = f.unknownDataType;
    zh = `角色 ${role} 的数据权限值为 ${raw}，悟空CRM 不认识它：服务器先取最大值 ${raw}，再按「本人」处理（DataAuthEnum.valueOf），${f.name} ${who['zh-CN']}。`;
    en = `${role} carries data type ${raw}, which WukongCRM does not know: the server takes the largest value, ${raw}, and reads it as self (DataAuthEnum.valueOf), so ${f.name} ${who.en}.`;
    if (f.lostNames.length > 0) {
      zh += ` 其他角色本可看到的 ${f.lostNames.length} 人（${nameList(f.lostNames)['zh-CN']}）因此看不到。`;
      en += ` ${f.lostNames.length === 1 ? 'The one person' : `The ${f.lostNames.length} people`} other roles would show (${nameList(f.lostNames).en}) stay hidden.`;
    }
  } else if (f.grantingScopes.length === 1) {
    zh = `角色 ${f.winners.join('、')} 以数据权限 ${label['zh-CN']} 授予 ${f.permission['zh-CN']}：${f.name} ${who['zh-CN']}。`;
    en = `${f.winners.join(', ')} grants ${f.permission.en} with scope ${label.en}: ${f.name} ${who.en}.`;
  } else {
    const list = f.grantingScopes.join(' 与 ');
    const listEn = `${f.grantingScopes.slice(0, -1).join(', ')} and ${f.grantingScopes[f.grantingScopes.length - 1]}`;
    zh = `数据权限 ${list}：服务器取最大值 ${label['zh-CN']}（不是并集），`;
    en = `Scopes ${listEn}: the server takes ${label.en} (the largest, not the union), so `;
    if (f.lostNames.length > 0) {
      const names = nameList(f.lostNames);
      const where = f.effective === 3 ? text('本部门以外', 'outside the department') : text('本部门及下属部门以外', 'outside the department tree');
      zh += `因此 ${f.name} 看不到${where['zh-CN']}的 ${f.lostNames.length} 名下属（${names['zh-CN']}）。`;
      en += `${f.name} no longer sees ${f.lostNames.length === 1 ? 'the report' : `the ${f.lostNames.length} reports`} ${where.en} (${names.en}).`;
    } else {
      zh += `它已包含其他数据权限能看到的全部数据，${f.name} ${who['zh-CN']}。`;
      en += `which already covers what the others give: ${f.name} ${who.en}.`;
    }
  }
  if (f.beyond > 0) {
    const what = f.effective === 2 ? text('名下属', 'reports') : text('名下属部门成员', 'members of sub-departments');
    zh += ` 另有 ${f.beyond} ${what['zh-CN']}在 ${f.depth} 层以下，服务器不再递归，看不到。`;
    en += ` Another ${f.beyond} ${what.en} sit more than ${f.depth} levels down, where the server stops looking, so they stay invisible.`;
  }
  return text(zh, en);
}
