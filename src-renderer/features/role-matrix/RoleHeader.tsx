import { memo } from 'react';
import { DATA_SCOPES, type DataScope } from '../../../src-main/common/domain';
import type { FeatureT } from '../../i18n/featureMessages';
import type { T } from '../../i18n/useT';
import type { RoleMatrixMessageKey } from './messages';
import type { MatrixColumn } from './roleColumns';

interface Props {
  column: MatrixColumn;
  compared: boolean;
  t: FeatureT<RoleMatrixMessageKey>;
  shared: T;
  onScope(column: MatrixColumn, scope: DataScope): void;
  onFill(column: MatrixColumn): void;
  onCompare(roleId: string, on: boolean): void;
  onMenu(column: MatrixColumn): void;
}

/**
 * A role's column header: name (marked when new or renamed in the draft), members, the data-scope selector
 * (five levels, in the current language), a compare tick, a fill button and the copy / rename / delete menu.
 */
export const RoleHeader = memo(function RoleHeader({ column, compared, t, shared, onScope, onFill, onCompare, onMenu }: Props) {
  const { role, baseRole } = column;
  const renamed = baseRole !== null && baseRole.name !== role.name;
  const scopeChanged = column.scope !== column.baseScope;
  const pending = baseRole === null || renamed || scopeChanged;
  const title = column.superAdmin ? t('header.superAdmin') : column.locked ? t('header.locked') : renamed ? t('header.renamed', { name: baseRole.name }) : role.name;
  return (
    <div className={pending ? 'rolehead pending' : 'rolehead'} data-role-id={role.id}>
      <span className="rolehead-name" title={title}>
        {column.superAdmin && '★ '}
        {role.name}
        {baseRole === null && <span className="rolehead-tag">{t('header.new')}</span>}
      </span>
      <span className="rolehead-members">{t('header.members', { count: column.memberCount })}</span>
      {column.scope !== null ? (
        <select
          aria-label={t('header.scope', { role: role.name })}
          value={column.scope}
          disabled={column.locked}
          onChange={(e) => onScope(column, Number(e.target.value) as DataScope)}
        >
          {DATA_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {shared(`scope.${scope}`)}
            </option>
          ))}
        </select>
      ) : (
        <span className="rolehead-members">{t('header.noScope')}</span>
      )}
      <span className="rolehead-actions">
        <input type="checkbox" aria-label={t('header.compare', { role: role.name })} title={t('header.compare', { role: role.name })} checked={compared} onChange={(e) => onCompare(role.id, e.target.checked)} />
        <button type="button" className="icon-button" disabled={column.locked} aria-label={t('header.fill', { role: role.name })} title={t('header.fill', { role: role.name })} onClick={() => onFill(column)}>
          ⇊
        </button>
        <button type="button" className="icon-button" aria-haspopup="dialog" aria-label={t('header.menu', { role: role.name })} title={t('header.menu', { role: role.name })} onClick={() => onMenu(column)}>
          ⋯
        </button>
      </span>
    </div>
  );
});
