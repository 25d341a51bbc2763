import type { DataScope } from '../../../src-main/common/domain';
import type { MatrixColumn } from './roleColumns';

/** What one permission cell shows. `scope` is set on granted data-scoped cells only. */
export interface CellState {
  applicable: boolean;
  granted: boolean;
  pending: boolean;
  scope: DataScope | null;
  locked: boolean;
}

/**
 * A cell is pending when the draft changes what it shows: the grant itself, or the scope glyph of a granted
 * data-scoped action (a data-scope change alters every such cell of the role).
 */
export function cellState(column: MatrixColumn, permissionId: string, scoped: boolean): CellState {
  const applicable = column.catalogue.has(permissionId);
  const granted = column.superAdmin || column.granted.has(permissionId);
  const baseGranted = column.baseRole !== null && (column.superAdmin || column.baseGranted.has(permissionId));
  const scope = granted && scoped && column.scope !== null ? column.scope : null;
  const baseScope = baseGranted && scoped && column.baseScope !== null ? column.baseScope : null;
  return { applicable, granted, pending: granted !== baseGranted || scope !== baseScope, scope, locked: column.locked };
}

/** A comparable fingerprint of a cell for "differences only": grant and scope, nothing about pending. */
export function cellFingerprint(column: MatrixColumn, permissionId: string, scoped: boolean): string {
  const state = cellState(column, permissionId, scoped);
  if (!state.applicable) return 'n/a';
  return state.granted ? `g${state.scope ?? ''}` : '-';
}

/** Whether the shown roles disagree on an action: the compare filter keeps exactly these rows. */
export function rolesDiffer(columns: readonly MatrixColumn[], permissionId: string, scoped: boolean): boolean {
  if (columns.length < 2) return true;
  const first = cellFingerprint(columns[0]!, permissionId, scoped);
  return columns.some((column) => cellFingerprint(column, permissionId, scoped) !== first);
}
