import { DraftBar } from '../features/drafts/DraftBar';
import { DraftsView } from '../features/drafts/DraftsView';
import { useT } from '../i18n/useT';
import { OrganisationView } from '../features/org-tree/OrganisationView';
import { AccessMapView } from '../features/heatmap/AccessMapView';
import { RolesView } from '../features/roles/RolesView';
import { AppearanceSettings } from '../features/settings/AppearanceSettings';
import { SettingsView } from '../features/settings/SettingsView';
import { AuditView } from '../features/audit/AuditView';
import { ResumeBanner } from '../features/sync/ResumeBanner';
import { SyncView } from '../features/sync/SyncView';
import { WorkspaceGate } from '../features/workspace/WorkspaceGate';
import { useHashView } from './useHashView';
import { VIEW_LABELS, VIEWS, type ViewId } from './views';

export function App() {
  const t = useT();
  const [view, setView] = useHashView();
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">{t('app.title')}</span>
        <span className="muted tagline">{t('app.tagline')}</span>
        <DraftBar />
        <ResumeBanner />
        <AppearanceSettings compact />
      </header>
      <nav aria-label={t('nav.label')} className="app-nav">
        <ul>
          {VIEWS.map((id) => (
            <li key={id}>
              <a href={`#/${id}`} aria-current={view === id ? 'page' : undefined} onClick={() => setView(id)}>
                {t(VIEW_LABELS[id])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="app-main">
        <WorkspaceGate>{renderView(view)}</WorkspaceGate>
      </main>
    </div>
  );
}

function renderView(view: ViewId) {
  switch (view) {
    case 'organisation':
      return <OrganisationView />;
    case 'roles':
      return <RolesView />;
    case 'access-map':
      return <AccessMapView />;
    case 'drafts':
      return <DraftsView />;
    case 'sync':
      return <SyncView />;
    case 'audit':
      return <AuditView />;
    case 'settings':
      return <SettingsView />;
  }
}
