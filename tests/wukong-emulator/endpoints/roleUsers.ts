/**
 * Role ↔ user assignment from the role side (reference §4.2, §4.3): `relatedUser` adds, `relatedDeptUser`
 * replaces, `unbindingUser` removes one pair; role ids the caller may not assign are dropped silently.
 * Also `updateAuthRole` / `queryAuthRole`, which configure that assignable set.
 */
import { z } from 'zod';
import { formInt, formParams, jsonBody } from '../body';
import { userRoleIds } from '../db/queries';
import { Code, WukongError } from '../envelope';
import type { Route } from '../route';
import { keepAssignable, replaceUserRoles } from './users';

const relatedUserSchema = z.object({ userIds: z.array(z.number().int()).nullish(), roleIds: z.array(z.number().int()).nullish() });
const relatedDeptUserSchema = relatedUserSchema.extend({ deptIds: z.array(z.number().int()).nullish() });
const unbindingSchema = z.object({ userId: formInt, roleId: formInt });

export const roleUserRoutes: Route[] = [
  {
    path: '/adminRole/relatedUser',
    handle({ db, session, body }) {
      const input = jsonBody(body, relatedUserSchema);
      if (!input.roleIds?.length) throw new WukongError(Code.roleRequired);
      const roleIds = keepAssignable(db, session, input.roleIds);
      const insert = db.prepare('INSERT INTO wk_admin_user_role (user_id, role_id) VALUES (?, ?)');
      db.transaction(() => {
        for (const userId of input.userIds ?? []) {
          const held = new Set(userRoleIds(db, userId));
          for (const roleId of roleIds) if (!held.has(roleId)) insert.run(userId, roleId);
        }
      })();
      return null;
    },
  },
  {
    // Every user listed or in a listed department (exact departments only) loses all roles, then gets the
    // assignable part of `roleIds`: with a restricted caller this can leave users with fewer roles.
    path: '/adminRole/relatedDeptUser',
    handle({ db, session, body }) {
      const input = jsonBody(body, relatedDeptUserSchema);
      if (!input.roleIds?.length) throw new WukongError(Code.roleRequired);
      const roleIds = keepAssignable(db, session, input.roleIds);
      const users = new Set(input.userIds ?? []);
      const inDept = db.prepare<[number], { user_id: number }>('SELECT user_id FROM wk_admin_user WHERE dept_id = ?');
      for (const deptId of input.deptIds ?? []) for (const r of inDept.all(deptId)) users.add(r.user_id);
      db.transaction(() => {
        for (const userId of users) replaceUserRoles(db, userId, roleIds);
      })();
      return null;
    },
  },
  {
    // 1133 when the user would be left without a role (the count is taken before anything is removed).
    path: '/adminRole/unbindingUser',
    handle({ db, body }) {
      const { userId, roleId } = formParams(body, unbindingSchema);
      if (userRoleIds(db, userId).length <= 1) throw new WukongError(Code.lastRole);
      db.prepare('DELETE FROM wk_admin_user_role WHERE user_id = ? AND role_id = ?').run(userId, roleId);
      return null;
    },
  },
  {
    path: '/adminRole/updateAuthRole/{roleId}',
    handle({ db, params, body }) {
      const roleId = Number(params.roleId);
      const authRoleIds = jsonBody(body, z.array(z.number().int()));
      db.transaction(() => {
        db.prepare('DELETE FROM wk_admin_role_auth WHERE role_id = ?').run(roleId);
        const insert = db.prepare('INSERT INTO wk_admin_role_auth (role_id, menu_id, auth_role_id) VALUES (?, 935, ?)');
        for (const authRoleId of authRoleIds) insert.run(roleId, authRoleId);
      })();
      return null;
    },
  },
  {
    path: '/adminRole/queryAuthRole/{roleId}',
    handle: ({ db, params }) =>
      db
        .prepare<[number], { auth_role_id: number }>('SELECT auth_role_id FROM wk_admin_role_auth WHERE role_id = ? ORDER BY id')
        .all(Number(params.roleId))
        .map((r) => r.auth_role_id),
  },
];
