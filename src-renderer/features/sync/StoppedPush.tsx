import { useState } from 'react';
import type { PushReportView, UndoPreviewView, UndoResultView } from '../../../src-main/common/ipc';
import { api } from '../../api/client';
import { errorText, pushFailureText } from '../../components/errors/errorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { ProgressBar } from './ProgressBar';
import { recoveryMessages } from './recoveryMessages';
import { newId } from '../../app/newId';

export interface StoppedPushProps {
  pushId: string;
  /** How the last run ended, when this session ran it; null for a push found unfinished in the history. */
  failure: PushReportView['failure'] | null;
  resumable: boolean;
  done: number;
  calls: number;
  onResume: () => void;
  onClose: () => void;
}

type Phase =
  | { kind: 'choose' }
  | { kind: 'checking' }
  | { kind: 'preview'; preview: UndoPreviewView }
  | { kind: 'undoing' }
  | { kind: 'undone'; result: UndoResultView }
  | { kind: 'abandoning' }
  | { kind: 'abandoned' }
  | { kind: 'error'; error: unknown };

const taskId = () => newId('undo');

/**
 * A push that did not finish, and how it ends: resume (when the failure was transient), undo what landed (a
 * compensating push, previewed first: exactly which changes go back), or abandon (closed with a reason, draft kept).
 */
export function StoppedPush({ pushId, failure, resumable, done, calls, onResume, onClose }: StoppedPushProps) {
  const t = useFeatureT(recoveryMessages);
  const locale = useLocale();
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [reason, setReason] = useState('');
  const lines = (items: ReadonlyArray<Record<typeof locale, string>>) => (
    <ul>
      {items.map((l, i) => (
        <li key={i}>{l[locale]}</li>
      ))}
    </ul>
  );
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      setPhase({ kind: 'error', error });
    }
  };

  const why = () => {
    if (!failure) return t('interrupted', { done, calls });
    const what = failure.endpoint;
    if (failure.code === 'SERVER_REJECTED') return t('rejected', { seq: failure.seq, what, serverCode: failure.serverCode ?? '—' });
    const message = pushFailureText(failure, locale);
    return failure.resumable ? t('transient', { seq: failure.seq, what, message }) : t('refused', { seq: failure.seq, what, message });
  };

  switch (phase.kind) {
    case 'checking':
      return <ProgressBar label={t('undoChecking')} done={0} total={0} />;
    case 'undoing':
      return <ProgressBar label={t('undoing')} done={0} total={0} />;
    case 'abandoning':
      return (
        <section className="sync-stopped" aria-label={t('abandon')}>
          <p>{t('abandonHint')}</p>
          <label>
            {t('abandonReason')}
            <textarea value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
          <div className="toolbar">
            <button
              type="button"
              className="danger"
              onClick={() =>
                void attempt(async () => {
                  await api().call('sync.abandon', { pushId, ...(reason.trim() ? { reason: reason.trim() } : {}) });
                  setPhase({ kind: 'abandoned' });
                })
              }
            >
              {t('abandonConfirm')}
            </button>
            <button type="button" onClick={() => setPhase({ kind: 'choose' })}>
              {t('cancel')}
            </button>
          </div>
        </section>
      );
    case 'abandoned':
      return (
        <div className="sync-stopped">
          <p role="status">{t('abandoned')}</p>
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      );
    case 'preview': {
      const { preview } = phase;
      return (
        <section className="sync-stopped" aria-label={t('undo')}>
          <p>{t('undoHint')}</p>
          {preview.calls === 0 ? (
            <p role="status">{t('undoNothing')}</p>
          ) : (
            <>
              <h4>{t('undoList', { count: preview.landed.length })}</h4>
              {lines(preview.landed)}
            </>
          )}
          {preview.notUndoable.length > 0 && (
            <>
              <h4>{t('undoCannot')}</h4>
              {lines(preview.notUndoable)}
            </>
          )}
          <div className="toolbar">
            <button
              type="button"
              className="primary"
              onClick={() =>
                void attempt(async () => {
                  setPhase({ kind: 'undoing' });
                  setPhase({ kind: 'undone', result: await api().call('sync.undoLanded', { taskId: taskId(), pushId }) });
                })
              }
            >
              {preview.calls === 0 ? t('close') : t('undoConfirm', { count: preview.landed.length })}
            </button>
            <button type="button" onClick={() => setPhase({ kind: 'choose' })}>
              {t('cancel')}
            </button>
          </div>
        </section>
      );
    }
    case 'undone': {
      const { result } = phase;
      const stopped = result.report?.failure;
      return (
        <section className="sync-stopped" aria-label={t('undo')}>
          {result.compensatingPushId === null ? (
            <p role="status">{t('undoneNothing')}</p>
          ) : stopped ? (
            <p role="alert" className="form-error">
              {t('undoStopped', { message: pushFailureText(stopped, locale) })}
            </p>
          ) : result.verify?.ok ? (
            <p role="status" className="sync-ok" data-testid="undo-verdict">
              {t('undone')}
            </p>
          ) : (
            <>
              <p role="alert" className="form-error" data-testid="undo-verdict">
                {t('undoDiffers', { count: result.verify?.mismatches.length ?? 0 })}
              </p>
              {lines(result.verify?.mismatches ?? [])}
            </>
          )}
          {result.notUndoable.length > 0 && (
            <>
              <h4>{t('undoCannot')}</h4>
              {lines(result.notUndoable)}
            </>
          )}
          <button type="button" onClick={onClose}>
            {t('close')}
          </button>
        </section>
      );
    }
    case 'error':
    case 'choose':
      return (
        <section className="sync-stopped" aria-labelledby="sync-stopped-title">
          <h3 id="sync-stopped-title">{t('title')}</h3>
          <p role="alert" className="form-error">
            {why()}
          </p>
          {phase.kind === 'error' && (
            <p role="alert" className="form-error">
              {errorText(phase.error, locale)}
            </p>
          )}
          <p className="muted">{t('choices')}</p>
          <div className="toolbar">
            {resumable && (
              <button type="button" className="primary" onClick={onResume}>
                {t('resume')}
              </button>
            )}
            <button
              type="button"
              className={resumable ? undefined : 'primary'}
              onClick={() =>
                void attempt(async () => {
                  setPhase({ kind: 'checking' });
                  setPhase({ kind: 'preview', preview: await api().call('sync.undoPreview', { taskId: taskId(), pushId }) });
                })
              }
            >
              {t('undo')}
            </button>
            <button type="button" onClick={() => setPhase({ kind: 'abandoning' })}>
              {t('abandon')}
            </button>
            <button type="button" onClick={onClose}>
              {t('close')}
            </button>
          </div>
        </section>
      );
  }
}
