import { useState } from 'react';
import type { ChangeSubject, RevertBlocker } from '../../../src-main/common/ipc';
import { api } from '../../api/client';
import { describeError } from '../../components/errors/errorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { lifecycleMessages } from './lifecycleMessages';
import { draftsMessages } from './messages';
import type { DraftChanges } from './useDraftReview';

type Line = { key: string; number: number; batchId: string; text: string };
const KINDS: Array<{ kind: ChangeSubject['kind']; heading: 'groupRoles' | 'groupPeople' | 'groupDepartments' }> = [
  { kind: 'role', heading: 'groupRoles' },
  { kind: 'person', heading: 'groupPeople' },
  { kind: 'department', heading: 'groupDepartments' },
];

/**
 * What the draft changes, cell by cell in plain words, grouped by the role, person or department it is about.
 * Every line names the change (gesture) that made it, and that change can be taken out on its own; when a later
 * change depends on it the main process refuses and the reason is shown.
 */
export function ChangeList({ draftId, changes, readOnly = false }: { draftId: string; changes: DraftChanges; readOnly?: boolean }) {
  const t = useFeatureT(draftsMessages);
  const tl = useFeatureT(lifecycleMessages);
  const locale = useLocale();
  const reload = useDraftStore((s) => s.load);
  const [status, setStatus] = useState<{ ok: boolean; text: string; details: string[] } | null>(null);

  const groups = new Map<string, { subject: ChangeSubject; lines: Line[] }>();
  for (const gesture of changes.gestures) {
    for (const change of gesture.changes) {
      const id = `${change.subject.kind}\u0000${change.subject.id}`;
      const group = groups.get(id) ?? { subject: change.subject, lines: [] };
      group.lines.push({ key: `${gesture.batchId}\u0000${change.key}`, number: gesture.number, batchId: gesture.batchId, text: change.text[locale] });
      groups.set(id, group);
    }
  }

  const revert = async (number: number, batchId: string) => {
    try {
      const result = await api().call('drafts.revertBatch', { draftId, batchId });
      if (result.reverted) setStatus({ ok: true, text: t('reverted', { n: number }), details: [] });
      else setStatus({ ok: false, text: t('revertRefused', { n: number }), details: result.blockers.map((b: RevertBlocker) => t('blocker', { n: b.number, gesture: b.gesture[locale], problem: b.problem.message[locale] })) });
      await reload();
    } catch (error) {
      const { summary, lines } = describeError(error, locale);
      setStatus({ ok: false, text: t('failed', { message: summary }), details: lines });
    }
  };

  return (
    <section className="draft-changes" aria-labelledby="changes-title">
      <h3 id="changes-title">{t('changesTitle')}</h3>
      {status && (
        <div role={status.ok ? 'status' : 'alert'} className={status.ok ? 'revert-ok' : 'revert-refused'}>
          <p>{status.text}</p>
          {status.details.length > 0 && (
            <ul>
              {status.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {changes.gestures.length === 0 && <p className="muted">{t('noChanges')}</p>}
      {KINDS.map(({ kind, heading }) => {
        const subjects = [...groups.values()].filter((g) => g.subject.kind === kind);
        if (subjects.length === 0) return null;
        return (
          <div key={kind} className="change-group">
            <h4>{t(heading)}</h4>
            {subjects.map(({ subject, lines }) => (
              <div key={subject.id} className="change-subject">
                <h5>{subject.name}</h5>
                <ul aria-label={subject.name}>
                  {lines.map((line) => (
                    <li key={line.key}>
                      <span className="change-text">{line.text}</span>
                      <span className="change-tag">{t('gestureTag', { n: line.number })}</span>
                      <button type="button" className="link-button" aria-label={t('revertLabel', { n: line.number, text: line.text })}
                        disabled={readOnly}
                        title={readOnly ? tl('readOnly.revert') : undefined}
                        onClick={() => void revert(line.number, line.batchId)}>
                        {t('revert')}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        );
      })}
      {changes.gestures.length > 0 && (
        <details className="gestures-in-order">
          <summary>{t('inOrder')}</summary>
          <ol>
            {changes.gestures.map((g) => (
              <li key={g.batchId}>{g.operations.map((o) => o[locale]).join(locale === 'zh-CN' ? '；' : '; ')}</li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
