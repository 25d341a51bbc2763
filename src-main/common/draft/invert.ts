import type { Id, Snapshot } from '../domain';
import { mutate } from './mutate';
import type { DraftBatch, DraftOperation, FieldRuleCell } from './operations';
import { missingCaseError, opsOf } from './operations';
import { DraftRejectedError, isError } from './problems';
import { checkOperation } from './validate';
import { WorkingSnapshot, fieldRuleKey } from './workingSnapshot';

/**
 * The batch that undoes `batch` on `before`: apply(apply(before, batch), invert(before, batch)) deep-equals
 * `before`, list order included (hence the `at` restore hints). Each operation is inverted against the state
 * its predecessors left, and the inverses run in reverse order. Apply the inverse with `rules: 'structural'`.
 * Throws `DraftRejectedError` if the batch does not apply to `before` at all.
 */
export function invert(before: Snapshot, batch: DraftBatch): DraftBatch;
export function invert(before: Snapshot, ops: readonly DraftOperation[]): DraftOperation[];
export function invert(before: Snapshot, input: DraftBatch | readonly DraftOperation[]): DraftBatch | DraftOperation[] {
  const ws = new WorkingSnapshot(before);
  const inverses: DraftOperation[][] = [];
  opsOf(input).forEach((op, i) => {
    const [first, ...rest] = checkOperation(ws, op, i, 'structural').filter(isError);
    if (first) throw new DraftRejectedError([first, ...rest]);
    inverses.push(op.type === 'setFieldRules' ? invertFieldRules(ws, op.cells) : invertOne(ws, op));
    if (op.type !== 'setFieldRules') mutate(ws, op);
  });
  const ops = inverses.reverse().flat();
  if (Array.isArray(input)) return ops;
  const batch = input as DraftBatch;
  return { id: `${batch.id}:undo`, ...(batch.label === undefined ? {} : { label: batch.label }), ops };
}

function invertOne(ws: WorkingSnapshot, op: Exclude<DraftOperation, { type: 'setFieldRules' }>): DraftOperation[] {
  switch (op.type) {
    case 'grantPermissions':
      return groupedByIds(unique(op.roleIds), (roleId) => added(ws.roles.get(roleId)?.permissionIds ?? [], op.permissionIds)).map(
        ([roleIds, permissionIds]) => ({ type: 'revokePermissions', roleIds, permissionIds }),
      );
    case 'revokePermissions':
      return unique(op.roleIds).flatMap((roleId): DraftOperation[] => {
        const removed = removedWithPositions(ws.roles.get(roleId)?.permissionIds ?? [], op.permissionIds);
        return removed.ids.length === 0 ? [] : [{ type: 'grantPermissions', roleIds: [roleId], permissionIds: removed.ids, at: removed.at }];
      });
    case 'setDataScope': {
      const role = ws.roles.get(op.roleId);
      return role && role.dataScope !== op.dataScope ? [{ type: 'setDataScope', roleId: op.roleId, dataScope: role.dataScope }] : [];
    }
    case 'createRole':
    case 'copyRole':
      return [{ type: 'deleteRole', roleId: op.roleId }];
    case 'renameRole': {
      const role = ws.roles.get(op.roleId);
      return role && role.name !== op.name ? [{ type: 'renameRole', roleId: op.roleId, name: role.name }] : [];
    }
    case 'deleteRole':
      return restoreRole(ws, op.roleId);
    case 'assignRoles':
      return groupedByIds(unique(op.userIds), (userId) => added(ws.users.get(userId)?.roleIds ?? [], op.roleIds)).map(
        ([userIds, roleIds]) => ({ type: 'unassignRoles', userIds, roleIds }),
      );
    case 'unassignRoles':
      return unique(op.userIds).flatMap((userId): DraftOperation[] => {
        const removed = removedWithPositions(ws.users.get(userId)?.roleIds ?? [], op.roleIds);
        return removed.ids.length === 0 ? [] : [{ type: 'assignRoles', userIds: [userId], roleIds: removed.ids, at: removed.at }];
      });
    case 'moveUsers':
      return groupBy(unique(op.userIds), (userId) => ws.users.get(userId)?.departmentId)
        .filter(([departmentId]) => departmentId !== op.departmentId)
        .map(([departmentId, userIds]) => ({ type: 'moveUsers', userIds, departmentId }));
    case 'setManager': {
      const user = ws.users.get(op.userId);
      return user && user.managerId !== op.managerId ? [{ type: 'setManager', userId: op.userId, managerId: user.managerId }] : [];
    }
    case 'setUserStatus':
      return groupBy(unique(op.userIds), (userId) => ws.users.get(userId)?.status)
        .filter(([status]) => status !== op.status)
        .map(([status, userIds]) => ({ type: 'setUserStatus', userIds, status }));
    case 'createDepartment':
      return [{ type: 'deleteDepartment', departmentId: op.departmentId }];
    case 'renameDepartment': {
      const d = ws.departments.get(op.departmentId);
      return d && d.name !== op.name ? [{ type: 'renameDepartment', departmentId: d.id, name: d.name }] : [];
    }
    case 'moveDepartment': {
      const d = ws.departments.get(op.departmentId);
      if (!d || d.parentId === op.parentId) return [];
      if (d.parentId === null) throw new Error('the top-level department cannot be moved'); // validate refuses it (a cycle)
      return [{ type: 'moveDepartment', departmentId: d.id, parentId: d.parentId }];
    }
    case 'deleteDepartment': {
      const d = ws.departments.get(op.departmentId);
      const at = ws.departments.position(op.departmentId);
      if (!d || at === undefined) return [];
      if (d.parentId === null) throw new Error('the top-level department cannot be deleted and restored');
      const restore: DraftOperation[] = [{ type: 'createDepartment', departmentId: d.id, parentId: d.parentId, name: d.name, sort: d.sort, at }];
      if (d.headUserId !== null) restore.push({ type: 'setDepartmentHead', departmentId: d.id, headUserId: d.headUserId });
      return restore;
    }
    case 'setDepartmentHead': {
      const d = ws.departments.get(op.departmentId);
      return d && d.headUserId !== op.headUserId ? [{ type: 'setDepartmentHead', departmentId: d.id, headUserId: d.headUserId }] : [];
    }
    default:
      throw missingCaseError(op);
  }
}

