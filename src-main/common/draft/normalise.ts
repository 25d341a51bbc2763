import type { Snapshot } from '../domain';
import type { CellRef } from './cells';
import { readCell } from './cellValue';
import { mutate } from './mutate';
import type { DraftBatch, DraftOperation, FieldRuleCell } from './operations';
import { opsOf } from './operations';
import { DraftRejectedError, isError } from './problems';
import { restrictOperation } from './restrict';
import { checkOperation } from './validate';
import { WorkingSnapshot, fieldRuleKey } from './workingSnapshot';

/**
 * The same draft without its no-op cells (granting what is granted, moving someone where they are, renaming to
 * the current name — which the server would even answer with 1117, reference §4.2). Operations left with no
 * cell disappear; each cell is judged against the state the earlier operations leave. The result applies to
 * the same snapshot as the input and gives the same result. Throws `DraftRejectedError` on a broken draft.
 */
export function normaliseOps(snapshot: Snapshot, input: readonly DraftOperation[] | DraftBatch): DraftOperation[] {
  const ws = new WorkingSnapshot(snapshot);
  const out: DraftOperation[] = [];
  opsOf(input).forEach((op, i) => {
    const [first, ...rest] = checkOperation(ws, op, i, 'structural').filter(isError);
    if (first) throw new DraftRejectedError([first, ...rest]);
    const kept = op.type === 'setFieldRules' ? keepChangingFieldCells(ws, op.cells) : restrictOperation(op, (ref) => changes(ws, op, ref));
    for (const k of kept) if (op.type !== 'setFieldRules') mutate(ws, k);
    out.push(...kept);
  });
  return out;
}

/** Whether `op` would change this one of its cells in the current state. */
function changes(ws: WorkingSnapshot, op: DraftOperation, ref: CellRef): boolean {
  switch (ref.kind) {
    case 'rolePermission':
      return readCell(ws, ref) === (op.type === 'revokePermissions');
    case 'membership':
      return readCell(ws, ref) === (op.type === 'unassignRoles');
    case 'roleScope':
      return op.type === 'setDataScope' && readCell(ws, ref) !== op.dataScope;
    case 'roleName':
      return op.type === 'renameRole' && readCell(ws, ref) !== op.name;
    case 'userDepartment':
      return op.type === 'moveUsers' && readCell(ws, ref) !== op.departmentId;
    case 'userManager':
      return op.type === 'setManager' && readCell(ws, ref) !== op.managerId;
    case 'userStatus':
      return op.type === 'setUserStatus' && readCell(ws, ref) !== op.status;
    case 'departmentName':
      return op.type === 'renameDepartment' && readCell(ws, ref) !== op.name;
    case 'departmentParent':
      return op.type === 'moveDepartment' && readCell(ws, ref) !== op.parentId;
    case 'departmentHead':
      return op.type === 'setDepartmentHead' && readCell(ws, ref) !== op.headUserId;
    default:
      return true; // creating or deleting an entity always changes something
  }
}

/** Field cells run in order, so each is judged after the previous one took effect. */
function keepChangingFieldCells(ws: WorkingSnapshot, cells: readonly FieldRuleCell[]): DraftOperation[] {
  const kept: FieldRuleCell[] = [];
  for (const cell of cells) {
    const existing = ws.fieldRules.get(fieldRuleKey(cell.roleId, cell.module, cell.field));
    const effective = cell.remove
      ? existing !== undefined
      : !existing || (cell.access ?? existing.access) !== existing.access || (cell.mask ?? existing.mask) !== existing.mask;
    if (!effective) continue;
    kept.push(cell);
    mutate(ws, { type: 'setFieldRules', cells: [cell] });
  }
  return kept.length === 0 ? [] : [{ type: 'setFieldRules', cells: kept }];
}
