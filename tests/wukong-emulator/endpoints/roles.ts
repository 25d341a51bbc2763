/** Role endpoints (`AdminRoleController` / `AdminRoleServiceImpl`, reference §4.2). */
import { z } from 'zod';
import { formInt, formParams, jsonBody } from '../body';
import { assignableRoleIds } from '../db/queries';
import { ROLE_TYPE_NAME } from '../db/referenceData';
import { roleById, rolesOfType } from '../db/roleRows';
import type { Db } from '../db/schema';
import { Code, WukongError } from '../envelope';
import type { Route } from '../route';

/** `AdminRoleTypeEnum` constants; any other value makes `getRoleByType` throw (NPE → 500). */
const ROLE_TYPE_ENUM = new Set([0, 1, 2, 3, 4, 5, 7, 8, 9, 10]);
/** Types whose `getRoleByType` is always empty. */
const NO_ROLE_TYPES = new Set([0, 3, 4, 5]);

/** `AdminRole` as add/update read it. */
const roleSchema = z.object({
  roleId: z.number().int().nullish(),
  roleName: z.string().max(255).nullish(),
  roleType: z.number().int().nullish(),
  remark: z.string().max(100).nullish(),
  status: z.number().int().nullish(),
  dataType: z.number().int().min(1).max(5).nullish(),
  isHidden: z.number().int().nullish(),
  label: z.number().int().nullish(),
});

/** The UI's payload: `{roleId, roleName, dataType, menuIds}`; `dataType: ""` (types without a scope tab) means "leave it". */
const updateRoleMenuSchema = roleSchema.extend({
  roleId: z.number({ error: 'roleId不能为空' }).int(),
  dataType: z.union([z.number().int().min(1).max(5), z.literal('')]).nullish(),
  menuIds: z.array(z.number().int(), { error: 'menuIds不能为空' }),
});

const roleIdForm = z.object({ roleId: formInt });

type RoleInput = z.infer<typeof roleSchema>;

/** `updateById`: only the non-null fields are written. */
function updateRole(db: Db, roleId: number, input: RoleInput): void {
  const columns: [string, unknown][] = [
    ['role_name', input.roleName],
    ['role_type', input.roleType],
    ['remark', input.remark],
    ['status', input.status],
    ['data_type', input.dataType],
    ['is_hidden', input.isHidden],
    ['label', input.label],
  ];
  const set = columns.filter(([, v]) => v !== null && v !== undefined && v !== '');
  if (set.length === 0) return;
  db.prepare(`UPDATE wk_admin_role SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE role_id = ?`).run(...set.map(([, v]) => v), roleId);
}

/**
 * `add()` — also behind `update`. The uniqueness check counts every role with this (name, type), the role
 * itself included, so re-sending an unchanged name fails with 1117 (§4.2). A `roleId` turns it into an update.
 * New roles: status 1, remark null, dataType left to the column default 5. No id is returned.
 */
function addOrUpdate(db: Db, input: RoleInput): null {
  const taken = db.prepare('SELECT count(*) AS n FROM wk_admin_role WHERE role_name = ? AND role_type = ?').get(input.roleName ?? null, input.roleType ?? null) as { n: number };
  if (taken.n > 0) throw new WukongError(Code.roleNameExists);
  if (input.roleId) {
    updateRole(db, input.roleId, input);
    return null;
  }
  db.prepare('INSERT INTO wk_admin_role (role_name, role_type, remark, status, is_hidden, label) VALUES (?, ?, NULL, 1, ?, ?)').run(
    input.roleName ?? null,
    input.roleType ?? null,
    input.isHidden ?? 1,
    input.label ?? null,
  );
  return null;
}

