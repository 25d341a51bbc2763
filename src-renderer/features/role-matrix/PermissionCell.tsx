import { memo } from 'react';
import type { DataScope } from '../../../src-main/common/domain';
import { CellGlyph } from './CellGlyph';

export interface PermissionCellProps {
  domId: string;
  row: number;
  col: number;
  left: number;
  width: number;
  applicable: boolean;
  granted: boolean;
  /** Granted before the draft (a pending revoke draws a faint cross). */
  wasGranted: boolean;
  pending: boolean;
  locked: boolean;
  scope: DataScope | null;
  selected: boolean;
  cursor: boolean;
  /** The brush of a drag in progress covering this cell, if any. */
  dragBrush: 'grant' | 'revoke' | null;
  label: string;
}

/**
 * One role × action cell. Memoised on primitive props so a drag only re-renders the cells whose preview
 * state changes. Data attributes let the gesture hook find the cell under the pointer, and tests read state.
 */
export const PermissionCell = memo(function PermissionCell(p: PermissionCellProps) {
  const classes = ['mcell'];
  if (!p.applicable) classes.push('na');
  if (p.locked) classes.push('locked');
  if (p.granted) classes.push('granted');
  if (p.pending) classes.push('pending');
  if (p.selected) classes.push('in-selection');
  if (p.cursor) classes.push('cursor');
  if (p.dragBrush) classes.push('in-drag', `brush-${p.dragBrush}`);
  return (
    <div
      id={p.domId}
      role="gridcell"
      className={classes.join(' ')}
      style={{ left: p.left, width: p.width }}
      aria-colindex={p.col + 2}
      aria-selected={p.selected || p.cursor}
      aria-readonly={p.locked || !p.applicable}
      aria-label={p.label}
      title={p.label}
      data-cell=""
      data-row={p.row}
      data-col={p.col}
      data-granted={p.granted ? 'true' : 'false'}
      data-pending={p.pending ? 'true' : 'false'}
    >
      {p.applicable && <CellGlyph granted={p.granted} scope={p.scope} wasGranted={p.wasGranted && p.pending} />}
    </div>
  );
});

/** The aggregate cell of a group row: how many of the shown actions below it the role holds. */
export const GroupCell = memo(function GroupCell(p: { domId: string; row: number; col: number; left: number; width: number; granted: number; total: number; pending: boolean; label: string; selected: boolean; cursor: boolean; dragBrush: 'grant' | 'revoke' | null }) {
  const classes = ['mcell', 'group'];
  if (p.pending) classes.push('pending');
  if (p.selected) classes.push('in-selection');
  if (p.cursor) classes.push('cursor');
  if (p.dragBrush) classes.push('in-drag', `brush-${p.dragBrush}`);
  return (
    <div
      id={p.domId}
      role="gridcell"
      className={classes.join(' ')}
      style={{ left: p.left, width: p.width }}
      aria-colindex={p.col + 2}
      aria-selected={p.selected || p.cursor}
      aria-readonly="true"
      aria-label={p.label}
      title={p.label}
      data-cell=""
      data-row={p.row}
      data-col={p.col}
    >
      {p.total > 0 && p.granted > 0 && <span className="group-count">{`${p.granted}/${p.total}`}</span>}
    </div>
  );
});
