import { memo } from 'react';
import type { FieldAccess, FieldMask } from '../../../src-main/common/domain';
import { GridCell, type GridCellPlace } from '../../components/grid';

export interface FieldCellProps extends GridCellPlace {
  access: FieldAccess;
  mask: FieldMask;
  accessCode: string;
  maskCode: string;
}

/**
 * One role × field cell: a letter for the access level (its own class per level, so colour is a second cue,
 * never the only one) and stars for the mask.
 */
export const FieldCell = memo(function FieldCell({ access, mask, accessCode, maskCode, ...place }: FieldCellProps) {
  return (
    <GridCell {...place} classes={['fcell', `access-${access}`]} data={{ 'data-access': access, 'data-mask': mask, 'data-pending': String(place.pending) }}>
      <span className="fcell-access">{accessCode}</span>
      {maskCode && <span className="fcell-mask">{maskCode}</span>}
    </GridCell>
  );
});
