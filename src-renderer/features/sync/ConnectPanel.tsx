import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { ConnectDialog } from './ConnectDialog';
import { syncMessages, type SyncMessageKey } from './messages';
import { ProgressBar } from './ProgressBar';
import { usePullProgress } from './usePullProgress';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';
import { newId } from '../../app/newId';

/** Per page load, not per mount: the gate may remount the view while the first pull runs. */
let autoPulledThisPage = false;

/**
 * The workspace's CRM connection: offline by default; connect (dialog), pull with progress and cancel. A newly
 * connected workspace with nothing pulled yet pulls on its own (the page restarts on it after connecting).
 */
export function ConnectPanel() {
  const t = useFeatureT(syncMessages);
  const errorText = useErrorText();
  const { status, reload } = useSyncStatus();
  const [dialog, setDialog] = useState(false);
  const [pullTask, setPullTask] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const progress = usePullProgress(pullTask !== null);

  const pull = async () => {
    const taskId = newId('pull');
    setPullTask(taskId);
    setMessage(null);
    try {
      const result = await api().call('sync.pull', { taskId });
      setMessage({ text: t('pullDone', { version: result.version, users: result.users, roles: result.roles }), error: false });
      await reload();
    } catch (e) {
      setMessage({ text: errorText(e), error: true });
    } finally {
      setPullTask(null);
    }
  };

  useEffect(() => {
    if (status?.connection && !status.snapshot && !autoPulledThisPage) {
      autoPulledThisPage = true;
      void pull();
    }
    // Once, when a connected workspace has nothing pulled yet (right after connecting).
  }, [status]);

  if (!status) return null;
  const stepName = progress ? t(`step.${progress.step}` as SyncMessageKey) : '';
  return (
    <section className="sync-connect" aria-label={t('connectTitle')}>
      <p data-testid="sync-connection">
        {status.connection ? t('connectedTo', { server: status.connection.serverUrl, user: status.connection.username }) : t('offline')}
      </p>
      {status.connection && (
        <p className="muted" data-testid="sync-last-pull">
          {status.snapshot
            ? t('lastPull', { version: status.snapshot.version, users: status.snapshot.users, roles: status.snapshot.roles, when: new Date(status.snapshot.savedAt).toLocaleString() })
            : t('noPull')}
        </p>
      )}
      <div className="toolbar">
        <button type="button" onClick={() => setDialog(true)} disabled={pullTask !== null}>
          {status.connection ? t('reconnect') : t('connect')}
        </button>
        {status.connection && (
          <button type="button" onClick={() => void pull()} disabled={pullTask !== null}>
            {t('pull')}
          </button>
        )}
        {pullTask && (
          <button type="button" onClick={() => void api().call('sync.cancel', { taskId: pullTask })}>
            {t('cancel')}
          </button>
        )}
      </div>
      {pullTask && <ProgressBar label={progress ? t('pullStep', { step: stepName, done: progress.done, total: progress.total }) : t('connectedPulling')} done={progress?.done ?? 0} total={progress?.total ?? 0} />}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : undefined}>
          {message.text}
        </p>
      )}
      {dialog && (
        <ConnectDialog
          needsWorkspace={status.workspaceKind === 'demo'}
          initial={status.connection ? { ...status.connection, edition: status.edition.id } : null}
          onClose={() => setDialog(false)}
          onConnected={({ createdWorkspace }) => {
            setDialog(false);
            // A new workspace restarts the page ('workspace created'); it pulls there on its own.
            if (!createdWorkspace) void pull();
          }}
        />
      )}
    </section>
  );
}
