import { useState } from 'react';
import type { PlanView } from '../../../src-main/common/ipc';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { ConflictTable } from './ConflictTable';
import { syncMessages } from './messages';
import { gateMessages } from './gateMessages';
import { Propagation } from './Propagation';
import { gateSatisfied, PushGate, type GateAnswer } from './PushGate';

/** The plan before anything is sent: conflicts to resolve, refusals, or the exact calls to confirm. */
export function PlanReview({ plan, onResolve, onConfirm, onClose }: {
  plan: PlanView;
  onResolve: (choices: Record<string, 'ours' | 'theirs'>) => void;
  onConfirm: (answer: GateAnswer) => void;
  onClose: () => void;
}) {
  const t = useFeatureT(syncMessages);
  const tg = useFeatureT(gateMessages);
  const locale = useLocale();
  const [answer, setAnswer] = useState<GateAnswer>({ reason: '', confirmation: '' });
  const gate = plan.gate;
  const ready = plan.status === 'ready' && (!gate || gateSatisfied(gate, answer));
  return (
    <div className="sync-plan">
      {plan.rebased && <p className="sync-note">{t('rebased')}</p>}
      {plan.status === 'conflicts' && <ConflictTable conflicts={plan.conflicts} onResolve={onResolve} />}
      {plan.status === 'refused' && (
        <section role="alert" aria-labelledby="sync-refused-title">
          <h3 id="sync-refused-title">{t('refusedTitle')}</h3>
          <ul>
            {plan.refusals.map((r, i) => (
              <li key={i}>
                <code>{r.code}</code> {r.reason[locale]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {plan.status === 'empty' && <p role="status">{t('emptyPlan')}</p>}
      {plan.status === 'ready' && plan.changes.length > 0 && (
        <section aria-labelledby="sync-changes-title">
          <h3 id="sync-changes-title">{t('changesTitle', { count: plan.changes.length })}</h3>
          <ul className="sync-changes">
            {plan.changes.map((c, i) => (
              <li key={i}>{c[locale]}</li>
            ))}
          </ul>
        </section>
      )}
      {plan.status === 'ready' && gate && <PushGate gate={gate} answer={answer} onAnswer={setAnswer} />}
      {plan.status === 'ready' && (
        <section aria-labelledby="sync-plan-title">
          <h3 id="sync-plan-title">{t('planTitle', { count: plan.steps.length })}</h3>
          <p className="muted">{t('planHint')}</p>
          <div className="data-table">
            <table aria-label={t('planTitle', { count: plan.steps.length })}>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('endpoint')}</th>
                  <th scope="col">{t('summary')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.steps.map((s) => (
                  <tr key={s.seq}>
                    <td>{s.seq}</td>
                    <td>
                      <code>{s.endpoint}</code>
                    </td>
                    <td>{s.summary[locale]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Propagation notes={plan.propagation} />
        </section>
      )}
      <div className="toolbar">
        {plan.status === 'ready' && (
          <button type="button" className="primary" disabled={!ready} onClick={() => onConfirm(answer)}>
            {gate
              ? tg(plan.changes.length === 1 ? 'confirmOne' : 'confirm', { changes: plan.changes.length, people: gate.peopleAffected })
              : t('confirmPush', { count: plan.steps.length })}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </div>
  );
}
