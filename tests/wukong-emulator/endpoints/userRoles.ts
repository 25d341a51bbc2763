/**
 * Writing a user's roles from the user side (`AdminUserRoleServiceImpl#saveByUserId`, used by setUser and
 * addUser) and the caller's assignable-role filter every role-assigning write applies (reference §4.3).
 */
import { assignableRoleIds } from '../db/queries';
import { saveBatch } from '../db/mybatisPlus';
import type { Db } from '../db/schema';
import { fault } from '../envelope';
import type { Session } from '../session';

/** Role ids the caller may assign, the others dropped without a word (`AdminRoleAuthServiceImpl`, §4.3). */
export function keepAssignable<T extends number | null>(db: Db, session: Session, roleIds: T[]): T[] {
  const allowed = assignableRoleIds(db, session.userId, session.roles);
  return allowed === null ? roleIds : roleIds.filter((id) => id !== null && allowed.has(id));
}

/**
 * `StrUtil.splitTrim(roleId, ",")` (hutool 5.3.1 `StrUtil#split` → `StrSpliter#split`): null or "" → no
 * element; every part trimmed, empty parts dropped. So `roleId` null / "" / ", ," means "no role".
 */
export function splitTrim(csv: string | null): string[] {
  if (csv === null || csv === '') return [];
  return csv
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** `Integer.valueOf(s)`: optional sign and decimal digits within int range, otherwise NumberFormatException. */
function integerValueOf(s: string): number {
  const n = /^[+-]?\d+$/.test(s) ? Number(s) : NaN;
  if (!Number.isInteger(n) || Math.abs(n) > 2_147_483_647) fault(`NumberFormatException: For input string: "${s}" (AdminUserRoleServiceImpl#saveByUserId)`);
  return n;
}

/**
 * `#saveByUserId` (admin/.../AdminUserRoleServiceImpl.java:41, @Transactional, joins the caller's
 * transaction): with `isRemove` every role of the user is deleted first; each part is `Integer.valueOf`'d
 * (:49 — "abc" fails the whole call); the ids the caller may not assign are dropped; the rest inserted
 * with `saveBatch` (no de-duplication, no check that the role or the user exists).
 */
export function saveByUserId(db: Db, session: Session, userId: number | null, isRemove: boolean, roleIds: string[]): void {
  if (isRemove) db.prepare('DELETE FROM wk_admin_user_role WHERE user_id = ?').run(userId);
  const ids = keepAssignable(db, session, roleIds.map(integerValueOf));
  saveBatch(db, 'wk_admin_user_role', ids.map((roleId) => ({ user_id: userId, role_id: roleId })));
}
