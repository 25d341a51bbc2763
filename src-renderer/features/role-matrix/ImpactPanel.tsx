import { useEffect } from 'react';
import { useAppErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useDraftStore } from '../../stores/draftStore';
import { impactShown } from './gestureTiming';
import { roleMatrixMessages } from './messages';
import { useImpactProjection } from './useDraftProjection';

/**
 * Who gains or loses access if the active draft were pushed, from the engine (`impact.summary`), refreshed
 * after every gesture, undo and redo. Counts are exact; the list of people is capped by the main process.
 */
export function ImpactPanel() {
  const t = useFeatureT(roleMatrixMessages);
  const impact = useImpactProjection();
  const words = useAppErrorText();
  const draftId = useDraftStore((s) => s.activeDraftId);
  const data = impact.shown;
  // People (not grants) who gain or lose anything, from the capped list: "≥ n" when the list was cut.
  const people = (test: (p: { before: number; after: number }) => boolean) => {
    const n = data?.users.filter((u) => u.permissions.some(test)).length ?? 0;
    return data?.truncated ? t('impact.atLeast', { count: n }) : String(n);
  };

  // Measured after the commit that shows the new numbers: pointer-up → impact on screen.
  useEffect(() => {
    if (impact.data) impactShown(impact.revision);
  }, [impact.data, impact.revision]);

  return (
    <aside className="impact-panel" aria-labelledby="impact-title" data-testid="impact-panel" data-revision={impact.revision} aria-busy={impact.loading}>
      <h2 id="impact-title">{t('impact.title')}</h2>
      {draftId === null || !data ? (
        <p className="muted">{draftId === null ? t('impact.noDraft') : impact.error ? words(impact.error) : t('impact.loading')}</p>
      ) : (
        <>
          <dl className="impact-counts">
            <dt>{t('impact.affected')}</dt>
            <dd data-testid="impact-affected">{data.counts.usersAffected}</dd>
            <dt>{t('impact.peopleGaining')}</dt>
            <dd className="gain" data-testid="impact-people-gaining">{people((p) => p.before === 0 && p.after > 0)}</dd>
            <dt>{t('impact.peopleLosing')}</dt>
            <dd className="loss" data-testid="impact-people-losing">{people((p) => p.before > 0 && p.after === 0)}</dd>
            <dt>{t('impact.gained')}</dt>
            <dd className="gain" data-testid="impact-gained">{data.counts.gained}</dd>
            <dt>{t('impact.lost')}</dt>
            <dd className="loss" data-testid="impact-lost">{data.counts.lost}</dd>
            <dt>{t('impact.widened')}</dt>
            <dd>{data.counts.widened}</dd>
            <dt>{t('impact.narrowed')}</dt>
            <dd>{data.counts.narrowed}</dd>
            <dt>{t('impact.fields')}</dt>
            <dd>{data.counts.fieldChanges}</dd>
          </dl>
          {data.users.length === 0 ? (
            <p className="muted">{t('impact.nobody')}</p>
          ) : (
            <>
              <h3 className="visually-hidden">{t('impact.list')}</h3>
              <ul className="impact-list" aria-label={t('impact.list')}>
                {data.users.map((user) => {
                  const gained = user.permissions.filter((p) => p.before === 0 && p.after > 0).length;
                  const lost = user.permissions.filter((p) => p.before > 0 && p.after === 0).length;
                  const scoped = user.permissions.length - gained - lost;
                  return (
                    <li key={user.userId}>
                      <span className="who">{user.name}</span> <span className="muted">{t(`impact.kind.${user.kind}`)}</span>
                      <div className="what">{t('impact.userChanges', { gained, lost, scoped, fields: user.fields.length })}</div>
                    </li>
                  );
                })}
              </ul>
              {data.truncated && <p className="muted">{t('impact.truncated', { count: data.users.length })}</p>}
            </>
          )}
          <p className="impact-took">{t('impact.took', { ms: data.tookMs.toFixed(1) })}</p>
        </>
      )}
    </aside>
  );
}
