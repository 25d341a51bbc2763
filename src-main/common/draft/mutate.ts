import type { FieldRule, Id, Role, User } from '../domain';
import type { DraftOperation, FieldRuleCell } from './operations';
import { missingCaseError } from './operations';
import type { WorkingSnapshot } from './workingSnapshot';
import { fieldRuleKey } from './workingSnapshot';

/**
 * The effect of one (already checked) operation on the working snapshot. Every operation is idempotent on its
 * cells: granting a granted permission, renaming to the current name, moving someone where they are: no change.
 */
export function mutate(ws: WorkingSnapshot, op: DraftOperation): void {
  switch (op.type) {
    case 'grantPermissions':
      for (const roleId of op.roleIds) ws.roles.update(roleId, (r) => withInserted(r, 'permissionIds', op.permissionIds, op.at));
      return;
    case 'revokePermissions': {
      const revoked = new Set(op.permissionIds);
      for (const roleId of op.roleIds) ws.roles.update(roleId, (r) => withRemoved(r, 'permissionIds', revoked));
      return;
    }
    case 'setDataScope':
      ws.roles.update(op.roleId, (r) => (r.dataScope === op.dataScope ? r : { ...r, dataScope: op.dataScope }));
      return;
    case 'createRole': {
      const role: Role = {
        id: op.roleId,
        name: op.name,
        groupId: op.groupId,
        dataScope: op.dataScope,
        permissionIds: [...op.permissionIds], // as given: a restore must reproduce the list exactly
        enabled: op.enabled ?? true,
        remark: op.remark ?? null,
        label: op.label ?? null,
      };
      ws.roles.insert(role, op.at);
      return;
    }
    case 'copyRole': {
      const source = ws.roles.get(op.sourceRoleId) as Role;
      // /adminRole/copy keeps type, dataType, status and label, clears remark, copies the grants (§4.2).
      ws.roles.insert({ ...source, id: op.roleId, name: op.name, remark: null, permissionIds: [...source.permissionIds] });
      return;
    }
    case 'renameRole':
      ws.roles.update(op.roleId, (r) => (r.name === op.name ? r : { ...r, name: op.name }));
      return;
    case 'deleteRole':
      deleteRole(ws, op.roleId);
      return;
    case 'assignRoles':
      for (const userId of op.userIds) ws.users.update(userId, (u) => withInserted(u, 'roleIds', op.roleIds, op.at));
      return;
    case 'unassignRoles': {
      const removed = new Set(op.roleIds);
      for (const userId of op.userIds) ws.users.update(userId, (u) => withRemoved(u, 'roleIds', removed));
      return;
    }
    case 'moveUsers':
      for (const userId of op.userIds) ws.moveUser(userId, op.departmentId);
      return;
    case 'setManager':
      ws.users.update(op.userId, (u) => (u.managerId === op.managerId ? u : { ...u, managerId: op.managerId }));
      return;
    case 'setUserStatus':
      for (const userId of op.userIds) ws.users.update(userId, (u) => (u.status === op.status ? u : { ...u, status: op.status }));
      return;
    case 'createDepartment':
      ws.insertDepartment(
        { id: op.departmentId, parentId: op.parentId, name: op.name, headUserId: null, sort: op.sort ?? 0 },
        op.at,
      );
      return;
    case 'renameDepartment':
      ws.departments.update(op.departmentId, (d) => (d.name === op.name ? d : { ...d, name: op.name }));
      return;
    case 'moveDepartment':
      ws.reparentDepartment(op.departmentId, op.parentId);
      return;
    case 'deleteDepartment':
      ws.removeDepartment(op.departmentId);
      return;
    case 'setDepartmentHead':
      ws.departments.update(op.departmentId, (d) => (d.headUserId === op.headUserId ? d : { ...d, headUserId: op.headUserId }));
      return;
    case 'setFieldRules':
      setFieldRules(ws, op.cells);
      return;
    default:
      throw missingCaseError(op);
  }
}

type ListKey<T> = { [K in keyof T]: T[K] extends Id[] ? K : never }[keyof T];

/** Adds the ids not yet present, at their `at` positions when given (restore hints), else at the end. */
function withInserted<T extends Role | User>(row: T, key: ListKey<T>, ids: readonly Id[], at?: readonly number[]): T {
  const current = row[key] as Id[];
  const present = new Set(current);
  let next: Id[] | null = null;
  ids.forEach((id, i) => {
    if (present.has(id)) return;
    present.add(id);
    next ??= current.slice();
    const position = at?.[i];
    if (position === undefined || position >= next.length) next.push(id);
    else next.splice(position, 0, id);
  });
  return next ? { ...row, [key]: next } : row;
}

function withRemoved<T extends Role | User>(row: T, key: ListKey<T>, ids: ReadonlySet<Id>): T {
  const current = row[key] as Id[];
  if (!current.some((id) => ids.has(id))) return row;
  return { ...row, [key]: current.filter((id) => !ids.has(id)) };
}

/** /adminRole/delete also drops the role's memberships; its field rules go with it here (the server leaves them orphaned). */
function deleteRole(ws: WorkingSnapshot, roleId: Id): void {
  ws.roles.remove(roleId);
  for (const user of ws.users.all) {
    if (user.roleIds.includes(roleId)) ws.users.update(user.id, (u) => ({ ...u, roleIds: u.roleIds.filter((r) => r !== roleId) }));
  }
  const orphaned = ws.fieldRules.all.filter((r) => r.roleId === roleId);
  ws.fieldRules.removeKeys(new Set(orphaned.map((r) => fieldRuleKey(r.roleId, r.module, r.field))));
}

/**
 * Cells take effect in order. Removals and positioned inserts shift the rows after them, so runs of them are
 * gathered and done in one pass each (a role's 100+ rules on a 20k-person organisation's 24k-row table would
 * otherwise re-index the table per cell). A cell touching a key already gathered flushes first, which keeps
 * the result identical to one-by-one application.
 */
function setFieldRules(ws: WorkingSnapshot, cells: readonly FieldRuleCell[]): void {
  const removals = new Set<string>();
  const inserts: Array<{ row: FieldRule; at: number; key: string }> = [];
  const flush = () => {
    ws.fieldRules.removeKeys(removals);
    removals.clear();
    ws.fieldRules.insertAscending(inserts);
    inserts.length = 0;
  };
  for (const cell of cells) {
    const key = fieldRuleKey(cell.roleId, cell.module, cell.field);
    if (removals.has(key) || inserts.some((i) => i.key === key)) flush();
    const existing = ws.fieldRules.get(key);
    if (cell.remove) {
      if (!existing) continue;
      if (inserts.length > 0) flush();
      removals.add(key);
    } else if (!existing) {
      // A new rule starts from the CRM default (edit, no mask: `queryRoleField` initialises rows so, §6).
      const row: FieldRule = { roleId: cell.roleId, module: cell.module, field: cell.field, access: cell.access ?? 'edit', mask: cell.mask ?? 'none' };
      const last = inserts[inserts.length - 1];
      if (cell.at === undefined || removals.size > 0 || (last && cell.at <= last.at)) flush();
      if (cell.at === undefined) ws.fieldRules.insert(row);
      else inserts.push({ row, at: cell.at, key });
    } else {
      const access = cell.access ?? existing.access;
      const mask = cell.mask ?? existing.mask;
      if (access !== existing.access || mask !== existing.mask) ws.fieldRules.update(key, (r) => ({ ...r, access, mask }));
    }
  }
  flush();
}
