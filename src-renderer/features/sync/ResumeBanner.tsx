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
  const recover = usePushFlowStore((s) => s.recover);
  const unfinished = status?.pushes.find((p) => !p.finished && p.calls > 0 && (p.done < p.calls || p.stopped));
  if (!unfinished || stage.kind === 'pushing' || stage.kind === 'verifying' || stage.kind === 'stopped' || stage.kind === 'recover') return null;
  return (
    <div role="alert" className="sync-banner">
      <span>{t(unfinished.stopped ? 'bannerStopped' : 'bannerUnfinished', { done: unfinished.done, calls: unfinished.calls })}</span>
      <button
        type="button"
        onClick={() => {
          window.location.hash = '#/sync';
          // A push stopped for good cannot be resumed: it is undone or abandoned.
          if (unfinished.stopped) recover(unfinished);
          else void resume(unfinished.id, unfinished.draftId);
        }}
      >
        {t(unfinished.stopped ? 'endPush' : 'resume')}
      </button>
    </div>
  );
}
