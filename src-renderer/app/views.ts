import type { MessageKey } from '../i18n/locale';

export const VIEWS = ['organisation', 'roles', 'access-map', 'drafts', 'sync', 'audit', 'settings'] as const;
export type ViewId = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<ViewId, MessageKey> = {
  organisation: 'nav.organisation',
  roles: 'nav.roles',
  'access-map': 'nav.accessMap',
  drafts: 'nav.drafts',
  sync: 'nav.sync',
  audit: 'nav.audit',
  settings: 'nav.settings',
};

/** The view lives in the URL hash so reloads and the back button keep the place. */
export function viewFromHash(hash: string): ViewId {
  const id = hash.replace(/^#\/?/, '');
  return (VIEWS as readonly string[]).includes(id) ? (id as ViewId) : 'organisation';
}