export const roleRoutes: Route[] = [
  {
    // Hard-coded list; HRM (9) and JXC (10) are not offered here (§4.2).
    path: '/adminRole/getRoleTypeList',
    handle: () => [1, 7, 2, 8].map((roleType) => ({ name: ROLE_TYPE_NAME[roleType], roleType })),
  },
  {
    path: '/adminRole/getAllRoleList',
    handle: ({ db }) => [1, 2, 7, 8, 9, 10].map((roleType) => ({ pid: roleType, name: ROLE_TYPE_NAME[roleType], list: rolesOfType(db, roleType) })),
  },
  {
    // getAllRoleList for callers who may assign every role; otherwise only their assignable roles, with
    // the emptied groups dropped (§4.2, §4.3).
    path: '/adminRole/getRoleList',
    handle({ db, session }) {
      const allowed = assignableRoleIds(db, session.userId, session.roles);
      const groups = [1, 2, 7, 8, 9, 10].map((roleType) => ({ pid: roleType, name: ROLE_TYPE_NAME[roleType], list: rolesOfType(db, roleType) }));
      if (allowed === null) return groups;
      return groups.map((g) => ({ ...g, list: g.list.filter((r) => allowed.has(r.roleId)) })).filter((g) => g.list.length > 0);
    },
  },
  {
    path: '/adminRole/getRoleByType/{roleType}',
    handle({ db, params }) {
      const roleType = Number(params.roleType);
      if (!/^\d+$/.test(params.roleType ?? '') || !ROLE_TYPE_ENUM.has(roleType)) throw new WukongError(Code.serverError);
      return NO_ROLE_TYPES.has(roleType) ? [] : rolesOfType(db, roleType);
    },
  },
  {
    path: '/adminRole/add',
    handle: ({ db, body }) => db.transaction(() => addOrUpdate(db, jsonBody(body, roleSchema)))(),
  },
  {
    path: '/adminRole/update',
    handle: ({ db, body }) => db.transaction(() => addOrUpdate(db, jsonBody(body, roleSchema)))(),
  },
  {
    // Deletes the role with its user and menu links; default roles are not protected and users may be
    // left with no role. wk_admin_role_auth and wk_crm_role_field rows stay behind (§4.2).
    path: '/adminRole/delete',
    handle({ db, body }) {
      const { roleId } = formParams(body, roleIdForm);
      db.transaction(() => {
        db.prepare('DELETE FROM wk_admin_role WHERE role_id = ?').run(roleId);
        db.prepare('DELETE FROM wk_admin_user_role WHERE role_id = ?').run(roleId);
        db.prepare('DELETE FROM wk_admin_role_menu WHERE role_id = ?').run(roleId);
      })();
      return null;
    },
  },
  {
    // Copy named `<name without a trailing "(n)">(1)`, with no uniqueness check; grants are copied.
    path: '/adminRole/copy',
    handle({ db, body }) {
      const { roleId } = formParams(body, roleIdForm);
      const role = roleById(db, roleId);
      if (!role) throw new WukongError(Code.serverError);
      const name = `${(role.roleName ?? '').replace(/\(\d+\)$/, '')}(1)`;
      db.transaction(() => {
        const { lastInsertRowid } = db
          .prepare('INSERT INTO wk_admin_role (role_name, role_type, remark, status, data_type, is_hidden, label) VALUES (?, ?, NULL, ?, ?, ?, ?)')
          .run(name, role.roleType, role.status, role.dataType, role.isHidden, role.label);
        db.prepare('INSERT INTO wk_admin_role_menu (role_id, menu_id) SELECT ?, menu_id FROM wk_admin_role_menu WHERE role_id = ? ORDER BY id').run(
          lastInsertRowid,
          roleId,
        );
      })();
      return null;
    },
  },
  {
    // One transaction: update the role's non-null fields (no name check here), then delete every grant
    // and insert `menuIds` as given (full replace; ids are not validated, duplicates are kept) (§4.2).
    path: '/adminRole/updateRoleMenu',
    handle({ db, body }) {
      const input = jsonBody(body, updateRoleMenuSchema);
      db.transaction(() => {
        updateRole(db, input.roleId, { ...input, dataType: input.dataType === '' ? null : input.dataType });
        db.prepare('DELETE FROM wk_admin_role_menu WHERE role_id = ?').run(input.roleId);
        const insert = db.prepare('INSERT INTO wk_admin_role_menu (role_id, menu_id) VALUES (?, ?)');
        for (const menuId of input.menuIds) insert.run(input.roleId, menuId);
      })();
      return null;
    },
  },
];
