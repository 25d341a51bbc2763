import { useAppErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { ImpactPanel } from './ImpactPanel';
import { roleMatrixMessages } from './messages';
import { PermissionMatrix } from './PermissionMatrix';
import { useMatrixProjection } from './useDraftProjection';
import './roleMatrix.css';

/** The "Permissions matrix" tab: the editor beside the draft's impact. */
export function RoleMatrixView() {
  const t = useFeatureT(roleMatrixMessages);
  const matrix = useMatrixProjection();
  const words = useAppErrorText();
  return (
    <div className="matrix-layout">
      {/* The last answer stays on screen while the next is asked: a gesture must not unmount the grid. */}
      {matrix.shown ? (
        <PermissionMatrix data={matrix.shown} />
      ) : (
        <p role={matrix.error ? 'alert' : 'status'} className={matrix.error ? 'load-error' : 'loading'}>
          {matrix.error ? words(matrix.error) : t('loading')}
        </p>
      )}
      <ImpactPanel />
    </div>
  );
}
