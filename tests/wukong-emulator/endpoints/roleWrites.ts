/**
 * Role writes (`AdminRoleController` → `admin/.../service/impl/AdminRoleServiceImpl.java`, reference §4.2).
 * Line numbers are of that file at commit 1fa4ec2f. The body of add / update / updateRoleMenu is the
 * entity `AdminRole` itself (`@RequestBody AdminRole`, no `@Valid`).
 */
import { formInt, formParams, jsonBody } from '../body';
import { insert, saveBatch, updateById, type Entity } from '../db/mybatisPlus';
import { roleById } from '../db/roleRows';
import type { Db } from '../db/schema';
import { Code, fault, WukongError } from '../envelope';
import { jBean, jInt, jList, jMap, jString } from '../jackson';
import type { Route } from '../route';
import { z } from 'zod';

/** `entity/PO/AdminRole.java`: every property binds; `rules` and `menuIds` are `@TableField(exist = false)`. */
const adminRoleBean = jBean({
  roleId: jInt,
  roleName: jString,
  roleType: jInt,
  remark: jString,
  status: jInt,
  dataType: jInt,
  isHidden: jInt,
  label: jInt,
  rules: jMap(jList(jInt)),
  // `private List<Integer> menuIds = new ArrayList<>()`: a missing key leaves the empty list, `null` nulls it.
  menuIds: jList(jInt, []),
});
type AdminRole = z.infer<typeof adminRoleBean>;

/** The persisted columns of an `AdminRole`; there is no range check on dataType/status anywhere. */
function roleColumns(role: AdminRole): Entity {
  return {
    role_name: role.roleName,
    role_type: role.roleType,
    remark: role.remark,
    status: role.status,
    data_type: role.dataType,
    is_hidden: role.isHidden,
    label: role.label,
  };
}

const roleIdForm = z.object({ roleId: formInt });

/** `java.lang.String#trim`: strips every char ≤ U+0020 at both ends (not Unicode spaces). */
const javaTrim = (s: string) => s.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');

/**
 * `#add` (:391, not @Transactional), behind both /add and /update. The name check (:392) is
 * `eq(roleName).eq(roleType)` over every role, the role itself included, so re-sending an unchanged name
 * is 1117; `eq` with a null value renders `= NULL`, which never matches. The comparison runs in the
 * column's collation (utf8_general_ci: case and trailing spaces ignored).
 * With a roleId (:396) it is `updateById`: every non-null column of the body is written (status, remark
 * and dataType included) and a body with no such column is MySQL 1064; an unknown roleId changes nothing
 * and still answers 0. Without one (:399) `save` inserts every non-null column, with status forced to 1
 * and remark to null: dataType, isHidden and label are stored as sent, the column defaults (5, 1, NULL)
 * apply only to what is not sent.
 */
function add(db: Db, role: AdminRole): null {
  const taken = db
    .prepare<[string | null, number | null], { n: number }>('SELECT count(*) AS n FROM wk_admin_role WHERE wk_ci(role_name) = wk_ci(?) AND role_type = ?')
    .get(role.roleName, role.roleType);
  if ((taken?.n ?? 0) > 0) throw new WukongError(Code.roleNameExists);
  if (role.roleId !== null) {
    updateById(db, 'wk_admin_role', 'role_id', role.roleId, roleColumns(role));
    return null;
  }
  insert(db, 'wk_admin_role', { ...roleColumns(role), status: 1, remark: null });
  return null;
}

/**
 * `#updateRoleMenu` (:550, @Transactional — any failure rolls the whole call back):
 * 1. `updateById(adminRole)` (:553) — `{roleId, menuIds}` alone has no non-null column to SET → MySQL 1064
 *    → 500 and nothing changes. `dataType: ""` binds as null, so it does not count as a column either;
 * 2. `removeByMap({role_id})` (:554) deletes every grant;
 * 3. `saveRoleMenu(roleId, menuIds)` (:555, AdminRoleMenuServiceImpl.java:25): `menuIds: null` → NPE at
 *    `menuIdList.forEach` → 500, rolled back; `[]` is accepted and leaves the role with no grant at all.
 *    Ids are neither checked nor de-duplicated; a null element is MySQL 1048 (menu_id NOT NULL).
 */
