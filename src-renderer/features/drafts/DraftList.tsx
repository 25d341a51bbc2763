import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useFeatureT } from '../../i18n/featureMessages';
import { useDraftStore } from '../../stores/draftStore';
import { lifecycleMessages } from './lifecycleMessages';
import { draftsMessages } from './messages';

/** Up and Down move between drafts, Home and End to the first and last (Tab leaves the list as usual). */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.draft-item')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
  if (next === undefined || at < 0) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
}

/** The workspace's drafts: pick one to review, create a new one. The one shown in the views is marked. */
export function DraftList({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string) => void }) {
  const t = useFeatureT(draftsMessages);
  const tl = useFeatureT(lifecycleMessages);
  const drafts = useDraftStore((s) => s.drafts);
  const activeId = useDraftStore((s) => s.activeDraftId);
  const create = useDraftStore((s) => s.create);
  const [name, setName] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const draft = await create(name.trim() || t('defaultName', { n: drafts.length + 1 }));
    setName('');
    onSelect(draft.id);
  };

  return (
    <div className="pane drafts-list-pane">
      <form className="drafts-create" onSubmit={(e) => void submit(e)} aria-label={t('create')}>
        <label>
          <span className="visually-hidden">{t('newName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder={t('newName')} aria-label={t('newName')} maxLength={120} />
        </label>
        <button type="submit">{t('create')}</button>
      </form>
      {drafts.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="drafts-list" aria-label={t('listLabel')} onKeyDown={moveFocus}>
          {drafts.map((d) => (
            <li key={d.id}>
              <button type="button" className="draft-item" aria-current={d.id === selectedId ? 'true' : undefined} onClick={() => onSelect(d.id)}>
                <span className="draft-item-name">{d.name}</span>
                <span className="muted">{t('gestures', { count: d.appliedCount })}</span>
                {d.id === activeId && <span className="draft-shown">{t('shown')}</span>}
                {d.readOnly && <span className="draft-tag locked">{tl('readOnly.tag')}</span>}
                {d.origin?.kind === 'rollback' && <span className="draft-tag rollback">{tl('rollback.tag')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
