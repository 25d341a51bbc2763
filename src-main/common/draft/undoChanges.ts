import type { Snapshot } from '../domain';
import type { CellChange, CellRef } from './cells';
import { opsSettingCell } from './cellOps';
import { readCell } from './cellValue';
import type { DraftOperation } from './operations';
import { WorkingSnapshot } from './workingSnapshot';

export interface UndoPlan {
  /** Operations that set every undoable cell back to its `before` value, in an order the server accepts. */
  ops: DraftOperation[];
  /** Inverse changes no operation can make (re-creating a deleted role or department with its id). */
  notUndoable: CellChange[];
}

/**
 * The inverse of a set of changes (`before` → `after` per cell), as draft operations against a state that holds
 * their `after` values: how a completed push is rolled back and how the landed part of a stopped push is undone.
 * Cell changes go first, existence last (a created role loses its grants and members before it is deleted);
 * cells of an entity the undo deletes need no operation of their own.
 */
export function undoChanges(changes: readonly CellChange[]): UndoPlan {
  const inverse = changes.map((c) => ({ ...c, before: c.after, after: c.before }) as CellChange);
  const existence = (c: CellChange) => c.kind === 'role' || c.kind === 'department';
  const ops: DraftOperation[] = [];
  const notUndoable: CellChange[] = [];
  for (const c of [...inverse.filter((c) => !existence(c)), ...inverse.filter(existence)]) {
    const set = opsSettingCell(c);
    if (set.length === 0 && c.kind !== 'user') notUndoable.push(c);
    ops.push(...set);
  }
  const deleted = new Set(ops.flatMap((o) => (o.type === 'deleteRole' ? [o.roleId] : o.type === 'deleteDepartment' ? [o.departmentId] : [])));
  return { ops: ops.filter((o) => !touchesOnly(o, deleted)), notUndoable };
}

/**
 * The changes of `planned` (plannedOn → expected) that the server holds now: the part of a push that landed.
 * A cell holding something else (its old value: not applied; a third value: someone else's) is left out.
 */
export function landedChanges(planned: readonly CellChange[], server: Snapshot): CellChange[] {
  const ws = new WorkingSnapshot(server);
  return planned.filter((c) => same(readCell(ws, c as CellRef), c.after));
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** An op whose every target is deleted by the same undo (revoking grants of a role that goes away). */
function touchesOnly(op: DraftOperation, deleted: ReadonlySet<string>): boolean {
  if (deleted.size === 0) return false;
  if (op.type === 'grantPermissions' || op.type === 'revokePermissions') return op.roleIds.every((r) => deleted.has(r));
  if (op.type === 'assignRoles' || op.type === 'unassignRoles') return op.roleIds.every((r) => deleted.has(r));
  if (op.type === 'setDataScope' || op.type === 'renameRole') return deleted.has(op.roleId);
  if (op.type === 'setFieldRules') return op.cells.every((c) => deleted.has(c.roleId));
  return false;
}