/** Everything `deleteRole` takes away, put back where it was: the row, each membership's position, the field rules. */
function restoreRole(ws: WorkingSnapshot, roleId: Id): DraftOperation[] {
  const role = ws.roles.get(roleId);
  const at = ws.roles.position(roleId);
  if (!role || at === undefined) return [];
  const ops: DraftOperation[] = [
    {
      type: 'createRole',
      roleId,
      name: role.name,
      groupId: role.groupId,
      dataScope: role.dataScope,
      permissionIds: [...role.permissionIds],
      enabled: role.enabled,
      remark: role.remark,
      label: role.label,
      at,
    },
  ];
  for (const user of ws.users.all) {
    const position = user.roleIds.indexOf(roleId);
    if (position >= 0) ops.push({ type: 'assignRoles', userIds: [user.id], roleIds: [roleId], at: [position] });
  }
  const cells: FieldRuleCell[] = [];
  ws.fieldRules.all.forEach((rule, i) => {
    if (rule.roleId === roleId) cells.push({ roleId, module: rule.module, field: rule.field, access: rule.access, mask: rule.mask, at: i });
  });
  if (cells.length > 0) ops.push({ type: 'setFieldRules', cells });
  return ops;
}

/** Cells run in order and may touch one rule twice, so each is inverted against the state the previous left. */
function invertFieldRules(ws: WorkingSnapshot, cells: readonly FieldRuleCell[]): DraftOperation[] {
  const inverse: FieldRuleCell[] = [];
  for (const cell of cells) {
    const key = fieldRuleKey(cell.roleId, cell.module, cell.field);
    const existing = ws.fieldRules.get(key);
    const at = ws.fieldRules.position(key);
    const where = { roleId: cell.roleId, module: cell.module, field: cell.field };
    if (existing && at !== undefined) {
      const changes = cell.remove || (cell.access ?? existing.access) !== existing.access || (cell.mask ?? existing.mask) !== existing.mask;
      if (changes) inverse.push({ ...where, access: existing.access, mask: existing.mask, ...(cell.remove ? { at } : {}) });
    } else if (!cell.remove) {
      inverse.push({ ...where, remove: true });
    }
    mutate(ws, { type: 'setFieldRules', cells: [cell] });
  }
  return inverse.length === 0 ? [] : [{ type: 'setFieldRules', cells: inverse.reverse() }];
}

function unique(ids: readonly Id[]): Id[] {
  return [...new Set(ids)];
}

/** The ids of `adding` not yet in `current` (each once). */
function added(current: readonly Id[], adding: readonly Id[]): Id[] {
  const present = new Set(current);
  return unique(adding).filter((id) => !present.has(id));
}

/** The ids of `current` that `removing` takes out, with their positions, ascending (the order a restore needs). */
function removedWithPositions(current: readonly Id[], removing: readonly Id[]): { ids: Id[]; at: number[] } {
  const gone = new Set(removing);
  const ids: Id[] = [];
  const at: number[] = [];
  current.forEach((id, i) => {
    if (gone.has(id)) {
      ids.push(id);
      at.push(i);
    }
  });
  return { ids, at };
}

/** Keys to the ids list each maps to, grouping keys with identical lists so one operation covers them. */
function groupedByIds(keys: readonly Id[], idsOf: (key: Id) => Id[]): Array<[Id[], Id[]]> {
  const groups = new Map<string, [Id[], Id[]]>();
  for (const key of keys) {
    const ids = idsOf(key);
    if (ids.length === 0) continue;
    const signature = JSON.stringify(ids);
    const group = groups.get(signature);
    if (group) group[0].push(key);
    else groups.set(signature, [[key], ids]);
  }
  return [...groups.values()];
}

function groupBy<V>(keys: readonly Id[], valueOf: (key: Id) => V | undefined): Array<[V, Id[]]> {
  const groups = new Map<V, Id[]>();
  for (const key of keys) {
    const value = valueOf(key);
    if (value === undefined) continue;
    const list = groups.get(value);
    if (list) list.push(key);
    else groups.set(value, [key]);
  }
  return [...groups.entries()];
}
