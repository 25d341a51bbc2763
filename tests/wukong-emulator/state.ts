/**
 * Read access to the emulator's tables for test assertions ("what does the server hold now?"), plus the
 * same out-of-band mutations the control API offers. Reads go straight to SQLite, not through HTTP.
 */
import { readRoleFields, type RoleFieldRow } from './db/roleFieldRows';
import type { Db } from './db/schema';
import type { SeedResult } from './db/seedFromSnapshot';
import { applyMutation, type MutationInput } from './mutations';
import type { SessionStore } from './session';

export interface RoleState {
  roleId: number;
  roleName: string | null;
  roleType: number | null;
  remark: string | null;
  status: number;
  dataType: number;
  label: number | null;
  /** Every granted menu id, in insertion order (duplicates kept, as the table holds them). */
  menuIds: number[];
}

export interface UserState {
  userId: number;
  username: string;
  realname: string | null;
  deptId: number | null;
  parentId: number;
  status: number;
  post: string | null;
  roleIds: number[];
}

export interface DeptState {
  deptId: number;
  pid: number;
  name: string;
  ownerUserId: number | null;
}

export interface EmulatorState {
  /** The SQLite connection, for ad-hoc queries. */
  db: Db;
  /** Snapshot id → WukongCRM integer id maps from seeding. */
  ids: SeedResult['ids'];
  roles(): RoleState[];
  role(roleId: number): RoleState | undefined;
  users(): UserState[];
  user(userId: number): UserState | undefined;
  departments(): DeptState[];
  roleFields(roleId: number, label: number): RoleFieldRow[];
  liveTokens(userId?: number): string[];
  /** A change by "another administrator", applied now. */
  mutate(mutation: MutationInput): void;
}

export function createState(db: Db, sessions: SessionStore, ids: SeedResult['ids']): EmulatorState {
  const menuIds = (roleId: number) =>
    db
      .prepare<[number], { menu_id: number }>('SELECT menu_id FROM wk_admin_role_menu WHERE role_id = ? ORDER BY id')
      .all(roleId)
      .map((r) => r.menu_id);
  const roleIds = (userId: number) =>
    db
      .prepare<[number], { role_id: number }>('SELECT role_id FROM wk_admin_user_role WHERE user_id = ? ORDER BY id')
      .all(userId)
      .map((r) => r.role_id);
  const roleSql =
    'SELECT role_id AS roleId, role_name AS roleName, role_type AS roleType, remark, status, data_type AS dataType, label FROM wk_admin_role';
  const userSql =
    'SELECT user_id AS userId, username, realname, dept_id AS deptId, parent_id AS parentId, status, post FROM wk_admin_user WHERE is_del = 0';
  type RoleRow = Omit<RoleState, 'menuIds'>;
  type UserRow = Omit<UserState, 'roleIds'>;
  return {
    db,
    ids,
    roles: () =>
      db
        .prepare<[], RoleRow>(`${roleSql} ORDER BY role_id`)
        .all()
        .map((r) => ({ ...r, menuIds: menuIds(r.roleId) })),
    role(roleId) {
      const r = db.prepare<[number], RoleRow>(`${roleSql} WHERE role_id = ?`).get(roleId);
      return r && { ...r, menuIds: menuIds(r.roleId) };
    },
    users: () =>
      db
        .prepare<[], UserRow>(`${userSql} ORDER BY user_id`)
        .all()
        .map((u) => ({ ...u, roleIds: roleIds(u.userId) })),
    user(userId) {
      const u = db.prepare<[number], UserRow>(`${userSql} AND user_id = ?`).get(userId);
      return u && { ...u, roleIds: roleIds(u.userId) };
    },
    departments: () =>
      db.prepare<[], DeptState>('SELECT dept_id AS deptId, pid, name, owner_user_id AS ownerUserId FROM wk_admin_dept ORDER BY dept_id').all(),
    roleFields: (roleId, label) => readRoleFields(db, roleId, label),
    liveTokens: (userId) => sessions.liveTokens(userId),
    mutate: (mutation) => applyMutation(db, mutation),
  };
}
