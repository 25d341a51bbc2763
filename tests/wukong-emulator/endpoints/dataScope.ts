/** Effective data scope (`AdminRoleMapper.xml#queryDataType`, `AdminRoleServiceImpl#queryUserByAuth`, reference §7). */
import { z } from 'zod';
import { formInt, formParams } from '../body';
import { childDeptIds, childUserIds, isSuperAdmin } from '../db/queries';
import type { Db } from '../db/schema';
import type { Route } from '../route';

const userMenuForm = z.object({ userId: formInt, menuId: formInt });

/** The largest `data_type` among the user's roles that grant the menu (max of the integer, not a union); 1 if none. */
export function effectiveDataType(db: Db, userId: number, menuId: number): number {
  const row = db
    .prepare<[number, number], { data_type: number }>(
      `SELECT a.data_type FROM wk_admin_role a
         JOIN wk_admin_user_role b ON a.role_id = b.role_id AND b.user_id = ?
         JOIN wk_admin_role_menu c ON a.role_id = c.role_id AND c.menu_id = ?
        ORDER BY a.data_type DESC LIMIT 1`,
    )
    .get(userId, menuId);
  return row?.data_type ?? 1;
}

function usersOfDepts(db: Db, deptIds: number[]): number[] {
  if (deptIds.length === 0) return [];
  return db
    .prepare<number[], { user_id: number }>(`SELECT user_id FROM wk_admin_user WHERE dept_id IN (${deptIds.map(() => '?').join(',')})`)
    .all(...deptIds)
    .map((r) => r.user_id);
}

export const dataScopeRoutes: Route[] = [
  {
    // A pure lookup: works for any userId.
    path: '/adminRole/queryDataType',
    handle({ db, body }) {
      const { userId, menuId } = formParams(body, userMenuForm);
      return effectiveDataType(db, userId, menuId);
    },
  },
  {
    // A super-admin *caller* gets every user id, whatever `userId` asks about (§7.2).
    path: '/adminRole/queryUserByAuth',
    handle({ db, session, body }) {
      const { userId, menuId } = formParams(body, userMenuForm);
      const everyone = () => db.prepare<[], { user_id: number }>('SELECT user_id FROM wk_admin_user ORDER BY user_id').all().map((r) => r.user_id);
      if (isSuperAdmin(session.userId, session.roles)) return everyone();
      const ids = new Set([userId]);
      const dept = db.prepare<[number], { dept_id: number | null }>('SELECT dept_id FROM wk_admin_user WHERE user_id = ?').get(userId)?.dept_id ?? null;
      switch (effectiveDataType(db, userId, menuId)) {
        case 2:
          for (const id of childUserIds(db, userId)) ids.add(id);
          break;
        case 3:
          if (dept !== null) for (const id of usersOfDepts(db, [dept])) ids.add(id);
          break;
        case 4:
          if (dept !== null) for (const id of usersOfDepts(db, [dept, ...childDeptIds(db, dept)])) ids.add(id);
          break;
        case 5:
          for (const id of everyone()) ids.add(id);
          break;
      }
      return [...ids];
    },
  },
];
