import { useState, type FormEvent } from 'react';
import type { WorkspaceSummaryView } from '../../../src-main/common/ipc';
import { appErrorText } from '../../components/errors/errorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { useWorkspaceStore } from '../../stores/workspaceStore';
import { workspaceMessages } from './messages';

/** Shown instead of every view while the current workspace is locked. */
export function LockScreen({ workspace }: { workspace: WorkspaceSummaryView }) {
  const t = useFeatureT(workspaceMessages);
  const open = useWorkspaceStore((s) => s.open);
  const error = useWorkspaceStore((s) => s.error);
  const locale = useLocale();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const needsPassphrase = workspace.protection === 'passphrase';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const ok = await open(workspace.id, needsPassphrase ? passphrase : undefined);
    setBusy(false);
    if (ok) setPassphrase('');
  };

  return (
    <section className="view lock-screen" aria-labelledby="lock-title">
      <form className="lock-card" onSubmit={submit}>
        <h1 id="lock-title">🔒 {t('lockedTitle', { name: workspace.name })}</h1>
        <p className="muted">{t('lockedHint')}</p>
        {needsPassphrase ? (
          <label>
            {t('passphrase')}
            <input type="password" autoFocus autoComplete="current-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
        ) : (
          <p className="muted">{t('demoHint')}</p>
        )}
        {error && (
          <p role="alert" className="form-error">
            {error.code === 'WRONG_KEY' ? t('wrongKey') : appErrorText(error, locale)}
          </p>
        )}
        <button type="submit" disabled={busy || (needsPassphrase && passphrase.length === 0)}>
          {t('unlock')}
        </button>
      </form>
    </section>
  );
}
