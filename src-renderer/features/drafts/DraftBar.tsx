import { useEffect } from 'react';
import { describeAppError } from '../../components/errors/errorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale, useT } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { formatPushTime, lifecycleMessages } from './lifecycleMessages';
import './lifecycle.css';

/**
 * The active draft, undo and redo, in the header of every view. Ctrl/⌘+Z undoes and Ctrl/⌘+Shift+Z or
 * Ctrl+Y redoes one gesture, except while typing in a field. A pushed draft is read-only: undo and redo are off
 * and say why. When an edit had to start a new draft (the active one was pushed, or is a rollback draft), it says so.
 */
export function DraftBar() {
  const t = useT();
  const tl = useFeatureT(lifecycleMessages);
  const locale = useLocale();
  const load = useDraftStore((s) => s.load);
  const drafts = useDraftStore((s) => s.drafts);
  const activeId = useDraftStore((s) => s.activeDraftId);
  const undo = useDraftStore((s) => s.undo);
  const redo = useDraftStore((s) => s.redo);
  const problem = useDraftStore((s) => s.lastProblem);
  const problemWords = problem && describeAppError(problem, locale);
  const notice = useDraftStore((s) => s.notice);
  const dismissNotice = useDraftStore((s) => s.dismissNotice);
  const reviewId = useDraftStore((s) => s.reviewDraftId);
  const active = drafts.find((d) => d.id === activeId) ?? null;
  const review = drafts.find((d) => d.id === reviewId) ?? null;

  useEffect(() => void load(), [load]);
  // When the list moved unasked (a push journaled, planned or verified, an import), the server cache tells the
  // draft store (its `drafts` scope); the renderer's own edits answer with their summary.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const mod = event.ctrlKey || event.metaKey;
      if (!mod) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) void undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') void redo();
      else return;
      event.preventDefault();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const pushedAt = active?.pushed ? formatPushTime(active.pushed.at, locale) : null;
  const lockedReason = active?.readOnly ? tl('readOnly.undo', { name: active.name, at: pushedAt ?? '' }) : null;
  const rollbackAt = active?.origin ? (formatPushTime(active.origin.pushedAt, locale) ?? tl('rollback.unknownTime')) : null;

  return (
    <div className="draft-bar" role="group" aria-label={t('draft.bar')}>
      <span className="draft-name" data-testid="active-draft">
        {active ? t('draft.active', { name: active.name, count: active.appliedCount }) : t('draft.none')}
      </span>
      {active?.readOnly && (
        <span id="draft-locked-reason" className="draft-tag locked" title={lockedReason ?? undefined} data-testid="active-draft-readonly">
          {tl('readOnly.tag')}
          <span className="visually-hidden">: {lockedReason}</span>
        </span>
      )}
      {active?.origin && (
        <a className="draft-tag rollback" href="#/drafts" title={tl('rollback.active', { at: rollbackAt! })}>
          {tl('rollback.tag')}
        </a>
      )}
      <button
        type="button"
        onClick={() => void undo()}
        disabled={!active?.canUndo}
        title={lockedReason ?? t('draft.undoHint')}
        aria-describedby={lockedReason ? 'draft-locked-reason' : undefined}
      >
        {t('draft.undo')}
      </button>
      <button
        type="button"
        onClick={() => void redo()}
        disabled={!active?.canRedo}
        title={lockedReason ?? t('draft.redoHint')}
        aria-describedby={lockedReason ? 'draft-locked-reason' : undefined}
      >
        {t('draft.redo')}
      </button>
      {review && review.id !== activeId && (
        <a className="draft-tag rollback" href="#/drafts">
          {tl('rollback.review', { name: review.name })}
        </a>
      )}
      {notice && (
        <span role="status" className="draft-notice" data-testid="new-draft-notice">
          {tl(notice.reason === 'pushed' ? 'notice.pushed' : 'notice.rollback', { from: notice.from, to: notice.to })}
          <button type="button" className="icon-button" aria-label={tl('notice.dismiss')} title={tl('notice.dismiss')} onClick={dismissNotice}>
            ×
          </button>
        </span>
      )}
      {problemWords && (
        <span role="alert" className="draft-problem" title={problemWords.lines.join('\n')}>
          {problemWords.summary}
        </span>
      )}
    </div>
  );
}
