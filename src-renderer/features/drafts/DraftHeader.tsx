import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DraftSummary } from '../../../src-main/common/ipc';
import { api } from '../../api/client';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { formatPushTime, lifecycleMessages } from './lifecycleMessages';
import { draftsMessages } from './messages';
import { RollbackBanner } from './RollbackBanner';

/** The selected draft's name and what can be done with it: show it in the views, rename, duplicate, discard. */
export function DraftHeader({ draft, onSelect }: { draft: DraftSummary; onSelect: (id: string | null) => void }) {
  const t = useFeatureT(draftsMessages);
  const tl = useFeatureT(lifecycleMessages);
  const locale = useLocale();
  const activeId = useDraftStore((s) => s.activeDraftId);
  const activate = useDraftStore((s) => s.activate);
  const reload = useDraftStore((s) => s.load);
  const [mode, setMode] = useState<'idle' | 'rename' | 'discard'>('idle');
  const [name, setName] = useState(draft.name);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setMode('idle');
    setName(draft.name);
  }, [draft.id, draft.name]);
  useEffect(() => {
    if (mode === 'discard') confirmRef.current?.focus();
  }, [mode]);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    await api().call('drafts.rename', { draftId: draft.id, name: name.trim() });
    setMode('idle');
    await reload();
  };
  const duplicate = async () => {
    const copy = await api().call('drafts.duplicate', { draftId: draft.id, name: t('copyName', { name: draft.name }).slice(0, 120) });
    await reload();
    onSelect(copy.id);
  };
  const discard = async () => {
    await api().call('drafts.discard', { draftId: draft.id });
    await reload();
    onSelect(null);
  };
  const shown = draft.id === activeId;

  return (
    <header className="draft-header">
      {mode === 'rename' ? (
        <form className="draft-rename" onSubmit={(e) => void rename(e)} aria-label={t('rename')}>
          <label>
            {t('renameLabel')}
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} autoFocus onKeyDown={(e) => e.key === 'Escape' && setMode('idle')} />
          </label>
          <button type="submit">{t('save')}</button>
          <button type="button" onClick={() => setMode('idle')}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <h2 id="draft-heading">{draft.name}</h2>
      )}
      <p className="muted">
        {t('base', { version: draft.baseVersion })} · {t('gestures', { count: draft.appliedCount })}
        {shown && <span className="draft-shown">{t('shown')}</span>}
        {draft.readOnly && <span className="draft-tag locked">{tl('readOnly.tag')}</span>}
      </p>
      {draft.pushed && (
        <p className="readonly-note" data-testid="draft-readonly-note">
          {tl('readOnly.header', {
            at: formatPushTime(draft.pushed.at, locale) ?? draft.pushed.at,
            outcome: tl(draft.pushed.outcome ? `outcome.${draft.pushed.outcome}` : 'outcome.open'),
          })}
        </p>
      )}
      <RollbackBanner draft={draft} />
      <div className="toolbar">
        <button type="button" onClick={() => void activate(shown ? null : draft.id)}>
          {shown ? t('deactivate') : t('activate')}
        </button>
        <button type="button" onClick={() => setMode('rename')} disabled={mode === 'rename'}>
          {t('rename')}
        </button>
        <button type="button" onClick={() => void duplicate()}>
          {t('duplicate')}
        </button>
        <button type="button" className="danger" onClick={() => setMode('discard')}>
          {t('discard')}
        </button>
      </div>
      {mode === 'discard' && (
        <div role="alertdialog" aria-labelledby="discard-text" className="discard-confirm" onKeyDown={(e) => e.key === 'Escape' && setMode('idle')}>
          <p id="discard-text">{t('discardConfirm', { name: draft.name, count: draft.appliedCount })}</p>
          <button type="button" className="danger" onClick={() => void discard()}>
            {t('discardYes')}
          </button>
          {/* Focus lands on Cancel: Enter on a freshly opened confirmation must not destroy anything. */}
          <button type="button" ref={confirmRef} onClick={() => setMode('idle')}>
            {t('cancel')}
          </button>
        </div>
      )}
    </header>
  );
}
