import { memo } from 'react';
import type { FieldAccess, FieldMask } from '../../../src-main/common/domain';

export interface FieldCellProps {
  domId: string;
  row: number;
  col: number;
  left: number;
  width: number;
  access: FieldAccess;
  mask: FieldMask;
  accessCode: string;
  maskCode: string;
  pending: boolean;
  selected: boolean;
  cursor: boolean;
  painting: boolean;
  label: string;
}

/**
 * One role × field cell: a letter for the access level (its own class per level, so colour is a second cue,
 * never the only one) and stars for the mask. Shares the permission matrix's cell classes.
 */
export const FieldCell = memo(function FieldCell(p: FieldCellProps) {
  const classes = ['mcell', 'fcell', `access-${p.access}`];
  if (p.pending) classes.push('pending');
  if (p.selected) classes.push('in-selection');
  if (p.cursor) classes.push('cursor');
  if (p.painting) classes.push('in-drag', 'brush-grant');
  return (
    <div
      id={p.domId}
      role="gridcell"
      className={classes.join(' ')}
      style={{ left: p.left, width: p.width }}
      aria-colindex={p.col + 2}
      aria-selected={p.selected || p.cursor}
      aria-label={p.label}
      title={p.label}
      data-cell=""
      data-row={p.row}
      data-col={p.col}
      data-access={p.access}
      data-mask={p.mask}
      data-pending={p.pending ? 'true' : 'false'}
    >
      <span className="fcell-access">{p.accessCode}</span>
      {p.maskCode && <span className="fcell-mask">{p.maskCode}</span>}
    </div>
  );
});
