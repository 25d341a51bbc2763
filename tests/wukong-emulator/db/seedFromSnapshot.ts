/**
 * Loads a domain `Snapshot` (src-main/common/domain) into the wk_* tables, so the emulator serves exactly
 * that organisation. Ids are WukongCRM integers: numeric snapshot ids are kept, any other id gets the next
 * free integer of its kind. Every seeded user's password is `userPassword`; the administrator gets its own.
 */
import type { Snapshot } from '../../../src-main/common/domain';
import { newSalt, signPassword } from '../password';
import {
  LABEL_BY_MODULE,
  MASKABLE_TYPES,
  ROOT_DEPT_ID,
  SUPER_ROLE_ID,
  SYSTEM_FIELDS,
  SUPER_USER_ID,
  referenceData,
  type MenuRow,
} from './referenceData';
import type { Db } from './schema';
import { initialiseRoleFields } from './roleFieldRows';

export interface SeedOptions {
  /** Password of every seeded user except the administrator. */
  userPassword: string;
  adminPassword: string;
  /** Login for an administrator the seed creates when the snapshot has no usable super admin. */
  adminUsername?: string;
}

export interface SeedResult {
  adminUserId: number;
  adminUsername: string;
  /** snapshot id → WukongCRM integer id, per kind. */
  ids: { users: Map<string, number>; roles: Map<string, number>; departments: Map<string, number>; menus: Map<string, number> };
}

const CREATE_TIME = '2026-01-01 09:00:00';
const STATUS_CODE = { active: 1, inactive: 2, disabled: 0 } as const;

function idMap(ids: string[]): Map<string, number> {
  const numeric = (id: string) => /^\d{1,15}$/.test(id);
  let next = Math.max(0, ...ids.filter(numeric).map(Number)) + 1;
  return new Map(ids.map((id) => [id, numeric(id) ? Number(id) : next++]));
}

function must(map: Map<string, number>, id: string): number {
  const value = map.get(id);
  if (value === undefined) throw new Error(`snapshot refers to unknown id ${id}`);
  return value;
}

