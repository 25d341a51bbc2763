import { useErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { syncMessages } from './messages';
import { PlanReview } from './PlanReview';
import { ProgressBar } from './ProgressBar';
import { PushProgress } from './PushProgress';
import { DiscardPushedDraft } from './DiscardPushedDraft';
import { PushResult } from './PushResult';
import { usePushFlowStore } from './pushFlowStore';
import { StoppedPush } from './StoppedPush';
import './sync.css';

/**
 * Push one draft: pull again and plan (conflicts side by side if the server moved) → review the exact calls →
 * push with progress and a live log → verify → result, with rollback. Embeddable wherever a draft is shown.
 */
export function PushFlow({ draftId }: { draftId: string | null }) {
  const t = useFeatureT(syncMessages);
  const errorText = useErrorText();
  const stage = usePushFlowStore((s) => s.stage);
  const flow = usePushFlowStore();

  switch (stage.kind) {
    case 'idle':
      return (
        <div className="toolbar">
          <button type="button" className="primary" disabled={!draftId} onClick={() => draftId && void flow.plan(draftId)}>
            {t('review')}
          </button>
        </div>
      );
    case 'planning':
      return (
        <div className="sync-working">
          <ProgressBar label={t('planning')} done={0} total={0} />
          <button type="button" onClick={() => void flow.cancel()}>
            {t('cancel')}
          </button>
        </div>
      );
    case 'plan':
      return <PlanReview plan={stage.plan} onResolve={(c) => void flow.resolve(c)} onConfirm={(answer) => void flow.push(answer)} onClose={flow.reset} />;
    case 'pushing':
      return <PushProgress total={stage.total} />;
    case 'stopped': {
      const { report } = stage;
      return (
        <StoppedPush
          pushId={report.pushId}
          failure={report.failure ?? null}
          resumable={report.failure?.resumable ?? true}
          done={report.done}
          calls={report.total}
          onResume={() => void flow.resume(report.pushId, flow.pushedDraftId ?? undefined)}
          onClose={flow.reset}
        />
      );
    }
    case 'recover':
      return (
        <StoppedPush
          pushId={stage.pushId}
          failure={null}
          resumable={stage.resumable}
          done={stage.done}
          calls={stage.calls}
          onResume={() => void flow.resume(stage.pushId, stage.draftId)}
          onClose={flow.reset}
        />
      );
    case 'verifying':
      return <ProgressBar label={t('verifying')} done={0} total={0} />;
    case 'result':
      return (
        <>
          <PushResult verify={stage.verify} />
          <div className="toolbar">
            <DiscardPushedDraft />
            <button type="button" onClick={flow.reset}>
              {t('startOver')}
            </button>
          </div>
        </>
      );
    case 'error':
      return (
        <div>
          <p role="alert" className="form-error">
            {errorText(stage.error)}
          </p>
          <button type="button" onClick={flow.reset}>
            {t('close')}
          </button>
        </div>
      );
  }
}
