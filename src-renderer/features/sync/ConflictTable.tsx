import { useState } from 'react';
import type { PlanView } from '../../../src-main/common/ipc';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { syncMessages } from './messages';

/** Base / theirs / ours side by side, one row per conflict, with the user's pick per row. */
export function ConflictTable({ conflicts, onResolve }: { conflicts: PlanView['conflicts']; onResolve: (choices: Record<string, 'ours' | 'theirs'>) => void }) {
  const t = useFeatureT(syncMessages);
  const locale = useLocale();
  const [choices, setChoices] = useState<Record<string, 'ours' | 'theirs'>>({});
  const complete = conflicts.every((c) => choices[c.id] !== undefined);
  return (
    <section aria-labelledby="sync-conflicts-title" className="sync-conflicts">
      <h3 id="sync-conflicts-title">{t('conflictsTitle', { count: conflicts.length })}</h3>
      <p className="muted">{t('conflictsHint')}</p>
      <div className="data-table">
        <table aria-label={t('conflictsTitle', { count: conflicts.length })}>
          <thead>
            <tr>
              <th scope="col">{t('summary')}</th>
              <th scope="col">{t('base')}</th>
              <th scope="col">{t('theirs')}</th>
              <th scope="col">{t('ours')}</th>
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c) => (
              <tr key={c.id}>
                <th scope="row">{c.title[locale]}</th>
                <td>{c.base[locale]}</td>
                <td>
                  <label className={choices[c.id] === 'theirs' ? 'sync-chosen' : undefined}>
                    <input type="radio" name={`conflict-${c.id}`} checked={choices[c.id] === 'theirs'} onChange={() => setChoices({ ...choices, [c.id]: 'theirs' })} />
                    {t('keepTheirs')}: {c.theirs[locale]}
                  </label>
                </td>
                <td>
                  {c.oursPossible ? (
                    <label className={choices[c.id] === 'ours' ? 'sync-chosen' : undefined}>
                      <input type="radio" name={`conflict-${c.id}`} checked={choices[c.id] === 'ours'} onChange={() => setChoices({ ...choices, [c.id]: 'ours' })} />
                      {t('keepOurs')}: {c.ours[locale]}
                    </label>
                  ) : (
                    <span className="muted">{t('oursImpossible')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="toolbar">
        <button type="button" disabled={!complete} onClick={() => onResolve(choices)}>
          {t('applyChoices')}
        </button>
      </div>
    </section>
  );
}
