/**
 * What the emulator's tables hold, in the shapes a pulled Snapshot uses, read straight from SQLite (not through
 * HTTP, not through connector code) so that tests compare the connector's view with the server's truth.
 */
import type { Snapshot } from '../../../src-main/common/domain';
import type { RunningEmulator } from '../../wukong-emulator';

const LISTED_ROLE_TYPES = new Set([1, 2, 7, 8, 9, 10]);
const ACCESS = ['', 'hidden', 'read', 'edit'] as const;
const MASK = ['none', 'list', 'listDetail'] as const;
const STATUS = ['disabled', 'active', 'inactive'] as const;

/** Menu ids `getRoleByType` can report: parent is a root or a child of a root (§4.2). */
function visibleMenuIds(emu: RunningEmulator): Set<number> {
  const rows = emu.state.db.prepare('SELECT menu_id AS id, parent_id AS parent FROM wk_admin_menu').all() as Array<{ id: number; parent: number }>;
  const parent = new Map(rows.map((r) => [r.id, r.parent]));
  return new Set(rows.filter((r) => r.parent !== 0 && (parent.get(r.parent) === 0 || parent.get(parent.get(r.parent) ?? -1) === 0)).map((r) => r.id));
}

export interface ServerView {
  departments: Array<{ id: string; parentId: string | null; name: string; headUserId: string | null }>;
  users: Array<{ id: string; login: string; name: string; departmentId: string; managerId: string | null; status: string; roleIds: string[] }>;
  roles: Array<{ id: string; name: string; groupId: string; dataScope: number; permissionIds: string[] }>;
  fieldRules: Array<{ roleId: string; module: string; field: string; access: string; mask: string }>;
}

export function serverView(emu: RunningEmulator): ServerView {
  const visible = visibleMenuIds(emu);
  const roles = emu.state.roles().filter((r) => r.roleType !== null && LISTED_ROLE_TYPES.has(r.roleType));
  const roleIds = new Set(roles.map((r) => r.roleId));
  const labels = { 1: 'leads', 2: 'customer', 3: 'contacts', 4: 'product', 5: 'business', 6: 'contract', 7: 'receivables', 8: 'receivablesPlan', 10: 'marketing', 17: 'visit', 18: 'invoice' } as Record<number, string>;
  const fieldRows = emu.state.db
    .prepare('SELECT role_id AS roleId, label, field_name AS field, auth_level AS authLevel, mask_type AS maskType FROM wk_crm_role_field ORDER BY id')
    .all() as Array<{ roleId: number; label: number; field: string; authLevel: number; maskType: number }>;
  return {
    departments: emu.state
      .departments()
      .map((d) => ({ id: String(d.deptId), parentId: d.pid === 0 ? null : String(d.pid), name: d.name, headUserId: d.ownerUserId ? String(d.ownerUserId) : null }))
      .sort(byId),
    users: emu.state
      .users()
      .map((u) => ({
        id: String(u.userId),
        login: u.username,
        name: u.realname || u.username,
        departmentId: String(u.deptId),
        managerId: u.parentId ? String(u.parentId) : null,
        status: STATUS[u.status] as string,
        roleIds: [...new Set(u.roleIds.filter((r) => roleIds.has(r)).map(String))].sort(),
      }))
      .sort(byId),
    roles: roles
      .map((r) => ({
        id: String(r.roleId),
        name: r.roleName ?? '',
        groupId: String(r.roleType),
        dataScope: r.dataType,
        permissionIds: [...new Set(r.menuIds.filter((m) => visible.has(m)).map(String))].sort(),
      }))
      .sort(byId),
    fieldRules: fieldRows
      .filter((r) => roleIds.has(r.roleId) && labels[r.label])
      .map((r) => ({ roleId: String(r.roleId), module: labels[r.label] as string, field: r.field, access: ACCESS[r.authLevel] as string, mask: MASK[r.maskType] as string }))
      .sort(byRule),
  };
}

/** The same view of a pulled (or projected) snapshot. */
export function snapshotView(snapshot: Snapshot): ServerView {
  return {
    departments: snapshot.departments.map((d) => ({ id: d.id, parentId: d.parentId, name: d.name, headUserId: d.headUserId })).sort(byId),
    users: snapshot.users
      .map((u) => ({ id: u.id, login: u.login, name: u.name, departmentId: u.departmentId, managerId: u.managerId, status: u.status, roleIds: [...new Set(u.roleIds)].sort() }))
      .sort(byId),
    roles: snapshot.roles
      .map((r) => ({ id: r.id, name: r.name, groupId: r.groupId, dataScope: r.dataScope, permissionIds: [...new Set(r.permissionIds)].sort() }))
      .sort(byId),
    fieldRules: snapshot.fieldRules.map((r) => ({ roleId: r.roleId, module: r.module, field: r.field, access: r.access, mask: r.mask })).sort(byRule),
  };
}

function byId(a: { id: string }, b: { id: string }): number {
  return Number(a.id) - Number(b.id);
}
function byRule(a: { roleId: string; module: string; field: string }, b: { roleId: string; module: string; field: string }): number {
  return Number(a.roleId) - Number(b.roleId) || a.module.localeCompare(b.module) || a.field.localeCompare(b.field);
}
