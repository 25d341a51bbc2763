/**
 * Read access to the emulator's tables for test assertions ("what does the server hold now?"), straight
 * from SQLite, plus the same out-of-band mutations the control API offers.
 */
import type { AuthCache } from './context';
import type { Db } from './db/schema';
import { applyMutation, type MutationInput } from './mutations';
import { phpUnserialize, stringToArray, type PhpValue } from './php';

export interface GroupState {
  id: number;
  /** Role category: 1 system admin roles, 2 customer roles, 5 / 9 project, 6 office (0, 3, 4: old customer ones). */
  pid: number;
  title: string;
  /** The column as stored: ",1,2," (or ''). */
  rules: string;
  /** `rules` as numbers, in stored order. */
  ruleIds: number[];
  remark: string;
  status: number | null;
  /** Data scope: 1 本人, 2 本人及下属, 3 本部门, 4 本部门及下属部门, 5 全部. */
  type: number;
  /** Built-in admin kind (1 super admin … 8 announcements); 0 for ordinary roles. */
  types: number;
  system: number;
}

export interface UserState {
  id: number;
  username: string;
  realname: string;
  structureId: number;
  parentId: number;
  /** 0 disabled, 1 active, 2 never logged in. */
  status: number;
  post: string;
  email: string;
  sex: string;
  mobile: string;
  /** admin_access rows of the user, in insertion order (duplicates and rows of deleted roles kept). */
  groupIds: number[];
}

export interface StructureState {
  id: number;
  name: string;
  pid: number | null;
  ownerUserId: number | null;
}

export interface FieldGrantState {
  grantId: number;
  roleId: number;
  module: string;
  column: string;
  /** The unserialized content list. */
  content: PhpValue;
  createTime: number;
  updateTime: number;
}

export interface EmulatorState {
  db: Db;
  groups(): GroupState[];
  group(id: number): GroupState | undefined;
  users(): UserState[];
  user(id: number): UserState | undefined;
  structures(): StructureState[];
  structure(id: number): StructureState | undefined;
  rules(): { id: number; types: number; title: string; name: string; level: number; pid: number | null; status: number | null }[];
  fieldGrants(roleId: number): FieldGrantState[];
  access(): { userId: number; groupId: number }[];
  systemLog(): { userId: number; controllerName: string; actionName: string; actionId: number; targetName: string; content: string }[];
  /** authKeys of live logins (optionally of one user). */
  liveAuthKeys(userId?: number): string[];
  mutate(mutation: MutationInput): void;
}

export function createState(db: Db, cache: AuthCache): EmulatorState {
  const groupOf = (r: Omit<GroupState, 'ruleIds'>): GroupState => ({ ...r, ruleIds: stringToArray(r.rules).map(Number) });
  const userSql =
    'SELECT id, username, realname, structure_id AS structureId, parent_id AS parentId, status, post, email, sex, mobile FROM admin_user';
  const groupIds = (userId: number) =>
    (db.prepare('SELECT group_id FROM admin_access WHERE user_id = ? ORDER BY rowid').all(userId) as { group_id: number }[]).map((r) => r.group_id);
  const structureSql = 'SELECT id, name, pid, owner_user_id AS ownerUserId FROM admin_structure';
  return {
    db,
    groups: () => (db.prepare('SELECT * FROM admin_group ORDER BY id').all() as Omit<GroupState, 'ruleIds'>[]).map(groupOf),
    group(id) {
      const r = db.prepare('SELECT * FROM admin_group WHERE id = ?').get(id) as Omit<GroupState, 'ruleIds'> | undefined;
      return r && groupOf(r);
    },
    users: () => (db.prepare(`${userSql} ORDER BY id`).all() as Omit<UserState, 'groupIds'>[]).map((u) => ({ ...u, groupIds: groupIds(u.id) })),
    user(id) {
      const u = db.prepare(`${userSql} WHERE id = ?`).get(id) as Omit<UserState, 'groupIds'> | undefined;
      return u && { ...u, groupIds: groupIds(u.id) };
    },
    structures: () => db.prepare(`${structureSql} ORDER BY id`).all() as StructureState[],
    structure: (id) => db.prepare(`${structureSql} WHERE id = ?`).get(id) as StructureState | undefined,
    rules: () => db.prepare('SELECT * FROM admin_rule ORDER BY id').all() as ReturnType<EmulatorState['rules']>,
    fieldGrants: (roleId) =>
      (
        db.prepare('SELECT grant_id, role_id, module, "column", content, create_time, update_time FROM admin_field_grant WHERE role_id = ? ORDER BY grant_id').all(roleId) as {
          grant_id: number;
          role_id: number;
          module: string;
          column: string;
          content: string;
          create_time: number;
          update_time: number;
        }[]
      ).map((r) => ({
        grantId: r.grant_id,
        roleId: r.role_id,
        module: r.module,
        column: r.column,
        content: r.content ? phpUnserialize(r.content) : r.content,
        createTime: r.create_time,
        updateTime: r.update_time,
      })),
    access: () => db.prepare('SELECT user_id AS userId, group_id AS groupId FROM admin_access ORDER BY rowid').all() as { userId: number; groupId: number }[],
    systemLog: () =>
      db
        .prepare(
          'SELECT user_id AS userId, controller_name AS controllerName, action_name AS actionName, action_id AS actionId, target_name AS targetName, content FROM admin_system_log ORDER BY log_id',
        )
        .all() as ReturnType<EmulatorState['systemLog']>,
    liveAuthKeys: (userId) => [...new Set(cache.keys(userId).map((k) => k.replace(/^Auth_/, '')))],
    mutate: (mutation) => applyMutation(db, mutation),
  };
}
