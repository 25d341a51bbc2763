import type { DataScope, Department, FieldRule, Role, User, UserStatus } from '../../../common/domain';
import { CRM_MODULE_BY_LABEL } from '../../../common/wukong';
import type { WukongDept, WukongRole, WukongRoleField, WukongUser } from '../schemas';

/**
 * Server rows → domain rows (ids as strings). Where the server holds something the domain cannot (a manager
 * who no longer exists, a role of a type the console does not list), the value is dropped and a note says so:
 * nothing is invented.
 */
export type PullNotes = string[];

export function mapDepartments(depts: readonly WukongDept[], userIds: ReadonlySet<string>, notes: PullNotes): Department[] {
  return depts.map((d) => {
    const head = d.ownerUserId ? String(d.ownerUserId) : null;
    if (head !== null && !userIds.has(head)) notes.push(`department ${d.deptId}: head ${head} is not a current user; shown without a head`);
    return {
      id: String(d.deptId),
      // pid 0 = the single top-level department (§2).
      parentId: d.pid === 0 ? null : String(d.pid),
      name: d.name,
      headUserId: head !== null && userIds.has(head) ? head : null,
      sort: 0,
    };
  });
}

/** status 1 normal, 2 not yet activated, 0 disabled (§3). */
const STATUS: Readonly<Record<number, UserStatus>> = { 0: 'disabled', 1: 'active', 2: 'inactive' };

export function mapUsers(users: readonly WukongUser[], roleIds: ReadonlySet<string>, rootDeptId: string, notes: PullNotes): User[] {
  const ids = new Set(users.map((u) => String(u.userId)));
  let foreignRoles = 0;
  const mapped = users.map((u): User => {
    const id = String(u.userId);
    const held = (u.roleId ?? '').split(',').map((s) => s.trim()).filter((s) => /^\d+$/.test(s));
    const known = held.filter((r) => roleIds.has(r));
    foreignRoles += held.length - known.length;
    const manager = u.parentId ? String(u.parentId) : null;
    if (manager !== null && !ids.has(manager)) notes.push(`user ${id}: manager ${manager} is not a current user; shown without a manager`);
    if (u.deptId === null || u.deptId === undefined) notes.push(`user ${id} has no department on the server; shown in the top department`);
    return {
      id,
      login: u.username,
      name: u.realname || u.username,
      departmentId: u.deptId === null || u.deptId === undefined ? rootDeptId : String(u.deptId),
      managerId: manager !== null && ids.has(manager) ? manager : null,
      status: STATUS[u.status] as UserStatus,
      title: u.post ?? '',
      roleIds: [...new Set(known)],
    };
  });
  if (foreignRoles > 0) notes.push(`${foreignRoles} role assignments point at project-member roles (types 5/6) that getAllRoleList does not list; they are left untouched`);
  return mapped;
}

/** `rules.data` + `rules.bi`: only menus at levels 2–3 are reported (§4.2); duplicates collapse. */
export function mapRole(role: WukongRole): Role {
  return {
    id: String(role.roleId),
    name: role.roleName,
    groupId: String(role.roleType),
    dataScope: role.dataType as DataScope,
    permissionIds: [...new Set([...(role.rules.data ?? []), ...(role.rules.bi ?? [])].map(String))],
    enabled: role.status !== 0,
    remark: role.remark ?? null,
    label: role.label ?? null,
  };
}

const ACCESS = { 1: 'hidden', 2: 'read', 3: 'edit' } as const;
const MASK = { 0: 'none', 1: 'list', 2: 'listDetail' } as const;

/** authLevel 1/2/3 → hidden/read/edit; maskType 0/1/2 → none/list/listDetail (§6). */
export function mapFieldRule(row: WukongRoleField): FieldRule | null {
  const module = CRM_MODULE_BY_LABEL[row.label];
  if (!module) return null;
  return {
    roleId: String(row.roleId),
    module,
    field: row.fieldName,
    access: ACCESS[row.authLevel as 1 | 2 | 3],
    mask: MASK[row.maskType as 0 | 1 | 2],
  };
}

export const ACCESS_LEVEL = { hidden: 1, read: 2, edit: 3 } as const;
export const MASK_TYPE = { none: 0, list: 1, listDetail: 2 } as const;
