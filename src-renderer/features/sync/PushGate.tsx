import type { PushGate as Gate } from '../../../src-main/common/ipc';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { gateMessages } from './gateMessages';

/** What the person must give before "Push": a reason when checks block, the draft's name when it is wide. */
export interface GateAnswer {
  reason: string;
  confirmation: string;
}

export const MIN_REASON = 10;

/** Whether the answer satisfies the gate (the main process checks the same again). */
export function gateSatisfied(gate: Gate, answer: GateAnswer): boolean {
  return (gate.blocking === 0 || answer.reason.trim().length >= MIN_REASON) && (gate.typedBecause.length === 0 || answer.confirmation.trim() === gate.draftName.trim());
}

/**
 * The push gate: the impact by name (each group expandable to its people, sensitive ones first and marked), the
 * checks on the result (those the draft introduces marked, errors blocking), the override reason and the typed
 * confirmation when they are needed.
 */
export function PushGate({ gate, answer, onAnswer }: { gate: Gate; answer: GateAnswer; onAnswer: (next: GateAnswer) => void }) {
  const t = useFeatureT(gateMessages);
  const locale = useLocale();
  // What the draft introduces comes first and in full; what the server already has is folded away.
  const introduced = gate.findings.filter((f) => f.introduced).sort((a, b) => Number(b.blocking) - Number(a.blocking));
  const existing = gate.findings.filter((f) => !f.introduced);
  const finding = (f: Gate['findings'][number], i: number) => (
    <li key={i} className={`lint-${f.severity}`}>
      {f.blocking && <span className="gate-badge gate-blocks">{t('blocks')}</span>} {f.message[locale]}
    </li>
  );
  return (
    <section aria-labelledby="gate-title" className="push-gate" data-testid="push-gate">
      <h3 id="gate-title">{t('title')}</h3>
      <p>{t('people', { affected: gate.peopleAffected, widened: gate.peopleWidened })}</p>
      <ul className="gate-groups">
        {gate.groups.map((g, i) => (
          <li key={i} className={g.sensitive ? 'gate-sensitive' : undefined}>
            <details>
              <summary>
                {g.sensitive && <span className="gate-badge">{t('sensitive')}</span>} {t(`kind.${g.kind}`)} <strong>{g.subject[locale]}</strong> —{' '}
                {t('groupCount', { count: g.count })}
              </summary>
              <ul className="gate-people">
                {g.people.map((p) => (
                  <li key={p.id}>
                    {p.name}
                    {p.department && <span className="muted"> · {p.department}</span>}
                  </li>
                ))}
                {g.count > g.people.length && <li className="muted">{t('more', { count: g.count - g.people.length })}</li>}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      {gate.moreGroups > 0 && <p className="muted">{t('moreGroups', { count: gate.moreGroups })}</p>}

      <h4>{t('checksTitle')}</h4>
      {introduced.length === 0 ? (
        <p className="muted">{t('noChecks')}</p>
      ) : (
        <ul className="gate-findings" aria-label={t('checksTitle')}>
          {introduced.map(finding)}
          {gate.introducedLeftOut > 0 && <li className="muted">{t('moreFindings', { count: gate.introducedLeftOut })}</li>}
        </ul>
      )}
      {existing.length > 0 && (
        <details className="gate-existing">
          <summary className="muted">{t('existingChecks', { count: existing.length + gate.existingLeftOut })}</summary>
          <ul className="gate-findings">
            {existing.map(finding)}
            {gate.existingLeftOut > 0 && <li className="muted">{t('moreFindings', { count: gate.existingLeftOut })}</li>}
          </ul>
        </details>
      )}
      {gate.blocking > 0 && (
        <div className="gate-override">
          <p role="alert" className="form-error">
            {gate.blocking === 1 ? t('overrideNeededOne') : t('overrideNeeded', { count: gate.blocking })}
          </p>
          <label>
            {t('overrideLabel')}
            <textarea value={answer.reason} maxLength={1000} onChange={(e) => onAnswer({ ...answer, reason: e.target.value })} />
          </label>
        </div>
      )}
      {gate.typedBecause.length > 0 && (
        <div className="gate-typed">
          <h4>{t('typedTitle')}</h4>
          <ul>
            {gate.typedBecause.map((l, i) => (
              <li key={i}>{l[locale]}</li>
            ))}
          </ul>
          <label>
            {t('typedLabel', { name: gate.draftName })}
            <input type="text" value={answer.confirmation} autoComplete="off" onChange={(e) => onAnswer({ ...answer, confirmation: e.target.value })} />
          </label>
        </div>
      )}
    </section>
  );
}
