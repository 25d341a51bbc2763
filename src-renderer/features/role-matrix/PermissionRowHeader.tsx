import { memo } from 'react';
import type { FeatureT } from '../../i18n/featureMessages';
import type { MatrixRow } from './catalogueTree';
import type { RoleMatrixMessageKey } from './messages';

interface Props {
  row: MatrixRow;
  name: string;
  t: FeatureT<RoleMatrixMessageKey>;
  onToggle(permissionId: string): void;
  onFill(row: MatrixRow): void;
}

/**
 * The sticky left header of a matrix row: indentation by depth, a twisty for groups, the label and a fill
 * button that grants (or, when everything is granted, clears) the row for every role shown.
 */
export const PermissionRowHeader = memo(function PermissionRowHeader({ row, name, t, onToggle, onFill }: Props) {
  const { node } = row;
  const isGroup = node.permission.kind === 'group';
  return (
    <div className={isGroup ? 'rowhead-group' : 'rowhead-action'} style={{ display: 'contents' }}>
      <span style={{ width: 4 + node.depth * 14, flex: 'none' }} />
      {row.expandable ? (
        <button
          type="button"
          className="icon-button twisty-button"
          aria-expanded={row.expanded}
          aria-label={t(row.expanded ? 'row.collapse' : 'row.expand', { name })}
          onClick={() => onToggle(node.permission.id)}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="twisty-button" />
      )}
      <span className="rowhead-label" title={node.permission.key}>
        {name}
      </span>
      {node.actionIds.length > 0 && (
        <button type="button" className="icon-button" aria-label={t('row.fill', { name })} title={t('row.fill', { name })} onClick={() => onFill(row)}>
          ⇉
        </button>
      )}
    </div>
  );
});
