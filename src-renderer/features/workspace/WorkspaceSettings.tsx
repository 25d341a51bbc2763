import { useState, type FormEvent } from 'react';
import { appErrorText } from '../../components/errors/errorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { useWorkspaceStore } from '../../stores/workspaceStore';
import { workspaceMessages } from './messages';

/** Workspaces: switch, lock now, create one, change the current one's passphrase. */
export function WorkspaceSettings() {
  const t = useFeatureT(workspaceMessages);
  const workspaces = useWorkspaceStore((s) => s.workspaces);
  const currentId = useWorkspaceStore((s) => s.currentId);
  const idleLockMinutes = useWorkspaceStore((s) => s.idleLockMinutes);
  const error = useWorkspaceStore((s) => s.error);
  const locale = useLocale();
  const open = useWorkspaceStore((s) => s.open);
  const select = useWorkspaceStore((s) => s.select);
  const lock = useWorkspaceStore((s) => s.lock);
  const create = useWorkspaceStore((s) => s.create);
  const changePassphrase = useWorkspaceStore((s) => s.changePassphrase);
  const current = workspaces.find((w) => w.id === currentId) ?? null;

  const [name, setName] = useState('');
  const [newPassphrase, setNewPassphrase] = useState('');
  const [oldPass, setOldPass] = useState('');
  const [nextPass, setNextPass] = useState('');
  const [changed, setChanged] = useState(false);

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    if (await create(name, newPassphrase)) {
      setName('');
      setNewPassphrase('');
    }
  };
  const onChange = async (event: FormEvent) => {
    event.preventDefault();
    if (!current) return;
    const ok = await changePassphrase(current.id, oldPass, nextPass);
    setChanged(ok);
    if (ok) {
      setOldPass('');
      setNextPass('');
    }
  };

  return (
    <div className="workspace-settings">
      <p className="muted">{idleLockMinutes === null ? t('idleLockNever') : t('idleLock', { minutes: idleLockMinutes })}</p>
      <ul className="workspace-list" aria-label={t('workspaces')}>
        {workspaces.map((w) => (
          <li key={w.id}>
            <strong>{w.name}</strong>{' '}
            <span className="muted">
              {t(`protection.${w.protection}`)} · {w.locked ? t('locked') : t('unlocked')}
              {w.id === currentId ? ` · ${t('current')}` : ''}
            </span>
            {w.damaged && <p className="form-error">{t('damaged', { path: w.damaged.movedTo.join(', ') })}</p>}
            <span className="actions">
              {w.id !== currentId && (
                // A locked passphrase workspace opens on its lock screen, which asks for the passphrase.
                <button type="button" onClick={() => void (w.locked && w.protection === 'passphrase' ? select(w.id) : open(w.id))}>
                  {t('open')}
                </button>
              )}
              {!w.locked && (
                <button type="button" onClick={() => void lock(w.id)}>
                  {t('lockNow')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="form-error">
          {error.code === 'WRONG_KEY' ? t('wrongKey') : appErrorText(error, locale)}
        </p>
      )}
      {current?.protection === 'passphrase' && (
        <form onSubmit={onChange} className="form-row" aria-label={t('changePassphrase')}>
          <label>
            {t('currentPassphrase')} <input type="password" autoComplete="current-password" value={oldPass} onChange={(e) => setOldPass(e.target.value)} />
          </label>
          <label>
            {t('newPassphrase')} <input type="password" autoComplete="new-password" value={nextPass} onChange={(e) => setNextPass(e.target.value)} />
          </label>
          <button type="submit" disabled={!oldPass || !nextPass}>
            {t('changePassphrase')}
          </button>
          {changed && <span role="status">{t('changed')}</span>}
        </form>
      )}
      <form onSubmit={onCreate} className="form-row" aria-label={t('create')}>
        <label>
          {t('name')} <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('passphrase')} <input type="password" autoComplete="new-password" value={newPassphrase} onChange={(e) => setNewPassphrase(e.target.value)} />
        </label>
        <button type="submit" disabled={!name.trim() || !newPassphrase}>
          {t('createButton')}
        </button>
      </form>
    </div>
  );
}
