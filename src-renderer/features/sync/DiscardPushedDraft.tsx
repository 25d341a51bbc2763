import { useState } from 'react';
import { api } from '../../api/client';
import { useFeatureT } from '../../i18n/featureMessages';
import { useDraftStore } from '../../stores/draftStore';
import { syncMessages } from './messages';
import { usePushFlowStore } from './pushFlowStore';

/**
 * After a verified push, its draft has done its work: drafts replay on the newest snapshot, so keeping it
 * would go on showing (and could push again) changes the server now holds — or, after "keep server" in a
 * conflict, a change the user decided against. Offered, never done silently.
 */
export function DiscardPushedDraft() {
  const t = useFeatureT(syncMessages);
  const draftId = usePushFlowStore((s) => s.pushedDraftId);
  const draft = useDraftStore((s) => s.drafts.find((d) => d.id === draftId) ?? null);
  const reload = useDraftStore((s) => s.load);
  const [done, setDone] = useState(false);
  if (done) return <span role="status">{t('discardedPushed')}</span>;
  if (!draft) return null;
  return (
    <button
      type="button"
      onClick={() =>
        void api()
          .call('drafts.discard', { draftId: draft.id })
          .then(async () => {
            setDone(true);
            await reload();
          })
      }
    >
      {t('discardPushed', { name: draft.name })}
    </button>
  );
}
