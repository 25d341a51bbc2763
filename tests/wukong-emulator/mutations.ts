/**
 * Changes "another administrator" makes directly on the server, for out-of-band and concurrency tests:
 * applied straight to the tables, exactly as the server's own writes would leave them, and never logged
 * as calls of the client under test.
 */
import { z } from 'zod';
import type { Db } from './db/schema';

const id = z.number().int();
export const mutationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('grantMenus'), roleId: id, menuIds: z.array(id) }),
  z.object({ type: z.literal('revokeMenus'), roleId: id, menuIds: z.array(id) }),
  z.object({ type: z.literal('renameRole'), roleId: id, roleName: z.string().min(1) }),
  z.object({ type: z.literal('setDataType'), roleId: id, dataType: z.number().int().min(1).max(5) }),
  z.object({ type: z.literal('addRole'), roleName: z.string().min(1), roleType: id, menuIds: z.array(id).default([]) }),
  z.object({ type: z.literal('deleteRole'), roleId: id }),
  z.object({ type: z.literal('assignRole'), userId: id, roleId: id }),
  z.object({ type: z.literal('unassignRole'), userId: id, roleId: id }),
  z.object({ type: z.literal('setUserStatus'), userId: id, status: z.number().int().min(0).max(2) }),
  z.object({ type: z.literal('moveUser'), userId: id, deptId: id }),
  z.object({ type: z.literal('renameDept'), deptId: id, name: z.string().min(1) }),
  z.object({ type: z.literal('setAuthRoles'), roleId: id, authRoleIds: z.array(id) }),
]);
export type Mutation = z.infer<typeof mutationSchema>;
/** What `addRole` etc. accept before defaults are applied. */
export type MutationInput = z.input<typeof mutationSchema>;

export function applyMutation(db: Db, input: MutationInput): void {
  const m = mutationSchema.parse(input);
  const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);
  const grant = (roleId: number | bigint, menuIds: number[]) => {
    for (const menuId of menuIds) {
      if (!db.prepare('SELECT 1 FROM wk_admin_role_menu WHERE role_id = ? AND menu_id = ?').get(roleId, menuId)) {
        run('INSERT INTO wk_admin_role_menu (role_id, menu_id) VALUES (?, ?)', roleId, menuId);
      }
    }
  };
  db.transaction(() => {
    switch (m.type) {
      case 'grantMenus':
        return grant(m.roleId, m.menuIds);
      case 'revokeMenus':
        for (const menuId of m.menuIds) run('DELETE FROM wk_admin_role_menu WHERE role_id = ? AND menu_id = ?', m.roleId, menuId);
        return;
      case 'renameRole':
        return void run('UPDATE wk_admin_role SET role_name = ? WHERE role_id = ?', m.roleName, m.roleId);
      case 'setDataType':
        return void run('UPDATE wk_admin_role SET data_type = ? WHERE role_id = ?', m.dataType, m.roleId);
      case 'addRole': {
        const { lastInsertRowid } = run('INSERT INTO wk_admin_role (role_name, role_type, status) VALUES (?, ?, 1)', m.roleName, m.roleType);
        return grant(lastInsertRowid, m.menuIds);
      }
      case 'deleteRole':
        run('DELETE FROM wk_admin_role WHERE role_id = ?', m.roleId);
        run('DELETE FROM wk_admin_user_role WHERE role_id = ?', m.roleId);
        return void run('DELETE FROM wk_admin_role_menu WHERE role_id = ?', m.roleId);
      case 'assignRole':
        if (!db.prepare('SELECT 1 FROM wk_admin_user_role WHERE user_id = ? AND role_id = ?').get(m.userId, m.roleId)) {
          run('INSERT INTO wk_admin_user_role (user_id, role_id) VALUES (?, ?)', m.userId, m.roleId);
        }
        return;
      case 'unassignRole':
        return void run('DELETE FROM wk_admin_user_role WHERE user_id = ? AND role_id = ?', m.userId, m.roleId);
      case 'setUserStatus':
        return void run('UPDATE wk_admin_user SET status = ? WHERE user_id = ?', m.status, m.userId);
      case 'moveUser':
        return void run('UPDATE wk_admin_user SET dept_id = ? WHERE user_id = ?', m.deptId, m.userId);
      case 'renameDept':
        return void run('UPDATE wk_admin_dept SET name = ? WHERE dept_id = ?', m.name, m.deptId);
      case 'setAuthRoles':
        run('DELETE FROM wk_admin_role_auth WHERE role_id = ?', m.roleId);
        for (const authRoleId of m.authRoleIds) run('INSERT INTO wk_admin_role_auth (role_id, menu_id, auth_role_id) VALUES (?, 935, ?)', m.roleId, authRoleId);
        return;
    }
  })();
}
