import { useEffect, useState } from 'react';
import { useFeatureT } from '../../i18n/featureMessages';
import { useDraftStore } from '../../stores/draftStore';
import { ConnectPanel } from './ConnectPanel';
import { syncMessages } from './messages';
import { PushFlow } from './PushFlow';
import { usePushFlowStore } from './pushFlowStore';
import { PushHistory } from './PushHistory';
import { RollbackNotice } from './RollbackNotice';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

/** Connection, the push flow for a chosen draft, and the workspace's pushes (resume, verify, roll back). */
export function SyncView() {
  const t = useFeatureT(syncMessages);
  const drafts = useDraftStore((s) => s.drafts);
  const activeDraftId = useDraftStore((s) => s.activeDraftId);
  const load = useDraftStore((s) => s.load);
  const stage = usePushFlowStore((s) => s.stage);
  const { status } = useSyncStatus();
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => void load(), [load]);
  const draftId = chosen ?? activeDraftId ?? drafts.at(-1)?.id ?? null;

  return (
    <section className="view sync-view" aria-labelledby="sync-title">
      <h1 id="sync-title">{t('title')}</h1>
      <p className="muted">{t('hint')}</p>
      <h2>{t('connectTitle')}</h2>
      <ConnectPanel />
      {status?.connection && (
        <>
          <h2>{t('draft')}</h2>
          {drafts.length === 0 ? (
            <p className="muted">{t('noDrafts')}</p>
          ) : (
            <label className="sync-draft-pick">
              {t('draftToPush')}{' '}
              <select value={draftId ?? ''} disabled={stage.kind !== 'idle'} onChange={(e) => setChosen(e.target.value)}>
                {drafts.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {stage.kind !== 'result' && <RollbackNotice />}
          <PushFlow draftId={draftId} />
          <PushHistory pushes={status.pushes} />
        </>
      )}
    </section>
  );
}
