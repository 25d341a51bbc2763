import type { FeatureT } from '../../i18n/featureMessages';
import type { CatalogueNode } from './catalogueTree';
import type { RoleMatrixMessageKey } from './messages';
import type { Brush } from './paintPlan';
import { rectSize, type Rect } from '../../components/grid';

export interface MatrixFilters {
  moduleId: string | null;
  permissionQuery: string;
  roleQuery: string;
  /** Roles ticked for comparison, and whether the matrix shows only them. */
  compareIds: ReadonlySet<string>;
  comparing: boolean;
  differencesOnly: boolean;
}

interface Props {
  t: FeatureT<RoleMatrixMessageKey>;
  modules: readonly CatalogueNode[];
  moduleLabel(node: CatalogueNode): string;
  filters: MatrixFilters;
  onFilters(next: Partial<MatrixFilters>): void;
  brush: Brush | null;
  onBrush(brush: Brush | null): void;
  selection: Rect | null;
  onSelectionBrush(brush: Brush): void;
  onNewRole(): void;
}

/** Module filter, searches, brush, compare and the selection's grant / revoke buttons. */
export function MatrixToolbar({ t, modules, moduleLabel, filters, onFilters, brush, onBrush, selection, onSelectionBrush, onNewRole }: Props) {
  const size = selection ? rectSize(selection) : null;
  const canCompare = filters.compareIds.size >= 2;
  return (
    <div className="matrix-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <label>
        {t('toolbar.module')}
        <select value={filters.moduleId ?? ''} onChange={(e) => onFilters({ moduleId: e.target.value || null })}>
          <option value="">{t('toolbar.allModules')}</option>
          {modules.map((node) => (
            <option key={node.permission.id} value={node.permission.id}>
              {node.depth > 0 ? `— ${moduleLabel(node)}` : moduleLabel(node)}
            </option>
          ))}
        </select>
      </label>
      <input type="search" aria-label={t('toolbar.searchPermissions')} placeholder={t('toolbar.searchPermissions')} value={filters.permissionQuery} onChange={(e) => onFilters({ permissionQuery: e.target.value })} />
      <input type="search" aria-label={t('toolbar.searchRoles')} placeholder={t('toolbar.searchRoles')} value={filters.roleQuery} onChange={(e) => onFilters({ roleQuery: e.target.value })} />
      <span className="segmented" role="group" aria-label={t('toolbar.brush')}>
        <button type="button" aria-pressed={brush === null} onClick={() => onBrush(null)}>
          {t('toolbar.brushAuto')}
        </button>
        <button type="button" aria-pressed={brush === 'grant'} onClick={() => onBrush('grant')}>
          {t('toolbar.brushGrant')}
        </button>
        <button type="button" aria-pressed={brush === 'revoke'} onClick={() => onBrush('revoke')}>
          {t('toolbar.brushRevoke')}
        </button>
      </span>
      <button
        type="button"
        aria-pressed={filters.comparing}
        disabled={!canCompare && !filters.comparing}
        title={canCompare ? undefined : t('toolbar.compareNeedsTwo')}
        onClick={() => onFilters({ comparing: !filters.comparing })}
      >
        {filters.comparing ? t('toolbar.clearCompare') : t('toolbar.compare', { count: filters.compareIds.size })}
      </button>
      <label>
        <input type="checkbox" checked={filters.differencesOnly} onChange={(e) => onFilters({ differencesOnly: e.target.checked })} />
        {t('toolbar.diffOnly')}
      </label>
      <button type="button" onClick={onNewRole}>
        {t('toolbar.newRole')}
      </button>
      {size && (size.rows > 1 || size.cols > 1) && (
        <>
          <span className="muted">{t('toolbar.selection', { rows: size.rows, cols: size.cols })}</span>
          <button type="button" onClick={() => onSelectionBrush('grant')}>
            {t('toolbar.grantSelection')}
          </button>
          <button type="button" onClick={() => onSelectionBrush('revoke')}>
            {t('toolbar.revokeSelection')}
          </button>
        </>
      )}
    </div>
  );
}
