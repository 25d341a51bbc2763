import type { VerifyView } from '../../../src-main/common/ipc';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { syncMessages } from './messages';
import { Propagation } from './Propagation';
import { usePushFlowStore } from './pushFlowStore';
import { RollbackNotice } from './RollbackNotice';

/**
 * After verifying: what landed, what did not take effect (said as what the draft wanted), what a rollback cannot
 * put back, what others changed meanwhile, and when it takes effect.
 */
export function PushResult({ verify }: { verify: VerifyView }) {
  const t = useFeatureT(syncMessages);
  const locale = useLocale();
  const rollback = usePushFlowStore((s) => s.rollback);
  const rollbackPush = usePushFlowStore((s) => s.rollbackPush);
  const lines = (items: VerifyView['landed']) => (
    <ul>
      {items.map((l, i) => (
        <li key={i}>{l[locale]}</li>
      ))}
    </ul>
  );
  return (
    <section aria-labelledby="sync-result-title" className="sync-result">
      <h3 id="sync-result-title">{t('resultTitle')}</h3>
      <p role="status" className={verify.ok ? 'sync-ok' : 'form-error'} data-testid="sync-verdict">
        {verify.ok ? t('verifiedOk') : t('verifiedDiffers', { count: verify.mismatches.length })}
      </p>
      <h4>{t('landed', { count: verify.landed.length })}</h4>
      {lines(verify.landed)}
      {verify.mismatches.length > 0 && (
        <section aria-labelledby="sync-not-applied" data-testid="sync-not-applied">
          <h4 id="sync-not-applied">{t('differs', { count: verify.mismatches.length })}</h4>
          {lines(verify.mismatches)}
        </section>
      )}
      {verify.notUndoable.length > 0 && (
        <section aria-labelledby="sync-cannot-roll-back">
          <h4 id="sync-cannot-roll-back">{t('cannotRollBack', { count: verify.notUndoable.length })}</h4>
          {lines(verify.notUndoable)}
        </section>
      )}
      {verify.changedElsewhere.length > 0 && (
        <>
          <h4>{t('elsewhere', { count: verify.changedElsewhere.length })}</h4>
          {lines(verify.changedElsewhere)}
        </>
      )}
      <Propagation notes={verify.propagation} />
      <div className="toolbar">
        {!rollback && (
          <button type="button" onClick={() => void rollbackPush(verify.pushId)}>
            {t('rollback')}
          </button>
        )}
      </div>
      <RollbackNotice />
    </section>
  );
}
