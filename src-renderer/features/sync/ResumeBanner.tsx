import { useFeatureT } from '../../i18n/featureMessages';
import { syncMessages } from './messages';
import { usePushFlowStore } from './pushFlowStore';
import { useSyncStatus } from './useSyncStatus';

/** In the header while a push of the open workspace is unfinished (the app was closed or killed mid-push). */
export function ResumeBanner() {
  const t = useFeatureT(syncMessages);
  const { status } = useSyncStatus();
  const stage = usePushFlowStore((s) => s.stage);
  const resume = usePushFlowStore((s) => s.resume);
  const unfinished = status?.pushes.find((p) => !p.finished && p.calls > 0 && p.done < p.calls);
  if (!unfinished || stage.kind === 'pushing' || stage.kind === 'verifying') return null;
  return (
    <div role="alert" className="sync-banner">
      <span>{t('bannerUnfinished', { done: unfinished.done, calls: unfinished.calls })}</span>
      <button
        type="button"
        onClick={() => {
          window.location.hash = '#/sync';
          void resume(unfinished.id, unfinished.draftId);
        }}
      >
        {t('resume')}
      </button>
    </div>
  );
}
