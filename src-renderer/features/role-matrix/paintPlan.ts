import type { DraftOperation } from '../../../src-main/common/draft/operations';
import type { MatrixRow } from './catalogueTree';
import type { MatrixColumn } from './roleColumns';
import { rectCols, rectRows, type Rect } from './selection';

export type Brush = 'grant' | 'revoke';

/** The operations of one gesture and how many cells they change (0 = nothing to send). */
export interface PaintPlan {
  brush: Brush;
  ops: DraftOperation[];
  changed: number;
}

/**
 * Turns "these actions × these roles with this brush" into draft operations. Only cells that would change are
 * included, and never cells outside a role type's catalogue or of a built-in role: the gesture then cannot be
 * refused for them. Roles needing the same permission list share one operation.
 */
export function planCells(actionIds: readonly string[], columns: readonly MatrixColumn[], brush: Brush): PaintPlan {
  const byList = new Map<string, { roleIds: string[]; permissionIds: string[] }>();
  let changed = 0;
  for (const column of columns) {
    if (column.locked) continue;
    const permissionIds = [...new Set(actionIds)].filter(
      (id) => column.catalogue.has(id) && column.granted.has(id) === (brush === 'revoke'),
    );
    if (permissionIds.length === 0) continue;
    changed += permissionIds.length;
    const key = permissionIds.join(',');
    const entry = byList.get(key);
    if (entry) entry.roleIds.push(column.role.id);
    else byList.set(key, { roleIds: [column.role.id], permissionIds });
  }
  const type = brush === 'grant' ? 'grantPermissions' : 'revokePermissions';
  const ops = [...byList.values()].map(({ roleIds, permissionIds }) => ({ type, roleIds, permissionIds }) as DraftOperation);
  return { brush, ops, changed };
}

/** The actions a rectangle covers: action rows only (a group row in a rectangle is covered by its children). */
export function actionsInRect(rows: readonly MatrixRow[], rect: Rect): string[] {
  return rectRows(rect).flatMap((i) => {
    const row = rows[i];
    return row && row.node.permission.kind === 'action' ? [row.node.permission.id] : [];
  });
}

export function columnsInRect(columns: readonly MatrixColumn[], rect: Rect): MatrixColumn[] {
  return rectCols(rect).flatMap((i) => (columns[i] ? [columns[i]] : []));
}

export function planRect(rows: readonly MatrixRow[], columns: readonly MatrixColumn[], rect: Rect, brush: Brush): PaintPlan {
  return planCells(actionsInRect(rows, rect), columnsInRect(columns, rect), brush);
}

/**
 * Row and column header fills: grant everything when anything editable is missing, otherwise clear it
 * (the Dynamics / SuiteCRM "click the heading" habit, made reversible by undo).
 */
export function planFill(actionIds: readonly string[], columns: readonly MatrixColumn[]): PaintPlan {
  const grant = planCells(actionIds, columns, 'grant');
  return grant.changed > 0 ? grant : planCells(actionIds, columns, 'revoke');
}

/** The brush a drag starts with: the opposite of the first cell, unless the toolbar forces one. */
export function brushFor(forced: Brush | null, firstCellGranted: boolean): Brush {
  return forced ?? (firstCellGranted ? 'revoke' : 'grant');
}
