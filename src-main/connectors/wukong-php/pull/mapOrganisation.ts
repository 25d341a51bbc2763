import type { DataScope, Department, FieldDefinition, FieldRule, Role, User, UserStatus } from '../../../common/domain';
import { CRM_FIELD_ENGLISH } from '../../../common/wukong';
import { accessOf, type FieldGrantColumn } from '../fieldGrants';
import { splitIds, type PhpFieldGrantEntry, type PhpGroup, type PhpStructure, type PhpUser } from '../schemas';
import { SCOPED_CATEGORIES } from './mapCatalogue';

/**
 * Server rows → domain rows (ids as strings). Where the server holds something the domain cannot (a superior who
 * no longer exists, a rule id outside the catalogue, a data scope outside 1..5), the value is dropped or shown as
 * the nearest thing the domain has and a note says so. Writes always start from a fresh re-read of the server, so
 * what was dropped here is never lost on the server.
 */
export type PullNotes = string[];

/** The user the PHP edition hard-codes as super admin (AuthenticateBehavior.php `$userInfo['id'] == 1`, adminGroupTypes). */
export const PHP_SUPER_USER_ID = '1';

/** Department-name placeholder for a row saved without a name (Structures::save inserts before it fails, OBSERVED §10). */
const unnamed = (what: string, id: number) => `(${what} #${id})`;

/**
 * `owner_user_id` 0 = no head; `pid` 0 = top level (Structure.php). Rows whose parent chain does not reach 0 never
 * appear in `/admin/structures/index` (com\Category walks from 0), so they are not here at all.
 */
export function mapDepartments(rows: readonly PhpStructure[], userIds: ReadonlySet<string>, notes: PullNotes): Department[] {
  const ids = new Set(rows.map((d) => String(d.id)));
  return rows.map((d) => {
    const head = d.owner_user_id ? String(d.owner_user_id) : null;
    if (head !== null && !userIds.has(head)) notes.push(`department ${d.id}: head ${head} is not a current user; shown without a head`);
    const parent = d.pid === 0 ? null : String(d.pid);
    let name = d.name.trim();
    if (name === '') {
      name = unnamed('部门', d.id);
      notes.push(`department ${d.id} has no name on the server; shown as ${name}`);
    } else if (name.length > 64) {
      notes.push(`department ${d.id}: its name is longer than 64 characters; shown shortened`);
      name = name.slice(0, 64);
    }
    return {
      id: String(d.id),
      parentId: parent !== null && ids.has(parent) ? parent : null,
      name,
      headUserId: head !== null && userIds.has(head) ? head : null,
      sort: 0,
    };
  });
}

/** status 1 启用 → active, 2 未激活 (set by users/save, flipped to 1 at first login) → inactive, 0 禁用 → disabled (User.php). */
const STATUS: Readonly<Record<number, UserStatus>> = { 0: 'disabled', 1: 'active', 2: 'inactive' };

export function mapUsers(rows: readonly PhpUser[], roleIds: ReadonlySet<string>, departmentIds: ReadonlySet<string>, rootDepartmentId: string, notes: PullNotes): User[] {
  const ids = new Set(rows.map((u) => String(u.id)));
  let foreignRoles = 0;
  const users = rows.map((u): User => {
    const id = String(u.id);
    const held = splitIds(u.groupids);
    const known = held.filter((r) => roleIds.has(r));
    foreignRoles += held.length - known.length;
    const manager = u.parent_id ? String(u.parent_id) : null;
    if (manager !== null && !ids.has(manager)) notes.push(`user ${id}: superior ${manager} is not a current user; shown without a superior`);
    const department = u.structure_id ? String(u.structure_id) : null;
    if (department === null || !departmentIds.has(department)) {
      notes.push(`user ${id}: department ${department ?? '(none)'} is not in the department list; shown in the top department`);
    }
    const status = STATUS[u.status];
    if (!status) notes.push(`user ${id}: status ${u.status} is not one Gatehouse knows; shown as disabled (only 1 and 2 may log in, ApiCommon.php)`);
    const title = (u.post ?? '').trim();
    return {
      id,
      login: u.username.slice(0, 64),
      name: ((u.realname ?? '').trim() || u.username).slice(0, 64),
      departmentId: department !== null && departmentIds.has(department) ? department : rootDepartmentId,
      managerId: manager !== null && ids.has(manager) ? manager : null,
      status: status ?? 'disabled',
      title: title.slice(0, 64),
      roleIds: known,
    };
  });
  if (foreignRoles > 0) {
    notes.push(`${foreignRoles} role assignments point at roles outside the four role categories (e.g. old project roles of pid 5); they are left untouched`);
  }
  return users;
}

/**
 * A role of `/admin/groups/index {tree:1}` in category `category`. `permissionIds` are the stored rule ids that
 * the catalogue holds — parents included, since the server keeps them and its permission check needs them
 * (HonrayAuth builds `m-c-a` from a tree of the role's rules, so a child without its parents grants nothing).
 * `label` carries `types` (0 ordinary, 1 super admin, 2..8 system roles): such roles cannot be deleted or disabled.
 */
export function mapRole(group: PhpGroup, category: number, permissionIds: ReadonlySet<string>, notes: PullNotes): Role {
  const stored = splitIds(group.rules);
  const known = stored.filter((p) => permissionIds.has(p));
  if (known.length < stored.length) {
    notes.push(`role ${group.id}: ${stored.length - known.length} stored rule ids are not in its category's rule tree (disabled, deleted or of another category); they are kept on the server`);
  }
  let dataScope: DataScope = 1;
  if (group.type >= 1 && group.type <= 5) dataScope = group.type as DataScope;
  else if (SCOPED_CATEGORIES.has(category)) {
    // User::getUserByPer knows only 1..5: any other value sees no records of the scoped actions.
    notes.push(`role ${group.id}: data scope ${group.type} on the server is none of 1..5 (its holders see no scoped records); shown as 本人`);
  }
  let name = group.title.trim();
  if (name === '') {
    name = unnamed('角色', group.id);
    notes.push(`role ${group.id} has no title on the server; shown as ${name}`);
  }
  return {
    id: String(group.id),
    name: name.slice(0, 255),
    groupId: String(category),
    dataScope,
    permissionIds: known,
    // 0 禁用; status is shown only: HonrayAuth and getUserByPer never read it (OBSERVED quirk 15).
    enabled: group.status !== 0,
    remark: group.remark ? group.remark.slice(0, 100) : null,
    label: group.types,
  };
}

/** The field rules of one role × column from its grant content; every field named, for the field list. */
export function mapFieldGrant(
  roleId: string,
  column: FieldGrantColumn,
  content: readonly PhpFieldGrantEntry[],
  fields: Map<string, FieldDefinition>,
  notes: PullNotes,
): FieldRule[] {
  const rules: FieldRule[] = [];
  const seen = new Set<string>();
  for (const entry of content) {
    if (seen.has(entry.field)) continue;
    seen.add(entry.field);
    if (entry.read === 0 && entry.write !== 0) notes.push(`role ${roleId}: ${column}.${entry.field} may be written but not read; shown as hidden`);
    rules.push({ roleId, module: column, field: entry.field, access: accessOf(entry.read, entry.write), mask: 'none' });
    const key = `${column}\u0000${entry.field}`;
    if (!fields.has(key)) {
      const zh = entry.name || entry.field;
      fields.set(key, { module: column, name: entry.field, label: { 'zh-CN': zh, en: CRM_FIELD_ENGLISH[zh] ?? zh }, maskable: false });
    }
  }
  return rules;
}
