/** Lookups several endpoint groups share (reference §4.3, §7). */
import { ROLE_ADMIN_MENU_ID, SUPER_ROLE_ID, SUPER_USER_ID } from './referenceData';
import type { Db } from './schema';

/** `Const.AUTH_DATA_RECURSION_NUM`: tree walks stop after 20 levels (§2, §7.2). */
const RECURSION_LIMIT = 20;

export function userRoleIds(db: Db, userId: number): number[] {
  return db
    .prepare<[number], { role_id: number }>('SELECT role_id FROM wk_admin_user_role WHERE user_id = ? ORDER BY id')
    .all(userId)
    .map((r) => r.role_id);
}

/** `UserUtil.isAdmin()`: user 14773 or the (token-frozen) roles contain 180162 (§4.1). */
export function isSuperAdmin(userId: number, roles: readonly number[]): boolean {
  return userId === SUPER_USER_ID || roles.includes(SUPER_ROLE_ID);
}

function walk(db: Db, sql: string, start: number): number[] {
  const children = db.prepare<[number], { id: number }>(sql);
  const found: number[] = [];
  let level = [start];
  for (let depth = 0; depth < RECURSION_LIMIT && level.length > 0; depth++) {
    level = level.flatMap((id) => children.all(id).map((r) => r.id)).filter((id) => !found.includes(id) && id !== start);
    found.push(...level);
  }
  return found;
}

/** All descendant departments (not the department itself), via `pid`. */
export function childDeptIds(db: Db, deptId: number): number[] {
  return walk(db, 'SELECT dept_id AS id FROM wk_admin_dept WHERE pid = ?', deptId);
}

/** All transitive subordinates, via `wk_admin_user.parent_id` (`queryChildUserId`). */
export function childUserIds(db: Db, userId: number): number[] {
  return walk(db, 'SELECT user_id AS id FROM wk_admin_user WHERE parent_id = ?', userId);
}

/**
 * Roles the caller may assign (`AdminRoleAuthServiceImpl`, §4.3): `null` = all (super admin, or one of the
 * caller's token roles grants menu 175); otherwise the `auth_role_id`s configured for the caller's roles.
 */
export function assignableRoleIds(db: Db, callerId: number, callerRoles: readonly number[]): Set<number> | null {
  if (isSuperAdmin(callerId, callerRoles)) return null;
  if (callerRoles.length === 0) return new Set();
  const marks = callerRoles.map(() => '?').join(',');
  const managesRoles = db.prepare(`SELECT 1 FROM wk_admin_role_menu WHERE menu_id = ? AND role_id IN (${marks}) LIMIT 1`).get(ROLE_ADMIN_MENU_ID, ...callerRoles);
  if (managesRoles) return null;
  const rows = db.prepare<number[], { auth_role_id: number }>(`SELECT auth_role_id FROM wk_admin_role_auth WHERE role_id IN (${marks})`).all(...callerRoles);
  return new Set(rows.map((r) => r.auth_role_id));
}

export function roleExists(db: Db, roleId: number): boolean {
  return db.prepare('SELECT 1 FROM wk_admin_role WHERE role_id = ?').get(roleId) !== undefined;
}
