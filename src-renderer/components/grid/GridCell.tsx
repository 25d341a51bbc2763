import type { ReactNode } from 'react';

/** Where a cell stands and how the grid's gestures mark it: what every cell of a VirtualGrid has. */
export interface GridCellPlace {
  domId: string;
  row: number;
  col: number;
  left: number;
  width: number;
  label: string;
  selected: boolean;
  cursor: boolean;
  /** Changed by the draft (a corner mark and a dashed ring, so it reads without colour). */
  pending: boolean;
  /** The brush of a drag in progress covering this cell, if any. */
  dragBrush: 'grant' | 'revoke' | null;
}

interface GridCellProps extends GridCellPlace {
  /** The matrix's own classes for what the cell shows (granted, an access level, …). */
  classes: readonly string[];
  readOnly?: boolean;
  /** `data-*` attributes the matrix's tests and styles read (granted, access, mask…). */
  data?: Readonly<Record<`data-${string}`, string>>;
  children?: ReactNode;
}

/**
 * One gridcell of a VirtualGrid: placed at `left` (the virtualizer's column offset), named for screen readers,
 * marked for the cursor, the selection and a drag in progress, and carrying `data-cell data-row data-col` so
 * useGridGestures finds the cell under the pointer. The matrices' cells wrap it (and memoise on their props).
 */
export function GridCell(p: GridCellProps) {
  const classes = ['mcell', ...p.classes];
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
      aria-readonly={p.readOnly}
      aria-label={p.label}
      title={p.label}
      data-cell=""
      data-row={p.row}
      data-col={p.col}
      {...p.data}
    >
      {p.children}
    </div>
  );
}