export function seedFromSnapshot(db: Db, snapshot: Snapshot, options: SeedOptions): SeedResult {
  const ids = {
    users: idMap(snapshot.users.map((u) => u.id)),
    roles: idMap(snapshot.roles.map((r) => r.id)),
    departments: idMap(snapshot.departments.map((d) => d.id)),
    menus: idMap(snapshot.permissions.map((p) => p.id)),
  };
  const run = db.transaction(() => {
    seedMenus(db, snapshot, ids.menus);
    const insertDept = db.prepare('INSERT INTO wk_admin_dept (dept_id, pid, name, num, owner_user_id) VALUES (?, ?, ?, ?, ?)');
    for (const d of snapshot.departments) {
      const owner = d.headUserId === null ? null : (ids.users.get(d.headUserId) ?? null);
      insertDept.run(must(ids.departments, d.id), d.parentId === null ? 0 : must(ids.departments, d.parentId), d.name, d.sort, owner);
    }
    const reference = new Map(referenceData().roles.map((r) => [r.roleId, r]));
    const insertRole = db.prepare(
      'INSERT INTO wk_admin_role (role_id, role_name, role_type, remark, status, data_type, is_hidden, label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertGrant = db.prepare('INSERT INTO wk_admin_role_menu (role_id, menu_id) VALUES (?, ?)');
    for (const r of snapshot.roles) {
      const roleId = must(ids.roles, r.id);
      const isHidden = reference.get(roleId)?.isHidden ?? 1;
      insertRole.run(roleId, r.name, Number(r.groupId), r.remark, r.enabled ? 1 : 0, r.dataScope, isHidden, r.label);
      for (const p of r.permissionIds) insertGrant.run(roleId, ids.menus.get(p) ?? Number(p));
    }
    const insertUser = db.prepare(
      `INSERT INTO wk_admin_user (user_id, username, password, salt, create_time, realname, mobile, dept_id, post, status, parent_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertUserRole = db.prepare('INSERT INTO wk_admin_user_role (user_id, role_id) VALUES (?, ?)');
    for (const u of snapshot.users) {
      const userId = must(ids.users, u.id);
      const salt = newSalt();
      const password = signPassword(u.login, options.userPassword, salt);
      const parent = u.managerId === null ? 0 : must(ids.users, u.managerId);
      insertUser.run(userId, u.login, password, salt, CREATE_TIME, u.name, u.login, must(ids.departments, u.departmentId), u.title, STATUS_CODE[u.status], parent);
      for (const r of u.roleIds) insertUserRole.run(userId, must(ids.roles, r));
    }
    seedFields(db, snapshot, ids.roles);
    return ensureAdministrator(db, options);
  });
  const admin = run();
  return { ...admin, ids };
}

/** Catalogue rows: the reference row where the id is a WukongCRM menu, otherwise derived from the key. */
function seedMenus(db: Db, snapshot: Snapshot, menuIds: Map<string, number>): void {
  const insert = db.prepare(
    'INSERT INTO wk_admin_menu (menu_id, parent_id, menu_name, realm, realm_url, menu_type, sort, status, remarks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  if (snapshot.permissions.length === 0) {
    for (const m of referenceData().menus) insert.run(m.menuId, m.parentId, m.menuName, m.realm, m.realmUrl, m.menuType, m.sort, m.status, m.remarks);
    return;
  }
  const reference = new Map<number, MenuRow>(referenceData().menus.map((m) => [m.menuId, m]));
  const keyById = new Map(snapshot.permissions.map((p) => [p.id, p.key]));
  for (const p of snapshot.permissions) {
    const menuId = must(menuIds, p.id);
    const ref = reference.get(menuId);
    const parentKey = p.parentId === null ? undefined : keyById.get(p.parentId);
    const realm = ref?.realm ?? (parentKey && p.key.startsWith(parentKey + ':') ? p.key.slice(parentKey.length + 1) : p.key.split(':').pop()!);
    const menuType = ref?.menuType ?? (p.kind === 'group' ? 1 : 3);
    const parentId = p.parentId === null ? 0 : must(menuIds, p.parentId);
    insert.run(menuId, parentId, p.label['zh-CN'] || realm, realm, ref?.realmUrl ?? null, menuType, p.sort, 1, ref?.remarks ?? null);
  }
}

/** `wk_crm_field` rows for the snapshot's fields, then each role's rows initialised and overwritten by its rules. */
function seedFields(db: Db, snapshot: Snapshot, roleIds: Map<string, number>): void {
  const reference = new Map(referenceData().fields.map((f) => [`${f.label}:${f.fieldName}`, f]));
  const insertField = db.prepare('INSERT INTO wk_crm_field (field_id, field_name, name, type, label, is_hidden, field_type) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const exists = db.prepare('SELECT 1 FROM wk_crm_field WHERE label = ? AND field_name = ?');
  // Seed rows keep their real ids; custom fields then take the next free ids.
  for (const f of snapshot.fields) {
    const label = LABEL_BY_MODULE[f.module];
    const ref = label === undefined ? undefined : reference.get(`${label}:${f.name}`);
    if (ref && !exists.get(ref.label, f.name)) insertField.run(ref.fieldId, ref.fieldName, ref.name, ref.type, ref.label, ref.isHidden, ref.fieldType);
  }
  for (const f of snapshot.fields) {
    const label = LABEL_BY_MODULE[f.module];
    if (label === undefined || exists.get(label, f.name) || isSystemField(label, f.name)) continue;
    insertField.run(null, f.name, f.label['zh-CN'] || f.name, f.maskable ? 7 : 1, label, 0, 0);
  }
  const accessLevel = { hidden: 1, read: 2, edit: 3 } as const;
  const maskType = { none: 0, list: 1, listDetail: 2 } as const;
  const update = db.prepare('UPDATE wk_crm_role_field SET auth_level = ?, mask_type = ? WHERE role_id = ? AND label = ? AND field_name = ?');
  const typeOf = db.prepare<[number, string], { type: number }>('SELECT type FROM wk_crm_field WHERE label = ? AND field_name = ?');
  const initialised = new Set<string>();
  for (const rule of snapshot.fieldRules) {
    const label = LABEL_BY_MODULE[rule.module];
    const roleId = roleIds.get(rule.roleId);
    if (label === undefined || roleId === undefined) continue;
    if (!initialised.has(`${roleId}:${label}`)) {
      initialiseRoleFields(db, roleId, label);
      initialised.add(`${roleId}:${label}`);
    }
    const type = typeOf.get(label, rule.field)?.type;
    const mask = type !== undefined && MASKABLE_TYPES.has(type) ? maskType[rule.mask] : 0;
    update.run(accessLevel[rule.access], mask, roleId, label, rule.field);
  }
}

/** System fields live only in `wk_crm_role_field` (field_id NULL), never in `wk_crm_field`. */
function isSystemField(label: number, name: string): boolean {
  return (SYSTEM_FIELDS[label] ?? []).some((f) => f.fieldName === name);
}

/**
 * The login printed at start: user 14773 (the server's hard-coded super admin) when the snapshot has it,
 * else the first holder of role 180162, else a new user 14773 in the top department with that role.
 */
export function ensureAdministrator(db: Db, options: SeedOptions): { adminUserId: number; adminUsername: string } {
  type Row = { user_id: number; username: string };
  let admin =
    db.prepare<[number], Row>('SELECT user_id, username FROM wk_admin_user WHERE user_id = ?').get(SUPER_USER_ID) ??
    db
      .prepare<[number], Row>(
        'SELECT u.user_id, u.username FROM wk_admin_user u JOIN wk_admin_user_role ur ON ur.user_id = u.user_id WHERE ur.role_id = ? ORDER BY u.user_id LIMIT 1',
      )
      .get(SUPER_ROLE_ID);
  if (!admin) {
    if (!db.prepare('SELECT 1 FROM wk_admin_role WHERE role_id = ?').get(SUPER_ROLE_ID)) {
      db.prepare("INSERT INTO wk_admin_role (role_id, role_name, role_type, remark, status, data_type, is_hidden, label) VALUES (?, '超级管理员', 1, 'admin', 1, 5, 1, 5)").run(SUPER_ROLE_ID);
    }
    let top = db.prepare<[], { dept_id: number }>('SELECT dept_id FROM wk_admin_dept WHERE pid = 0 ORDER BY dept_id LIMIT 1').get()?.dept_id;
    if (top === undefined) {
      db.prepare("INSERT INTO wk_admin_dept (dept_id, pid, name, num) VALUES (?, 0, '全公司', 0)").run(ROOT_DEPT_ID);
      top = ROOT_DEPT_ID;
    }
    const username = options.adminUsername ?? 'admin';
    db.prepare(
      `INSERT INTO wk_admin_user (user_id, username, password, salt, create_time, realname, mobile, dept_id, post, status, parent_id)
       VALUES (?, ?, '', '', ?, '管理员', ?, ?, '', 1, 0)`,
    ).run(SUPER_USER_ID, username, CREATE_TIME, username, top);
    db.prepare('INSERT INTO wk_admin_user_role (user_id, role_id) VALUES (?, ?)').run(SUPER_USER_ID, SUPER_ROLE_ID);
    admin = { user_id: SUPER_USER_ID, username };
  }
  const salt = newSalt();
  db.prepare('UPDATE wk_admin_user SET password = ?, salt = ?, status = 1 WHERE user_id = ?').run(
    signPassword(admin.username, options.adminPassword, salt),
    salt,
    admin.user_id,
  );
  return { adminUserId: admin.user_id, adminUsername: admin.username };
}
