import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { syncMessages } from './messages';
import { usePushFlowStore } from './pushFlowStore';

/** The inverse draft a rollback made, what it cannot undo, and the way into reviewing and pushing it. */
export function RollbackNotice() {
  const t = useFeatureT(syncMessages);
  const locale = useLocale();
  const rollback = usePushFlowStore((s) => s.rollback);
  const plan = usePushFlowStore((s) => s.plan);
  if (!rollback) return null;
  return (
    <div role="status" className="sync-note">
      <p>{t('rollbackMade', { name: rollback.name })}</p>
      {rollback.notUndoable.length > 0 && (
        <>
          <p>{t('notUndoable')}</p>
          <ul>
            {rollback.notUndoable.map((l, i) => (
              <li key={i}>{l[locale]}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="primary" onClick={() => void plan(rollback.draftId)}>
        {t('pushRollback')}
      </button>
    </div>
  );
}
