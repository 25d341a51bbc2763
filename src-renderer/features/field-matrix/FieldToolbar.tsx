import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER } from '../../../src-main/common/domain';
import type { FeatureT } from '../../i18n/featureMessages';
import type { FieldBrush } from './fieldModel';
import type { FieldMatrixMessageKey } from './messages';

interface Props {
  t: FeatureT<FieldMatrixMessageKey>;
  modules: readonly { id: string; label: string }[];
  module: string;
  onModule(module: string): void;
  fieldQuery: string;
  onFieldQuery(query: string): void;
  roleQuery: string;
  onRoleQuery(query: string): void;
  brush: FieldBrush;
  onBrush(brush: FieldBrush): void;
  /** Whether the connected CRM edition can mask fields; without, there is no mask brush. */
  masks: boolean;
}

/** Module picker, searches, and the brush: one access level or one mask level at a time. */
export function FieldToolbar({ t, modules, module, onModule, fieldQuery, onFieldQuery, roleQuery, onRoleQuery, brush, onBrush, masks }: Props) {
  return (
    <div className="matrix-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <label>
        {t('toolbar.module')}
        <select value={module} onChange={(e) => onModule(e.target.value)}>
          {modules.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      <input type="search" aria-label={t('toolbar.searchFields')} placeholder={t('toolbar.searchFields')} value={fieldQuery} onChange={(e) => onFieldQuery(e.target.value)} />
      <input type="search" aria-label={t('toolbar.searchRoles')} placeholder={t('toolbar.searchRoles')} value={roleQuery} onChange={(e) => onRoleQuery(e.target.value)} />
      <span className="segmented" role="group" aria-label={t('toolbar.access')}>
        {FIELD_ACCESS_ORDER.map((access) => (
          <button key={access} type="button" aria-pressed={brush.kind === 'access' && brush.value === access} onClick={() => onBrush({ kind: 'access', value: access })}>
            {t(`access.${access}`)}
          </button>
        ))}
      </span>
      {masks ? (
        <span className="segmented" role="group" aria-label={t('toolbar.mask')}>
          {FIELD_MASK_ORDER.map((mask) => (
            <button key={mask} type="button" aria-pressed={brush.kind === 'mask' && brush.value === mask} onClick={() => onBrush({ kind: 'mask', value: mask })}>
              {t(`mask.${mask}`)}
            </button>
          ))}
        </span>
      ) : (
        <span className="muted">{t('toolbar.noMasks')}</span>
      )}
    </div>
  );
}
