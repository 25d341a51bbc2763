/**
 * Role ↔ user assignment from the role side (`AdminRoleServiceImpl.java`, line numbers at 1fa4ec2f,
 * reference §4.2, §4.3): `relatedUser` adds, `relatedDeptUser` replaces, `unbindingUser` removes one pair;
 * role ids the caller may not assign are dropped silently. Also `updateAuthRole` / `queryAuthRole`.
 */
import { z } from 'zod';
import { formInt, formParams, jsonBody, pathInt } from '../body';
import { saveBatch, type Entity } from '../db/mybatisPlus';
import type { Db } from '../db/schema';
import { Code, fault, WukongError } from '../envelope';
import { jBean, jInt, jList, jLong } from '../jackson';
import type { Route } from '../route';
import { keepAssignable } from './userRoles';

/** `entity/BO/AdminRoleBO.java`. */
const adminRoleBO = jBean({ userIds: jList(jLong), deptIds: jList(jInt), roleIds: jList(jInt) });
const unbindingForm = z.object({ userId: formInt, roleId: formInt });

/** `roleIds.stream().distinct()`: first occurrences, in order. */
const distinct = <T>(values: T[]): T[] => [...new Set(values)];

function count(db: Db, sql: string, ...args: (number | null)[]): number {
  return (db.prepare(sql).get(...args) as { n: number }).n;
}

/**
 * `#relatedUser` (:467, not @Transactional). Empty or missing roleIds → 1136 (:478). A restricted caller
 * whose roleIds are all filtered out gets 0 and nothing happens (:473). `for (Long userId : userIds)`
 * (:481): userIds missing or null → NPE → 500; `[]` → 0, nothing written. The "pair exists" count (:483)
 * runs against the table before anything is inserted, so a user id listed twice gets its new roles twice.
 * The rows go in one `saveBatch` (its own transaction through the other service's proxy): all or none.
 */
function relatedUser(db: Db, input: z.infer<typeof adminRoleBO>, keep: (ids: (number | null)[]) => (number | null)[]): null {
  if (!input.roleIds?.length) throw new WukongError(Code.roleRequired);
  const roleIds = keep(distinct(input.roleIds));
  if (roleIds.length === 0) return null;
  const userIds = input.userIds ?? fault('NullPointerException: for (Long userId : userIds) (AdminRoleServiceImpl#relatedUser)');
  const rows: Entity[] = [];
  for (const userId of userIds) {
    for (const roleId of roleIds) {
      if (count(db, 'SELECT count(*) AS n FROM wk_admin_user_role WHERE role_id = ? AND user_id = ?', roleId, userId) === 0) rows.push({ user_id: userId, role_id: roleId });
    }
  }
  saveBatch(db, 'wk_admin_user_role', rows);
  return null;
}

/**
 * `#relatedDeptUser` (:497, @Transactional). The users listed plus every user row of the listed
 * departments (exact departments, deleted users included: `queryUserByDeptIds` has no is_del filter)
 * lose all their roles, then get the distinct roleIds — of which a restricted caller keeps only the
 * assignable ones (:522), so users can end up with fewer roles or none. Empty roleIds → 1136 (:510).
 */
function relatedDeptUser(db: Db, input: z.infer<typeof adminRoleBO>, keep: (ids: (number | null)[]) => (number | null)[]): null {
  const users = new Set<number | null>(input.userIds ?? []);
  const inDept = db.prepare<[number | null], { user_id: number }>('SELECT user_id FROM wk_admin_user WHERE dept_id = ?');
  for (const deptId of input.deptIds ?? []) for (const r of inDept.all(deptId)) users.add(r.user_id);
  if (!input.roleIds?.length) throw new WukongError(Code.roleRequired);
  const roleIds = distinct(input.roleIds);
  db.transaction(() => {
    const rows: Entity[] = [];
    for (const userId of users) {
      db.prepare('DELETE FROM wk_admin_user_role WHERE user_id = ?').run(userId);
      for (const roleId of roleIds) rows.push({ user_id: userId, role_id: roleId });
    }
    const allowed = new Set(keep(roleIds));
    saveBatch(db, 'wk_admin_user_role', rows.filter((r) => allowed.has(r.role_id as number | null)));
  })();
  return null;
}

export const roleUserRoutes: Route[] = [
  {
    path: '/adminRole/relatedUser',
    handle: ({ db, session, body }) => relatedUser(db, jsonBody(body, adminRoleBO), (ids) => keepAssignable(db, session, ids)),
  },
  {
    path: '/adminRole/relatedDeptUser',
    handle: ({ db, session, body }) => relatedDeptUser(db, jsonBody(body, adminRoleBO), (ids) => keepAssignable(db, session, ids)),
  },
  {
    // `#unbindingUser` (:537, form `userId`, `roleId`): 1133 when the user holds no role *other than*
    // roleId (:539) — so removing a role the user does not hold is fine as long as it holds another, and a
    // user holding only this role (even twice) is refused. Then every (user, role) row is deleted.
    path: '/adminRole/unbindingUser',
    handle({ db, body }) {
      const { userId, roleId } = formParams(body, unbindingForm);
      if (count(db, 'SELECT count(*) AS n FROM wk_admin_user_role WHERE user_id = ? AND role_id != ?', userId, roleId) === 0) throw new WukongError(Code.lastRole);
      db.prepare('DELETE FROM wk_admin_user_role WHERE user_id = ? AND role_id = ?').run(userId, roleId);
      return null;
    },
  },
  {
    // `AdminRoleAuthServiceImpl#saveRoleAuth`: delete the role's rows, insert one per id (menu 935).
    path: '/adminRole/updateAuthRole/{roleId}',
    handle({ db, params, body }) {
      const roleId = pathInt(params.roleId, 'roleId');
      const authRoleIds = jsonBody(body, jList(jInt)) ?? fault('NullPointerException: authRoleIds.stream()');
      db.transaction(() => {
        db.prepare('DELETE FROM wk_admin_role_auth WHERE role_id = ?').run(roleId);
        saveBatch(db, 'wk_admin_role_auth', authRoleIds.map((id) => ({ role_id: roleId, menu_id: 935, auth_role_id: id })));
      })();
      return null;
    },
  },
  {
    path: '/adminRole/queryAuthRole/{roleId}',
    handle: ({ db, params }) =>
      db
        .prepare<[number], { auth_role_id: number }>('SELECT auth_role_id FROM wk_admin_role_auth WHERE role_id = ? ORDER BY id')
        .all(pathInt(params.roleId, 'roleId'))
        .map((r) => r.auth_role_id),
  },
];
