import type { DataScope, LocalizedText } from '../domain';
import type { CompiledPolicy, ScopeValue } from './compiledPolicy';
import { isKnownDataType } from './dataType';
import { isSuperUserId } from './editionRules';
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
  /**
   * Grants the permission with the scope the server ends up using: Java, the largest raw data type; PHP, the type
   * met last in the user's role order (editionRules.ts), or 5.
   */
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
  /** Owners a union of the granting scopes would show but the winning scope does not (e.g. 2 + 3). */
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
    ? (isSuperUserId(policy.rules, userId, snapshot.superUserIds) ? 'user' : 'role')
    : null;
  const lastListed = policy.rules.scopeAcrossRoles === 'lastListed';

  const roles: RoleExplanation[] = [];
  let bits = 0;
  const userRoles = rolesOfUser(policy, u);
  const granting = Array.from(userRoles).filter((r) => roleGrants(policy, r, p));
  // The raw value that decides: Java, the largest raw dataType (`ORDER BY data_type desc limit 1`), not the largest
  // scope; PHP, 5 if any, else the type met last in the user's order (null: only types the server does not know).
  const decided = lastListed ? lastListedType(granting.map((r) => snapshot.roles[r]!.dataScope)) : Math.max(-Infinity, ...granting.map((r) => snapshot.roles[r]!.dataScope));
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
      wins: superAdmin === null ? grants && (decided === null || role.dataScope === decided) : policy.roleSuper[r] === 1,
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
  // PHP: scope 2 read as everyone because the user holds a role of `types` 1 (getSubUserId).
  const everyoneBy = superAdmin === null && lastListed && decided === 2 && effective === 5
    ? Array.from(userRoles).filter((r) => policy.roleReportsEveryone[r]).map((r) => snapshot.roles[r]!.name) : [];

  const lostIds = lost.map((o) => policy.userIds[o]!);
  const winners = roles.filter((r) => r.wins && r.grants).map((r) => r.roleName);
  const consequence = describe({
    name: user.name,
    permission: { 'zh-CN': `「${permission.label['zh-CN']}」(${permission.key})`, en: `"${permission.label.en}" (${permission.key})` },
    superAdmin,
    lastListed,
    effective,
    granted: everyoneBy.length > 0 ? 2 : effective,
    grantingScopes,
    winners,
    everyoneBy,
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

/**
 * The type `getUserByPer` ends with for these raw types in the user's role order (editionRules.ts `lastListed`):
 * 5 if any; else repeats dropped keeping the first (`array_unique`) and the last of the rest that is 1..4; null
 * when none is.
 */
export function lastListedType(types: readonly number[]): number | null {
  if (types.includes(5)) return 5;
  const seen = new Set<number>();
  let last: number | null = null;
  for (const t of types) {
    if (seen.has(t)) continue;
    seen.add(t);
    if (t === 1 || t === 2 || t === 3 || t === 4) last = t;
  }
  return last;
}

interface Facts {
  name: string;
  permission: LocalizedText;
  superAdmin: 'user' | 'role' | null;
  /** The PHP rule: the scope of the role met last in the user's order (editionRules.ts). */
  lastListed: boolean;
  effective: ScopeValue;
  /** The scope the winning roles give, before PHP reads a 2 as everyone for holders of a role of `types` 1. */
  granted: ScopeValue;
  grantingScopes: readonly DataScope[];
  winners: readonly string[];
  /** PHP: the roles of `types` 1 that make scope 2 read as everyone. */
  everyoneBy: readonly string[];
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
  const who = f.visible === 1
    ? text('只能看到本人的数据', 'sees only their own records')
    : text(`可以看到 ${f.visible} 人的数据`, `sees the records of ${f.visible} people`);
  if (f.lastListed) return describeLastListed(f, who);
  const label = scopeLabel(f.effective);
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

/** The PHP edition's words (editionRules.ts `lastListed`): the role met last in the person's order decides. */
function describeLastListed(f: Facts, who: LocalizedText): LocalizedText {
  const label = scopeLabel(f.granted);
  const everyone = f.everyoneBy.length > 0;
  // When a role of `types` 1 turns 2 into everyone, what the person sees is said once, after that.
  const seen = everyone ? text('', '') : text(`${f.name} ${who['zh-CN']}`, `${f.name} ${who.en}`);
  const list = f.grantingScopes.join(' 与 ');
  const listEn = `${f.grantingScopes.slice(0, -1).join(', ')} and ${f.grantingScopes[f.grantingScopes.length - 1]}`;
  let zh: string;
  let en: string;
  if (f.unknownDataType) {
    const { role, raw } = f.unknownDataType;
    zh = `角色 ${role} 的数据权限值为 ${raw}，悟空CRM PHP 版不认识它（getUserByPer 只认 1 到 5），这里按「本人」显示：${f.name} ${who['zh-CN']}。`;
    en = `${role} carries data type ${raw}, which the PHP edition does not know (getUserByPer reads only 1 to 5); shown here as self: ${f.name} ${who.en}.`;
  } else if (f.grantingScopes.length === 1) {
    zh = `角色 ${f.winners.join('、')} 以数据权限 ${label['zh-CN']} 授予 ${f.permission['zh-CN']}${everyone ? '。' : `：${seen['zh-CN']}。`}`;
    en = `${f.winners.join(', ')} grants ${f.permission.en} with scope ${label.en}${everyone ? '.' : `: ${seen.en}.`}`;
  } else if (f.granted === 5) {
    zh = `数据权限 ${list}：其中有「全部」，悟空CRM PHP 版不论角色顺序都取全部：${f.name} ${who['zh-CN']}。`;
    en = `Scopes ${listEn}: one of them is 5 (everyone), which the PHP edition takes whatever the order of the roles: ${f.name} ${who.en}.`;
  } else {
    zh = `数据权限 ${list}：悟空CRM PHP 版取 ${f.name} 的角色中排在最后的那个的数据权限（不是最大值，也不是并集），即 ${f.winners.join('、')} 的 ${label['zh-CN']}，`;
    en = `Scopes ${listEn}: the PHP edition takes the scope of the role listed last among ${f.name}'s roles (not the widest, not the union), ${f.winners.join(', ')} with ${label.en}, so `;
    if (f.lostNames.length > 0) {
      const names = nameList(f.lostNames);
      zh += `因此 ${f.name} 看不到其他角色本可看到的 ${f.lostNames.length} 人（${names['zh-CN']}）。`;
      en += `${f.name} does not see the records of ${f.lostNames.length === 1 ? 'the one person' : `the ${f.lostNames.length} people`} the other roles would show (${names.en}).`;
    } else {
      zh = everyone ? `${zh.slice(0, -1)}。` : `${zh}它已包含其他数据权限能看到的全部数据，${seen['zh-CN']}。`;
      en += everyone ? 'nothing is lost.' : `which already covers what the others give: ${seen.en}.`;
    }
  }
  if (everyone) {
    const roles = f.everyoneBy.map((r) => `「${r}」`).join('、');
    zh += ` ${f.name} 还持有超级管理员类型的角色 ${roles}，服务器把「本人及下属」读作「全部」（getSubUserId）：${f.name} ${who['zh-CN']}。`;
    en += ` ${f.name} also holds ${f.everyoneBy.map((r) => `"${r}"`).join(', ')}, a role of the super-admin type (types 1), so the server reads self + reports as everyone (getSubUserId): ${f.name} ${who.en}.`;
  }
  return text(zh, en);
}
