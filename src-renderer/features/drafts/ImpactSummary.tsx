import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { draftsMessages, type DraftsMessageKey } from './messages';
import type { DraftChanges } from './useDraftReview';

const SHOWN = 8;
type Way = 'gained' | 'lost' | 'widened' | 'narrowed';
const WORDS: Record<Way, [DraftsMessageKey, DraftsMessageKey]> = {
  gained: ['gainOne', 'gainMany'],
  lost: ['loseOne', 'loseMany'],
  widened: ['widenOne', 'widenMany'],
  narrowed: ['narrowOne', 'narrowMany'],
};

/** "12 people gain Customers › Delete; 3 lose Export": the engine's impact of the draft, per permission. */
export function ImpactSummary({ impact }: { impact: DraftChanges['impact'] }) {
  const t = useFeatureT(draftsMessages);
  const locale = useLocale();
  const sentences = impact.permissions.slice(0, SHOWN).map((p) =>
    (['gained', 'lost', 'widened', 'narrowed'] as Way[])
      .filter((way) => p[way] > 0)
      .map((way) => t(WORDS[way][p[way] === 1 ? 0 : 1], { count: p[way], permission: p.label[locale] }))
      .join(locale === 'zh-CN' ? '；' : '; '),
  );
  return (
    <section className="draft-impact" aria-labelledby="impact-summary-title">
      <h3 id="impact-summary-title">{t('impactTitle')}</h3>
      {impact.usersAffected === 0 ? (
        <p className="muted">{t('impactNobody')}</p>
      ) : (
        <>
          <p data-testid="impact-affected-count">
            {impact.usersAffected === 1 ? t('impactAffectedOne') : t('impactAffected', { count: impact.usersAffected })}
            {impact.moved > 0 && ` · ${t('impactMoved', { count: impact.moved })}`}
          </p>
          <ul className="impact-sentences">
            {sentences.map((s, i) => (
              <li key={impact.permissions[i]!.permissionId}>{s}</li>
            ))}
            {impact.permissions.length > SHOWN && <li className="muted">{t('impactMore', { count: impact.permissions.length - SHOWN })}</li>}
          </ul>
        </>
      )}
    </section>
  );
}
