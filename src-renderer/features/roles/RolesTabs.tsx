import { useRef, type KeyboardEvent } from 'react';
import { useFeatureT } from '../../i18n/featureMessages';
import { rolesMessages } from './messages';

export const ROLE_TABS = ['matrix', 'fields', 'list'] as const;
export type RoleTab = (typeof ROLE_TABS)[number];

/**
 * The WAI-ARIA tabs pattern: one tab stop, arrows / Home / End move between tabs and activate them.
 * Panels are labelled by their tab through `roles-tab-<id>` / `roles-panel-<id>`.
 */
export function RolesTabs({ current, onChange }: { current: RoleTab; onChange(tab: RoleTab): void }) {
  const t = useFeatureT(rolesMessages);
  const refs = useRef<Partial<Record<RoleTab, HTMLButtonElement | null>>>({});
  const onKeyDown = (event: KeyboardEvent) => {
    const index = ROLE_TABS.indexOf(current);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % ROLE_TABS.length
      : event.key === 'ArrowLeft' ? (index + ROLE_TABS.length - 1) % ROLE_TABS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? ROLE_TABS.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    const tab = ROLE_TABS[next]!;
    onChange(tab);
    refs.current[tab]?.focus();
  };
  return (
    <div className="roles-tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKeyDown}>
      {ROLE_TABS.map((tab) => (
        <button
          key={tab}
          ref={(el) => void (refs.current[tab] = el)}
          type="button"
          role="tab"
          id={`roles-tab-${tab}`}
          aria-selected={tab === current}
          aria-controls={`roles-panel-${tab}`}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {t(`tab.${tab}`)}
        </button>
      ))}
    </div>
  );
}
