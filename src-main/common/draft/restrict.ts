import type { Id } from '../domain';
import type { CellRef } from './cells';
import type { DraftOperation, FieldRuleCell } from './operations';
import { missingCaseError } from './operations';

/**
 * The cells an operation writes. Creating or deleting an entity is one existence cell (its attributes come
 * with it); every other operation is a set of independent cells, e.g. a paint is roleIds × permissionIds.
 */
export function operationCells(op: DraftOperation): CellRef[] {
  switch (op.type) {
    case 'grantPermissions':
    case 'revokePermissions':
      return op.roleIds.flatMap((roleId) => op.permissionIds.map((permissionId): CellRef => ({ kind: 'rolePermission', roleId, permissionId })));
    case 'setDataScope':
      return [{ kind: 'roleScope', roleId: op.roleId }];
    case 'createRole':
    case 'copyRole':
    case 'deleteRole':
      return [{ kind: 'role', roleId: op.roleId }];
    case 'renameRole':
      return [{ kind: 'roleName', roleId: op.roleId }];
    case 'assignRoles':
    case 'unassignRoles':
      return op.userIds.flatMap((userId) => op.roleIds.map((roleId): CellRef => ({ kind: 'membership', userId, roleId })));
    case 'moveUsers':
      return op.userIds.map((userId) => ({ kind: 'userDepartment', userId }));
    case 'setManager':
      return [{ kind: 'userManager', userId: op.userId }];
    case 'setUserStatus':
      return op.userIds.map((userId) => ({ kind: 'userStatus', userId }));
    case 'createDepartment':
    case 'deleteDepartment':
      return [{ kind: 'department', departmentId: op.departmentId }];
    case 'renameDepartment':
      return [{ kind: 'departmentName', departmentId: op.departmentId }];
    case 'moveDepartment':
      return [{ kind: 'departmentParent', departmentId: op.departmentId }];
    case 'setDepartmentHead':
      return [{ kind: 'departmentHead', departmentId: op.departmentId }];
    case 'setFieldRules':
      return op.cells.map(fieldCellRef);
    default:
      throw missingCaseError(op);
  }
}

export const fieldCellRef = (c: FieldRuleCell): CellRef => ({ kind: 'fieldRule', roleId: c.roleId, module: c.module, field: c.field });

/**
 * The operation cut down to the cells `keep` accepts: unchanged (the same object) when it keeps them all,
 * nothing when it keeps none, otherwise the fewest operations covering the kept cells. A rectangle that loses
 * some cells becomes one operation per group of rows with the same kept columns.
 */
export function restrictOperation(op: DraftOperation, keep: (ref: CellRef) => boolean): DraftOperation[] {
  const cells = operationCells(op);
  const kept = cells.map(keep);
  if (kept.every(Boolean)) return [op];
  if (!kept.some(Boolean)) return [];
  switch (op.type) {
    case 'grantPermissions': {
      return regroup(op.roleIds, op.permissionIds, kept).map(([roleIds, permissionIds, columns]) =>
        op.at && roleIds.length === 1
          ? { type: 'grantPermissions', roleIds, permissionIds, at: columns.map((c) => op.at?.[c] ?? 0) }
          : { type: 'grantPermissions', roleIds, permissionIds },
      );
    }
    case 'revokePermissions':
      return regroup(op.roleIds, op.permissionIds, kept).map(([roleIds, permissionIds]) => ({ type: 'revokePermissions', roleIds, permissionIds }));
    case 'assignRoles':
      return regroup(op.userIds, op.roleIds, kept).map(([userIds, roleIds, columns]) =>
        op.at && userIds.length === 1
          ? { type: 'assignRoles', userIds, roleIds, at: columns.map((c) => op.at?.[c] ?? 0) }
          : { type: 'assignRoles', userIds, roleIds },
      );
    case 'unassignRoles':
      return regroup(op.userIds, op.roleIds, kept).map(([userIds, roleIds]) => ({ type: 'unassignRoles', userIds, roleIds }));
    case 'moveUsers':
      return [{ ...op, userIds: op.userIds.filter((_, i) => kept[i]) }];
    case 'setUserStatus':
      return [{ ...op, userIds: op.userIds.filter((_, i) => kept[i]) }];
    case 'setFieldRules':
      return [{ ...op, cells: op.cells.filter((_, i) => kept[i]) }];
    default:
      // Single-cell operations are kept whole or dropped whole above.
      throw new Error(`operation ${op.type} has one cell; it cannot be partly kept`);
  }
}

/**
 * rows × columns with a kept-flag per cell (row-major) → [rows, kept columns, their column indexes] groups,
 * rows with identical kept columns sharing one group, in first-seen order.
 */
function regroup(rows: readonly Id[], columns: readonly Id[], kept: readonly boolean[]): Array<[Id[], Id[], number[]]> {
  const groups = new Map<string, [Id[], Id[], number[]]>();
  rows.forEach((row, r) => {
    const indexes = columns.map((_, c) => c).filter((c) => kept[r * columns.length + c]);
    if (indexes.length === 0) return;
    const signature = indexes.join(',');
    const group = groups.get(signature);
    if (group) group[0].push(row);
    else groups.set(signature, [[row], indexes.map((c) => columns[c] as Id), indexes]);
  });
  return [...groups.values()];
}
