import { useFeatureT } from '../../i18n/featureMessages';
import { syncMessages } from './messages';
import { usePushFlowStore } from './pushFlowStore';
import type { SyncStatus } from './useSyncStatus';

/** Every push of the workspace, newest first: resume an unfinished one, verify or roll back a completed one. */
export function PushHistory({ pushes }: { pushes: SyncStatus['pushes'] }) {
  const t = useFeatureT(syncMessages);
  const flow = usePushFlowStore();
  const busy = flow.stage.kind !== 'idle' && flow.stage.kind !== 'result' && flow.stage.kind !== 'error';
  return (
    <section aria-labelledby="sync-history-title">
      <h2 id="sync-history-title">{t('historyTitle')}</h2>
      {pushes.length === 0 ? (
        <p className="muted">{t('historyEmpty')}</p>
      ) : (
        <ul className="sync-history" aria-label={t('historyTitle')}>
          {pushes.map((p) => (
            <li key={p.id}>
              <span>{new Date(p.createdAt).toLocaleString()}</span> · <span>{p.draftName ?? p.draftId}</span> ·{' '}
              <span>{p.finished ? t(p.outcome === 'undone' ? 'outcomeUndone' : p.outcome === 'abandoned' ? 'outcomeAbandoned' : 'finished') : t('unfinished', { done: p.done, calls: p.calls })}</span>
              {p.compensates && <span className="muted"> · {t('compensating')}</span>}{' '}
              {p.finished && p.outcome === 'verified' ? (
                <>
                  <button type="button" disabled={busy} onClick={() => void flow.verify(p.id, null)}>
                    {t('verify')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => void flow.rollbackPush(p.id)}>
                    {t('rollback')}
                  </button>
                </>
              ) : (
                <>
                  {!p.stopped && (
                    <button type="button" disabled={busy} onClick={() => void flow.resume(p.id, p.draftId)}>
                      {t('resume')}
                    </button>
                  )}
                  <button type="button" disabled={busy} onClick={() => flow.recover(p)}>
                    {t('endPush')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
