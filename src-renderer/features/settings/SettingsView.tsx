import { useT } from '../../i18n/useT';
import { useAppInfo } from '../../stores/rolesStore';
import { WorkspaceSettings } from '../workspace/WorkspaceSettings';
import { AppearanceSettings } from './AppearanceSettings';
import { ConnectSection } from '../sync/ConnectSection';

export function SettingsView() {
  const t = useT();
  const info = useAppInfo();
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