function updateRoleMenu(db: Db, role: AdminRole): null {
  db.transaction(() => {
    updateById(db, 'wk_admin_role', 'role_id', role.roleId, roleColumns(role));
    db.prepare('DELETE FROM wk_admin_role_menu WHERE role_id = ?').run(role.roleId);
    const menuIds = role.menuIds ?? fault('NullPointerException: menuIdList.forEach (AdminRoleMenuServiceImpl#saveRoleMenu)');
    saveBatch(db, 'wk_admin_role_menu', menuIds.map((menuId) => ({ role_id: role.roleId, menu_id: menuId })));
  })();
  return null;
}

/**
 * `#copy` (:420, @Transactional). `getById` + `getRoleName().trim()` (:428): an unknown role or a null name
 * is an NPE → 500. A trimmed name that is only "(n)" takes the branch `lambdaQuery().last(" role_name
 * regexp …")` (:434), whose SQL has no WHERE → MySQL 1064. Otherwise the copy is `<name without a
 * trailing (n)>(1)`: the loop meant to find a free number only runs when no name carries one (:443), so it
 * is always (1), never checked for uniqueness. `save` (:452) stores every non-null column of the original
 * with remark null (a name now over 255 characters → 1406); the grants are copied (:453); then
 * `getRoleType().equals(1)` (:454) is an NPE for a role without a type. The 935 branch re-saves the new
 * role's own (empty) auth roles: wk_admin_role_auth is not copied.
 */
function copy(db: Db, roleId: number): null {
  db.transaction(() => {
    const role = roleById(db, roleId) ?? fault(`NullPointerException: getById(${roleId}) is null (AdminRoleServiceImpl#copy)`);
    const menuIds = db.prepare<[number], { menu_id: number }>('SELECT menu_id FROM wk_admin_role_menu WHERE role_id = ? ORDER BY id').all(roleId);
    const roleName = javaTrim(role.roleName ?? fault('NullPointerException: getRoleName().trim() (AdminRoleServiceImpl#copy)'));
    if (/^[(]\d+[)]$/.test(roleName)) fault("MySQL 1064: SELECT … FROM wk_admin_role role_name regexp '^[(]\\d+[)]$'");
    const copyId = insert(db, 'wk_admin_role', {
      role_name: `${roleName.replace(/[(]\d+[)]$/, '')}(1)`,
      role_type: role.roleType,
      remark: null,
      status: role.status,
      data_type: role.dataType,
      is_hidden: role.isHidden,
      label: role.label,
    });
    saveBatch(db, 'wk_admin_role_menu', menuIds.map((m) => ({ role_id: copyId, menu_id: m.menu_id })));
    if (role.roleType === null) fault('NullPointerException: getRoleType().equals(…) (AdminRoleServiceImpl#copy)');
  })();
  return null;
}

export const roleWriteRoutes: Route[] = [
  { path: '/adminRole/add', handle: ({ db, body }) => add(db, jsonBody(body, adminRoleBean)) },
  { path: '/adminRole/update', handle: ({ db, body }) => add(db, jsonBody(body, adminRoleBean)) },
  {
    // `#delete` (:408, @Transactional): the role, its user links and its grants; default roles are not
    // protected, users may be left role-less, wk_admin_role_auth / wk_crm_role_field rows stay; an unknown
    // id answers 0.
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
  { path: '/adminRole/copy', handle: ({ db, body }) => copy(db, formParams(body, roleIdForm).roleId) },
  { path: '/adminRole/updateRoleMenu', handle: ({ db, body }) => updateRoleMenu(db, jsonBody(body, adminRoleBean)) },
];
