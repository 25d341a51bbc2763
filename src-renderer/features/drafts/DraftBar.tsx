import { useEffect } from 'react';
import { useT } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';

/**
 * The active draft, undo and redo, in the header of every view. Ctrl/⌘+Z undoes and Ctrl/⌘+Shift+Z or
 * Ctrl+Y redoes one gesture, except while typing in a field.
 */
export function DraftBar() {
  const t = useT();
  const load = useDraftStore((s) => s.load);
  const drafts = useDraftStore((s) => s.drafts);
  const activeId = useDraftStore((s) => s.activeDraftId);
  const undo = useDraftStore((s) => s.undo);
  const redo = useDraftStore((s) => s.redo);
  const problem = useDraftStore((s) => s.lastProblem);
  const active = drafts.find((d) => d.id === activeId) ?? null;

  useEffect(() => void load(), [load]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
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

  return (
    <div className="draft-bar" role="group" aria-label={t('draft.bar')}>
      <span className="draft-name" data-testid="active-draft">
        {active ? t('draft.active', { name: active.name, count: active.appliedCount }) : t('draft.none')}
      </span>
      <button type="button" onClick={() => void undo()} disabled={!active?.canUndo} title={t('draft.undoHint')}>
        {t('draft.undo')}
      </button>
      <button type="button" onClick={() => void redo()} disabled={!active?.canRedo} title={t('draft.redoHint')}>
        {t('draft.redo')}
      </button>
      {problem && (
        <span role="alert" className="draft-problem" title={problem.details.join('\n')}>
          {problem.message}
        </span>
      )}
    </div>
  );
}
