import { useState, type FormEvent } from 'react';
import { CRM_EDITION_INFO, CRM_EDITIONS, crmEditionSchema, type CrmEdition } from '../../../src-main/common/crm';
import { api } from '../../api/client';
import { useErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized } from '../../i18n/useT';
import { syncMessages } from './messages';
import { newId } from '../../app/newId';

/**
 * Server URL, user and password (and, from the demo, a new workspace with its passphrase). The main process
 * logs in before storing anything; the password is sent once and kept only in the encrypted workspace.
 */
export function ConnectDialog({ needsWorkspace, initial, onConnected, onClose }: {
  needsWorkspace: boolean;
  initial: { serverUrl: string; username: string; edition?: CrmEdition } | null;
  /** `createdWorkspace`: the page restarts on the new workspace, which pulls on its own. */
  onConnected: (result: { createdWorkspace: boolean }) => void;
  onClose: () => void;
}) {
  const t = useFeatureT(syncMessages);
  const errorText = useErrorText();
  const localized = useLocalized();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const taskId = newId('connect');
    setBusy(taskId);
    setError(null);
    try {
      const result = await api().call('sync.connect', {
        taskId,
        edition: crmEditionSchema.parse(text('edition')),
        serverUrl: text('serverUrl').trim(),
        username: text('username').trim(),
        password: text('password'),
        newWorkspace: needsWorkspace ? { name: text('workspaceName').trim(), passphrase: text('passphrase') } : undefined,
      });
      onConnected(result);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div role="dialog" aria-modal="false" aria-labelledby="sync-connect-title" className="sync-dialog">
      <h3 id="sync-connect-title">{t('connectTitle')}</h3>
      <form onSubmit={(e) => void submit(e)} className="sync-form">
        <label>
          {t('edition')}
          <select name="edition" defaultValue={initial?.edition ?? 'wukong-crm-11'}>
            {CRM_EDITIONS.map((id) => (
              <option key={id} value={id}>
                {localized(CRM_EDITION_INFO[id].name)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('serverUrl')}
          <input name="serverUrl" type="url" required defaultValue={initial?.serverUrl ?? ''} placeholder="https://crm.example.com" />
        </label>
        <label>
          {t('username')}
          <input name="username" required autoComplete="username" defaultValue={initial?.username ?? ''} />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" required autoComplete="current-password" />
        </label>
        {needsWorkspace && (
          <>
            <p className="muted">{t('newWorkspaceHint')}</p>
            <label>
              {t('workspaceName')}
              <input name="workspaceName" required defaultValue="WukongCRM" />
            </label>
            <label>
              {t('passphrase')}
              <input name="passphrase" type="password" required minLength={8} autoComplete="new-password" />
            </label>
          </>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="toolbar">
          <button type="submit" disabled={busy !== null}>
            {busy ? t('connecting') : t('connectSubmit')}
          </button>
          {busy ? (
            <button type="button" onClick={() => void api().call('sync.cancel', { taskId: busy })}>
              {t('cancel')}
            </button>
          ) : (
            <button type="button" onClick={onClose}>
              {t('close')}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
