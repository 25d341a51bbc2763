import { WUKONG_SUPER_ROLE_ID } from './constants';

/**
 * Who is super admin on WukongCRM 11 — the one place that says it. The server has two different answers and
 * uses each in its own place; Gatehouse follows both where the server does:
 *
 * 1. `UserUtil.isAdmin()` = `userId == 14773 || roles.contains(180162)`, both hard-coded (`core/utils/UserUtil.java`
 *    `getSuperUser`/`getSuperRole`; `core/entity/UserInfo.java` getters return the constants whatever was set).
 *    It decides data scope and who-can-see (`AdminRoleServiceImpl#queryUserByAuth` returns every user), the menu
 *    tree (`AdminMenuServiceImpl#queryMenuList` returns every menu) and field masking
 *    (`CrmRoleFieldServiceImpl#replaceMaskFieldValue` skips super admins). Reference §4.1, §6, §7.2.
 * 2. The gateway's forbidden-URL list (`AdminRoleServiceImpl#queryNoAuthMenu`) is empty for user 14773 and for the
 *    holders of the role found by `remark = 'admin' limit 1` — a role picked by its remark, not by id (§1.2, §4.1).
 *
 * On a stock server both name role 180162. They part when that role's remark is changed or another role is
 * given the remark `admin` (`/adminRole/update` writes any non-null field, §4.2).
 *
 * The user half is data: `snapshot.superUserIds` holds the ids the server hard-codes (the connector lists 14773
 * when it exists). The role half is WukongCRM's constant, because no snapshot carries it.
 */

/** The remark that marks the super-admin role for the gateway and for WukongCRM's own role screens. */
export const ADMIN_REMARK = 'admin';
/** The remark of the built-in project-admin role (the role screens lock it too). */
export const PROJECT_REMARK = 'project';

interface RoleLike {
  readonly id: string;
  readonly remark: string | null;
}

/** Holding this role makes a user super admin for data scope, who-can-see, menus and masks (`UserUtil.isAdmin`). */
export function isSuperAdminRole(roleId: string): boolean {
  return roleId === WUKONG_SUPER_ROLE_ID;
}

/** `UserUtil.isAdmin()`: a hard-coded super user, or a holder of role 180162. */
export function isSuperAdmin(userId: string, roleIds: readonly string[], superUserIds: ReadonlySet<string> | readonly string[]): boolean {
  return isHardCodedSuperUser(userId, superUserIds) || roleIds.some(isSuperAdminRole);
}

/**
 * The user id alone (14773): `setUserStatus` refuses to disable only this user (1116), and the CRM's single-record
 * check (`CrmAuthAspect`) skips only this user — not the holders of role 180162.
 */
export function isHardCodedSuperUser(userId: string, superUserIds: ReadonlySet<string> | readonly string[]): boolean {
  return 'has' in superUserIds ? superUserIds.has(userId) : superUserIds.includes(userId);
}

/** Whether the role carries the `admin` remark (the marker the gateway looks up, and WukongCRM's UI locks). */
export function hasAdminRemark(role: { readonly remark: string | null }): boolean {
  return role.remark === ADMIN_REMARK;
}

/** WukongCRM's role screens hide edit, copy, delete and the permission tab for these (`roleAuth/index.vue#showRuleSet`). */
export function isProtectedRole(role: { readonly remark: string | null }): boolean {
  return role.remark === ADMIN_REMARK || role.remark === PROJECT_REMARK;
}

/**
 * The role `queryNoAuthMenu` finds with `remark = 'admin' limit 1`. A bare `limit 1` on InnoDB reads the primary
 * key in order, so with several such roles the lowest id is taken; with none the server throws (code 500) and
 * only user 14773 passes — null here.
 */
export function gatewayAdminRoleId(roles: readonly RoleLike[]): string | null {
  let best: string | null = null;
  for (const role of roles) {
    if (!hasAdminRemark(role)) continue;
    if (best === null || compareNumericIds(role.id, best) < 0) best = role.id;
  }
  return best;
}

/** `queryNoAuthMenu` returns an empty list (every URL allowed at the gateway) for these users. */
export function bypassesGateway(
  userId: string, roleIds: readonly string[], superUserIds: ReadonlySet<string> | readonly string[], gatewayRoleId: string | null,
): boolean {
  return isHardCodedSuperUser(userId, superUserIds) || (gatewayRoleId !== null && roleIds.includes(gatewayRoleId));
}

/** Numeric ids (WukongCRM's) by value, others by code point. */
function compareNumericIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b) && a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
