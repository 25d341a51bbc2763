import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { syncMessages } from './messages';
import { ProgressBar } from './ProgressBar';
import { usePushFlowStore } from './pushFlowStore';

/** The running push: a progress bar over the journaled calls and a live log naming each settled call. */
export function PushProgress({ total }: { total: number }) {
  const t = useFeatureT(syncMessages);
  const locale = useLocale();
  const log = usePushFlowStore((s) => s.log);
  const steps = usePushFlowStore((s) => s.steps);
  const cancel = usePushFlowStore((s) => s.cancel);
  const done = log.filter((l) => l.status === 'done').length;
  const shownTotal = Math.max(total, log.at(-1)?.seq ?? 0);
  return (
    <section aria-label={t('pushing', { done, total: shownTotal })} className="sync-pushing">
      <ProgressBar label={t('pushing', { done, total: shownTotal })} done={done} total={shownTotal} />
      <h3>{t('logTitle')}</h3>
      <ol aria-label={t('logTitle')} className="sync-log" aria-live="polite">
        {log.map((l) => {
          const step = steps.find((s) => s.seq === l.seq);
          return (
            <li key={l.seq} data-status={l.status}>
              <span className="muted">{l.at}</span> #{l.seq} {step ? <code>{step.endpoint}</code> : null} {step?.summary[locale]} — {t(l.status === 'done' ? 'logDone' : 'logFailed')}
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => void cancel()}>
        {t('stopPush')}
      </button>
    </section>
  );
}
