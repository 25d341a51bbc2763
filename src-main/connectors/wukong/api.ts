import type { Endpoint } from './session';
import {
  deptListSchema,
  menuTreeSchema,
  roleFieldListSchema,
  roleGroupListSchema,
  roleListSchema,
  userPageSchema,
  writeResultSchema,
  type WukongRoleField,
} from './schemas';

/**
 * The WukongCRM 11 endpoints the connector uses, each with the body kind its controller binds (JSON for
 * `@RequestBody`, form for `@RequestParam`, reference §0) and the schema of its answer.
 */
const json = (value: unknown) => ({ kind: 'json' as const, value });
const form = (value: Record<string, string | number>) => ({ kind: 'form' as const, value });
const none = { kind: 'none' as const };
const write = (path: string, body: Endpoint<unknown>['body']): Endpoint<unknown> => ({ path, body, data: writeResultSchema });

export const wukongEndpoints = {
  // ---- reads ----
  /** Flat list of every department (no `type`, §2). */
  deptList: () => ({ path: '/adminDept/queryDeptTree', body: json({}), data: deptListSchema }),
  /** One page of users, excluding deleted ones (§3); `limit` is capped at 100 (§1.3). */
  userPage: (page: number, limit: number, filter: { roleId?: number; realname?: string; deptId?: number } = {}) => ({
    path: '/adminUser/queryUserList',
    body: json({ page, limit, pageType: 1, ...filter }),
    data: userPageSchema,
  }),
  /** Roles of types 1, 2, 7, 8, 9, 10 with their granted menus (§4.2). */
  allRoles: () => ({ path: '/adminRole/getAllRoleList', body: none, data: roleGroupListSchema }),
  rolesOfType: (roleType: number) => ({ path: `/adminRole/getRoleByType/${roleType}`, body: none, data: roleListSchema }),
  menuTree: (roleType: number) => ({ path: `/adminMenu/getMenuListByType/${roleType}`, body: none, data: menuTreeSchema }),
  /** Form body; initialises the rows of (role, label) on first read (§6). */
  roleFields: (roleId: number, label: number) => ({ path: '/crmField/queryRoleField', body: form({ roleId, label }), data: roleFieldListSchema }),

  // ---- writes (all answer data null, §9) ----
  /** `save` stores every non-null field given (MyBatis-Plus insert): `dataType` set here, not left at the default 5. */
  addRole: (body: { roleName: string; roleType: number; label?: number | null; dataType?: number }) => write('/adminRole/add', json(body)),
  /** `update` runs `add()`: an unchanged name answers 1117 (§4.2) — only send a changed name. */
  updateRole: (body: { roleId: number; roleName: string; roleType: number }) => write('/adminRole/update', json(body)),
  deleteRole: (roleId: number) => write('/adminRole/delete', form({ roleId })),
  /**
   * Full replace of the role's grants after `updateById` of its non-null fields (§4.2). With no non-null column
   * besides the id, MyBatis-Plus 3.3 builds `UPDATE wk_admin_role WHERE role_id=?`: an SQL error, code 500, nothing
   * applied. So `roleName` and `dataType` are required here, as the web UI always sends them.
   */
  updateRoleMenu: (body: { roleId: number; roleName: string; dataType: number; menuIds: number[]; status?: number }) => write('/adminRole/updateRoleMenu', json(body)),
  /** Adds (user, role) pairs; roles the caller may not assign are dropped silently (§4.2, §4.3). */
  relatedUser: (userIds: number[], roleIds: number[]) => write('/adminRole/relatedUser', json({ userIds, roleIds })),
  /** Removes one pair; 1133 when it is the user's last role (§4.2). */
  unbindingUser: (userId: number, roleId: number) => write('/adminRole/unbindingUser', form({ userId, roleId })),
  addDept: (body: { pid: number; name: string; ownerUserId?: number | null }) => write('/adminDept/addDept', json(body)),
  /** Writes exactly name, pid and owner (a missing owner clears it, §2). */
  setDept: (body: { deptId: number; pid: number; name: string; ownerUserId: number | null }) => write('/adminDept/setDept', json(body)),
  deleteDept: (deptId: number) => write(`/adminDept/deleteDept/${deptId}`, none),
  setUserDept: (deptId: number, userIdList: number[]) => write('/adminUser/setUserDept', json({ deptId, userIdList })),
  setUserStatus: (ids: number[], status: 0 | 1) => write('/adminUser/setUserStatus', json({ ids, status })),
  /** Copies every non-null field; `parentId` null → 0; `roleId` CSV replaces the roles (§3). */
  setUser: (body: { userId: number; realname: string | null; deptId: number | null; post: string | null; parentId: number; roleId: string }) =>
    write('/adminUser/setUser', json(body)),
  /** Rows matched by `id`; rows without one are ignored (§6). */
  saveRoleField: (rows: WukongRoleField[]) => write('/crmField/saveRoleField', json(rows)),
} satisfies Record<string, (...args: never[]) => Endpoint<unknown>>;

