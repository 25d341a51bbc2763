import { useEffect } from 'react';
import { useT } from '../../i18n/useT';
import { useAppInfoStore } from '../../stores/rolesStore';
import { WorkspaceSettings } from '../workspace/WorkspaceSettings';
import { AppearanceSettings } from './AppearanceSettings';
import { ConnectSection } from '../sync/ConnectSection';

export function SettingsView() {
  const t = useT();
  const info = useAppInfoStore((s) => s.resource);
  const load = useAppInfoStore((s) => s.load);
  useEffect(() => void load(), [load]);
  return (
    <section className="view settings-view" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <h2>{t('settings.appearance')}</h2>
      <AppearanceSettings />
      <ConnectSection />
      <h2>{t('settings.workspaces')}</h2>
      <WorkspaceSettings />
      <h2>{t('settings.about')}</h2>
      {info.data && (
        <p className="muted">
          {t('settings.version', {
            version: info.data.version,
            transport: t(info.data.transport === 'electron' ? 'app.transport.electron' : 'app.transport.browser'),
            platform: info.data.platform,
          })}
        </p>
      )}
    </section>
  );
}
