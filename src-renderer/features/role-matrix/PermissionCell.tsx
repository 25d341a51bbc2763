import { memo } from 'react';
import type { DataScope } from '../../../src-main/common/domain';
import { GridCell, type GridCellPlace } from '../../components/grid';
import { CellGlyph } from './CellGlyph';

export interface PermissionCellProps extends GridCellPlace {
  applicable: boolean;
  granted: boolean;
  /** Granted before the draft (a pending revoke draws a faint cross). */
  wasGranted: boolean;
  locked: boolean;
  scope: DataScope | null;
}

/**
 * One role × action cell. Memoised on primitive props so a drag only re-renders the cells whose preview
 * state changes; tests read its state from the data attributes.
 */
export const PermissionCell = memo(function PermissionCell({ applicable, granted, wasGranted, locked, scope, ...place }: PermissionCellProps) {
  const classes = [];
  if (!applicable) classes.push('na');
  if (locked) classes.push('locked');
  if (granted) classes.push('granted');
  return (
    <GridCell {...place} classes={classes} readOnly={locked || !applicable} data={{ 'data-granted': String(granted), 'data-pending': String(place.pending) }}>
      {applicable && <CellGlyph granted={granted} scope={scope} wasGranted={wasGranted && place.pending} />}
    </GridCell>
  );
});

const GROUP = ['group'];

/** The aggregate cell of a group row: how many of the shown actions below it the role holds. */
export const GroupCell = memo(function GroupCell({ granted, total, ...place }: GridCellPlace & { granted: number; total: number }) {
  return (
    <GridCell {...place} classes={GROUP} readOnly>
      {total > 0 && granted > 0 && <span className="group-count">{`${granted}/${total}`}</span>}
    </GridCell>
  );
});
