import type { PlanView } from '../../../src-main/common/ipc';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { syncMessages } from './messages';

/** What takes effect at once, after the permission cache expires, or only at the people's next login (§9.1). */
export function Propagation({ notes }: { notes: PlanView['propagation'] }) {
  const t = useFeatureT(syncMessages);
  const locale = useLocale();
  if (notes.length === 0) return null;
  return (
    <section aria-labelledby="sync-propagation-title" className="sync-propagation">
      <h3 id="sync-propagation-title">{t('propagationTitle')}</h3>
      <ul>
        {notes.map((n, i) => (
          <li key={i} data-delay={n.delay}>
            <strong>{t(`delay.${n.delay}`, { minutes: Math.round((n.maxDelaySeconds ?? 0) / 60) })}</strong> · {t('people', { count: n.people })} — {n.message[locale]}
          </li>
        ))}
      </ul>
    </section>
  );
}
