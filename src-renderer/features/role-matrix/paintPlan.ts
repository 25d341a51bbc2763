import type { DraftOperation } from '../../../src-main/common/draft';
import type { MatrixRow } from './catalogueTree';
import type { MatrixColumn } from './roleColumns';
import { rectCols, rectRows, type Rect } from '../../components/grid';

export type Brush = 'grant' | 'revoke';

/** The operations of one gesture and how many cells they change (0 = nothing to send). */
export interface PaintPlan {
  brush: Brush;
  ops: DraftOperation[];
  changed: number;
  /** Per role, the permissions the gesture changes: what a confirmation lists and a toast sums up. */
  cells: Array<{ column: MatrixColumn; permissionIds: string[] }>;
  /** Cells a fill left alone because this draft revokes them: a fill never re-grants a pending revoke. */
  keptRevokes: number;
  /** Cells this grant gives back although this draft revoked them (a rectangle painted over them on purpose). */
  regrants: number;
}

/** The draft revokes it: granted in the role as pulled, not granted now. */
export function isPendingRevoke(column: MatrixColumn, permissionId: string): boolean {
  return column.baseRole !== null && column.baseGranted.has(permissionId) && !column.granted.has(permissionId);
}

/**
 * Turns "these actions × these roles with this brush" into draft operations. Only cells that would change are
 * included, and never cells outside a role type's catalogue or of a built-in role: the gesture then cannot be
 * refused for them. Roles needing the same permission list share one operation. `keepPendingRevokes` (fills)
 * leaves the cells this draft revokes as they are.
 */
export function planCells(actionIds: readonly string[], columns: readonly MatrixColumn[], brush: Brush, options: { keepPendingRevokes?: boolean } = {}): PaintPlan {
  const byList = new Map<string, { roleIds: string[]; permissionIds: string[] }>();
  const cells: PaintPlan['cells'] = [];
  let changed = 0;
  let keptRevokes = 0;
  let regrants = 0;
  for (const column of columns) {
    if (column.locked) continue;
    const permissionIds = [...new Set(actionIds)].filter((id) => {
      if (!column.catalogue.has(id) || column.granted.has(id) !== (brush === 'revoke')) return false;
      if (brush === 'grant' && isPendingRevoke(column, id)) {
        if (options.keepPendingRevokes) {
          keptRevokes += 1;
          return false;
        }
        regrants += 1;
      }
      return true;
    });
    if (permissionIds.length === 0) continue;
    changed += permissionIds.length;
    cells.push({ column, permissionIds });
    const key = permissionIds.join(',');
    const entry = byList.get(key);
    if (entry) entry.roleIds.push(column.role.id);
    else byList.set(key, { roleIds: [column.role.id], permissionIds });
  }
  const type = brush === 'grant' ? 'grantPermissions' : 'revokePermissions';
  const ops = [...byList.values()].map(({ roleIds, permissionIds }) => ({ type, roleIds, permissionIds }) as DraftOperation);
  return { brush, ops, changed, cells, keptRevokes, regrants };
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
 * (the Dynamics / SuiteCRM "click the heading" habit, made reversible by undo). A fill never takes back what this
 * draft revokes: those cells stay revoked (counted in `keptRevokes`, which the confirmation and toast state).
 */
export function planFill(actionIds: readonly string[], columns: readonly MatrixColumn[]): PaintPlan {
  const grant = planCells(actionIds, columns, 'grant', { keepPendingRevokes: true });
  return grant.changed > 0 ? grant : planCells(actionIds, columns, 'revoke');
}

/** The brush a drag starts with: the opposite of the first cell, unless the toolbar forces one. */
export function brushFor(forced: Brush | null, firstCellGranted: boolean): Brush {
  return forced ?? (firstCellGranted ? 'revoke' : 'grant');
}
