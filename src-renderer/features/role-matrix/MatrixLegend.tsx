import type { FeatureT } from '../../i18n/featureMessages';
import { CellGlyph } from './CellGlyph';
import type { RoleMatrixMessageKey } from './messages';

/** What the cell marks mean, drawn with the same classes as the cells themselves. */
export function MatrixLegend({ t }: { t: FeatureT<RoleMatrixMessageKey> }) {
  return (
    <div className="matrix-legend" aria-label={t('legend.label')} role="note">
      <span className="mcell granted" aria-hidden="true">
        <CellGlyph granted scope={null} wasGranted={false} />
      </span>
      {t('legend.granted')}
      <span className="mcell granted" aria-hidden="true">
        <CellGlyph granted scope={3} wasGranted={false} />
      </span>
      {t('legend.scoped')}
      <span className="mcell granted pending" aria-hidden="true">
        <CellGlyph granted scope={null} wasGranted={false} />
      </span>
      {t('legend.pending')}
      <span className="mcell na" aria-hidden="true" />
      {t('legend.notApplicable')}
    </div>
  );
}
