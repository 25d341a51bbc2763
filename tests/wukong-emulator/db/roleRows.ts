/** `AdminRole` as the role endpoints render it, with `rules` from `AdminRoleMapper.xml#getRoleMenu` (reference §4.1, §4.2). */
import { ROLE_TYPE_REALM } from './referenceData';
import type { Db } from './schema';

export interface RoleVO {
  roleId: number;
  roleName: string | null;
  roleType: number | null;
  remark: string | null;
  status: number;
  dataType: number;
  isHidden: number;
  label: number | null;
  /** Granted menus at levels 2–3 under the type's root (`data`) and under the bi root (`bi`). */
  rules: { data: number[]; bi: number[] };
  /** Input of updateRoleMenu only: always empty on output. */
  menuIds: number[];
}

const ROLE_COLUMNS =
  'role_id AS roleId, role_name AS roleName, role_type AS roleType, remark, status, data_type AS dataType, is_hidden AS isHidden, label';

function rootId(db: Db, realm: string): number | undefined {
  return db.prepare<[string], { menu_id: number }>('SELECT menu_id FROM wk_admin_menu WHERE parent_id = 0 AND realm = ?').get(realm)?.menu_id;
}

/**
 * Granted menu ids whose parent is the root or a direct child of the root: the root itself and deeper
 * levels are not returned (so e.g. bi 762 under 760 → 761 never shows).
 */
function grantedUnder(db: Db, roleId: number, root: number | undefined): number[] {
  if (root === undefined) return [];
  return db
    .prepare<[number, number, number], { menu_id: number }>(
      `SELECT rm.menu_id FROM wk_admin_role_menu rm JOIN wk_admin_menu m ON m.menu_id = rm.menu_id
        WHERE rm.role_id = ? AND (m.parent_id = ? OR m.parent_id IN (SELECT menu_id FROM wk_admin_menu WHERE parent_id = ?))
        ORDER BY rm.id`,
    )
    .all(roleId, root, root)
    .map((r) => r.menu_id);
}

type RoleRow = Omit<RoleVO, 'rules' | 'menuIds'>;

function withRules(db: Db, role: RoleRow): RoleVO {
  const realm = role.roleType === null ? undefined : ROLE_TYPE_REALM[role.roleType];
  const data = realm === undefined ? [] : grantedUnder(db, role.roleId, rootId(db, realm));
  return { ...role, rules: { data, bi: grantedUnder(db, role.roleId, rootId(db, 'bi')) }, menuIds: [] };
}

export function rolesOfType(db: Db, roleType: number): RoleVO[] {
  return db
    .prepare<[number], RoleRow>(`SELECT ${ROLE_COLUMNS} FROM wk_admin_role WHERE role_type = ? ORDER BY role_id`)
    .all(roleType)
    .map((r) => withRules(db, r));
}

export function roleById(db: Db, roleId: number): RoleRow | undefined {
  return db.prepare<[number], RoleRow>(`SELECT ${ROLE_COLUMNS} FROM wk_admin_role WHERE role_id = ?`).get(roleId);
}
