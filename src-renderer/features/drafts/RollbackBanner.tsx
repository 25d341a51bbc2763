import type { DraftSummary } from '../../../src-main/common/ipc';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { formatPushTime, lifecycleMessages } from './lifecycleMessages';
import './lifecycle.css';

/**
 * A rollback draft opens for review: which push it undoes, where to push it from, and why ordinary edits stay out
 * of it. Shown above the draft's changes in the drafts view.
 */
export function RollbackBanner({ draft }: { draft: DraftSummary }) {
  const t = useFeatureT(lifecycleMessages);
  const locale = useLocale();
  if (draft.origin?.kind !== 'rollback') return null;
  const at = formatPushTime(draft.origin.pushedAt, locale) ?? t('rollback.unknownTime');
  const text = draft.origin.pushedDraftName ? t('rollback.banner', { at, draft: draft.origin.pushedDraftName }) : t('rollback.bannerNoDraft', { at });
  return (
    <section className="rollback-banner" role="region" aria-label={t('rollback.title')} data-testid="rollback-banner">
      <p>
        <strong>{t('rollback.title')}</strong>: {text}
      </p>
      {!draft.readOnly && <p className="muted">{t('rollback.keep')}</p>}
      {!draft.readOnly && <a href="#/sync">{t('rollback.toPush')}</a>}
    </section>
  );
}
