import type { CompiledPolicy, ScopeValue } from './compiledPolicy';

/** Thrown when a question names a user or permission the compiled snapshot does not know. */
export class UnknownIdError extends Error {
  readonly code = 'POLICY_UNKNOWN_ID';
  constructor(readonly kind: 'user' | 'permission' | 'role' | 'department', readonly id: string) {
    super(`unknown ${kind} ${id}`);
  }
}

export function userNumber(policy: CompiledPolicy, userId: string): number {
  const u = policy.userIndex.get(userId);
  if (u === undefined) throw new UnknownIdError('user', userId);
  return u;
}

export function permissionNumber(policy: CompiledPolicy, permissionId: string): number {
  const p = policy.permIndex.get(permissionId);
  if (p === undefined) throw new UnknownIdError('permission', permissionId);
  return p;
}

/** Effective scope by numbers: one lookup in the user's profile row. */
export function scopeOf(policy: CompiledPolicy, user: number, perm: number): ScopeValue {
  return policy.profileScopes[policy.userProfile[user]! * policy.permCount + perm]! as ScopeValue;
}

/**
 * Effective data scope of (user, permission), exactly as WukongCRM computes it (reference §7.1): on Java the
 * largest dataType among the user's roles granting that exact permission id — not a union — read by
 * `DataAuthEnum.valueOf` (dataType.ts); on PHP the type met last in the user's role order (editionRules.ts);
 * 5 for the super admin (wukong/superAdmin.ts, editionRules.ts); 0 when no role grants it (the server would default the scope to 1, but the gateway and
 * the UI deny the action itself, so the user does not hold it at all). Role status is not enforced.
 */
export function effectiveScope(policy: CompiledPolicy, userId: string, permissionId: string): ScopeValue {
  return scopeOf(policy, userNumber(policy, userId), permissionNumber(policy, permissionId));
}

/** Whether the user holds the permission at all (any role grants it, or super admin). */
export function holds(policy: CompiledPolicy, userId: string, permissionId: string): boolean {
  return effectiveScope(policy, userId, permissionId) > 0;
}

/** Every role of the user with the scope it carries, in the user's order (roles numbers). */
export function rolesOfUser(policy: CompiledPolicy, user: number): Int32Array {
  return policy.userRoles.subarray(policy.userRoleStart[user]!, policy.userRoleStart[user + 1]!);
}

export function roleGrants(policy: CompiledPolicy, role: number, perm: number): boolean {
  const list = policy.rolePerms;
  for (let i = policy.rolePermStart[role]!; i < policy.rolePermStart[role + 1]!; i++) if (list[i] === perm) return true;
  return false;
}

/**
 * Whether the gateway lets the user call the permission's URLs (reference §1.2): everyone passes for the menus a
 * role grants them; `queryNoAuthMenu` lets everything through for user 14773 and for holders of the role with
 * remark `admin`, and `queryMenuList` hands the super admin of `UserUtil.isAdmin` every menu. A holder of a
 * remark-`admin` role that is not 180162 thus passes the gateway everywhere, yet is scoped like anyone else.
 */
export function passesGateway(policy: CompiledPolicy, userId: string, permissionId: string): boolean {
  const u = userNumber(policy, userId);
  return policy.userGatewayAdmin[u] === 1 || scopeOf(policy, u, permissionNumber(policy, permissionId)) > 0;
}
