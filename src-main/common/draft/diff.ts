import type { Department, FieldRule, Id, Role, Snapshot, User } from '../domain';
import type { CellChange } from './cells';
import { change } from './cells';
import { departmentSummary, roleSummary, userSummary } from './cellValue';
import { fieldRuleKey } from './workingSnapshot';
import { WorkingTable } from './workingTable';

/**
 * Every cell that differs between two snapshots, grouped by kind (roles, permissions, people, departments,
 * field rules). Rows the two snapshots share by identity are skipped, so diffing a draft's projection against
 * its base costs what the draft touched, not the size of the organisation.
 *
 * A created role reports its existence plus its grants, members and field rules (all "from nothing").
 * A deleted role reports its existence and its lost members (people notice those); its grants and field rules
 * go with it and are not listed one by one. The same holds for departments.
 */
export function diffSnapshots(before: Snapshot, after: Snapshot): CellChange[] {
  if (before === after) return [];
  const out: CellChange[] = [];
  if (before.roles !== after.roles) diffRoles(before.roles, after.roles, out);
  if (before.users !== after.users) diffUsers(before.users, after.users, out);
  if (before.departments !== after.departments) diffDepartments(before.departments, after.departments, out);
  if (before.fieldRules !== after.fieldRules) diffFieldRules(before, after, out);
  return out;
}

/** Id lookups through the cached indexes of WorkingTable: no 20k-entry map rebuilt per diff. */
function byId<T extends { id: Id }>(rows: readonly T[]): WorkingTable<T> {
  return new WorkingTable(rows, (r) => r.id);
}

function diffRoles(before: readonly Role[], after: readonly Role[], out: CellChange[]): void {
  const old = byId(before);
  const now = byId(after);
  for (const r of after) {
    const b = old.get(r.id);
    if (b === r) continue;
    if (!b) {
      out.push(change({ kind: 'role', roleId: r.id }, null, roleSummary(r)));
      for (const permissionId of new Set(r.permissionIds)) out.push(change({ kind: 'rolePermission', roleId: r.id, permissionId }, false, true));
      continue;
    }
    if (b.name !== r.name) out.push(change({ kind: 'roleName', roleId: r.id }, b.name, r.name));
    if (b.dataScope !== r.dataScope) out.push(change({ kind: 'roleScope', roleId: r.id }, b.dataScope, r.dataScope));
    if (b.permissionIds !== r.permissionIds) {
      const [gained, lost] = setDifference(b.permissionIds, r.permissionIds);
      for (const permissionId of gained) out.push(change({ kind: 'rolePermission', roleId: r.id, permissionId }, false, true));
      for (const permissionId of lost) out.push(change({ kind: 'rolePermission', roleId: r.id, permissionId }, true, false));
    }
  }
  for (const b of before) if (!now.has(b.id)) out.push(change({ kind: 'role', roleId: b.id }, roleSummary(b), null));
}

function diffUsers(before: readonly User[], after: readonly User[], out: CellChange[]): void {
  const old = byId(before);
  const now = byId(after);
  for (const u of after) {
    const b = old.get(u.id);
    if (b === u) continue;
    if (!b) {
      out.push(change({ kind: 'user', userId: u.id }, null, userSummary(u)));
      for (const roleId of new Set(u.roleIds)) out.push(change({ kind: 'membership', userId: u.id, roleId }, false, true));
      continue;
    }
    if (b.departmentId !== u.departmentId) out.push(change({ kind: 'userDepartment', userId: u.id }, b.departmentId, u.departmentId));
    if (b.managerId !== u.managerId) out.push(change({ kind: 'userManager', userId: u.id }, b.managerId, u.managerId));
    if (b.status !== u.status) out.push(change({ kind: 'userStatus', userId: u.id }, b.status, u.status));
    if (b.roleIds !== u.roleIds) {
      const [gained, lost] = setDifference(b.roleIds, u.roleIds);
      for (const roleId of gained) out.push(change({ kind: 'membership', userId: u.id, roleId }, false, true));
      for (const roleId of lost) out.push(change({ kind: 'membership', userId: u.id, roleId }, true, false));
    }
  }
  for (const b of before) if (!now.has(b.id)) out.push(change({ kind: 'user', userId: b.id }, userSummary(b), null));
}

function diffDepartments(before: readonly Department[], after: readonly Department[], out: CellChange[]): void {
  const old = byId(before);
  const now = byId(after);
  for (const d of after) {
    const b = old.get(d.id);
    if (b === d) continue;
    if (!b) {
      out.push(change({ kind: 'department', departmentId: d.id }, null, departmentSummary(d)));
      continue;
    }
    if (b.name !== d.name) out.push(change({ kind: 'departmentName', departmentId: d.id }, b.name, d.name));
    if (b.parentId !== d.parentId) out.push(change({ kind: 'departmentParent', departmentId: d.id }, b.parentId, d.parentId));
    if (b.headUserId !== d.headUserId) out.push(change({ kind: 'departmentHead', departmentId: d.id }, b.headUserId, d.headUserId));
  }
  for (const b of before) if (!now.has(b.id)) out.push(change({ kind: 'department', departmentId: b.id }, departmentSummary(b), null));
}

function diffFieldRules(before: Snapshot, after: Snapshot, out: CellChange[]): void {
  // Rows are shared by identity where nothing changed: compare objects first, build keys only for the rest.
  const kept = new Set(after.fieldRules);
  const was = new Set(before.fieldRules);
  const key = (r: FieldRule) => fieldRuleKey(r.roleId, r.module, r.field);
  const gone = new Map(before.fieldRules.filter((r) => !kept.has(r)).map((r) => [key(r), r]));
  const rolesAfter = new Set(after.roles.map((r) => r.id));
  const seen = new Set<string>();
  for (const r of after.fieldRules) {
    if (was.has(r)) continue;
    const k = key(r);
    seen.add(k);
    const b = gone.get(k);
    if (b && b.access === r.access && b.mask === r.mask) continue;
    const ref = { kind: 'fieldRule' as const, roleId: r.roleId, module: r.module, field: r.field };
    out.push(change(ref, b ? { access: b.access, mask: b.mask } : null, { access: r.access, mask: r.mask }));
  }
  for (const [k, b] of gone) {
    if (seen.has(k) || !rolesAfter.has(b.roleId)) continue; // a deleted role's rules go with it
    out.push(change({ kind: 'fieldRule', roleId: b.roleId, module: b.module, field: b.field }, { access: b.access, mask: b.mask }, null));
  }
}

/** [in `after` but not `before`, in `before` but not `after`], each id once, in list order. */
function setDifference(before: readonly Id[], after: readonly Id[]): [Id[], Id[]] {
  const b = new Set(before);
  const a = new Set(after);
  return [[...a].filter((id) => !b.has(id)), [...b].filter((id) => !a.has(id))];
}
