import { SCOPE_NAMES } from '../../src-main/common/policy';

const label = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** English strings; the keys of this object are the message keys of the whole console. */
export const en = {
  'app.title': 'Gatehouse',
  'app.tagline': 'CRM permission console',
  'app.loading': 'Loading…',
  'app.error': 'Something went wrong: {message}',
  'app.retry': 'Try again',
  'app.workspace': 'Workspace: {name}',
  'app.transport.electron': 'Desktop app',
  'app.transport.browser': 'Browser console',

  'nav.label': 'Main navigation',
  'nav.organisation': 'Organisation',
  'nav.roles': 'Roles',
  'nav.accessMap': 'Access map',
  'nav.drafts': 'Drafts',
  'nav.audit': 'Audit',
  'nav.sync': 'Push',
  'nav.settings': 'Settings',

  'language.label': 'Language',
  'language.system': 'Follow the system',
  'theme.label': 'Theme',
  'theme.system': 'Follow the system',
  'theme.light': 'Light',
  'theme.dark': 'Dark',

  // The scope names' one home is SCOPE_NAMES (common/policy/text.ts); labels start with a capital.
  'scope.0': label(SCOPE_NAMES[0].en),
  'scope.1': label(SCOPE_NAMES[1].en),
  'scope.2': label(SCOPE_NAMES[2].en),
  'scope.3': label(SCOPE_NAMES[3].en),
  'scope.4': label(SCOPE_NAMES[4].en),
  'scope.5': label(SCOPE_NAMES[5].en),

  'status.active': 'Active',
  'status.inactive': 'Not activated',
  'status.disabled': 'Disabled',

  'org.title': 'Organisation',
  'org.departments': 'Departments',
  'org.people': 'People',
  'org.search': 'Search people by name or login',
  'org.filterStatus': 'Status',
  'org.allStatuses': 'All statuses',
  'org.includeSub': 'Include sub-departments',
  'org.count': '{count} people',
  'org.col.name': 'Name',
  'org.col.login': 'Login',
  'org.col.title': 'Title',
  'org.col.department': 'Department',
  'org.col.manager': 'Manager',
  'org.col.status': 'Status',
  'org.col.roles': 'Roles',
  'org.head': 'Head: {name}',
  'org.noHead': 'No head',
  'org.none': 'None',
  'org.empty': 'Nobody matches.',

  'roles.title': 'Roles',
  'roles.search': 'Search roles',
  'roles.col.name': 'Role',
  'roles.col.group': 'Role type',
  'roles.col.scope': 'Data scope',
  'roles.col.members': 'Members',
  'roles.col.active': 'Active members',
  'roles.col.permissions': 'Permissions',
  'roles.col.status': 'Status',
  'roles.enabled': 'Enabled',
  'roles.disabled': 'Disabled (not enforced by the server)',
  'roles.superAdmin': 'Super admin: sees and does everything',
  'roles.count': '{count} roles',
  'roles.unused': 'nobody holds this role',
  'roles.sortBy': 'Sort by {column}',


  'draft.bar': 'Draft',
  'draft.none': 'No draft: edits start one',
  'draft.active': 'Draft “{name}” · {count} changes',
  'draft.defaultName': 'Draft {n}',
  'draft.undo': 'Undo',
  'draft.redo': 'Redo',
  'draft.undoHint': 'Undo the last change (Ctrl+Z)',
  'draft.redoHint': 'Redo (Ctrl+Shift+Z)',

  'settings.title': 'Settings',
  'settings.appearance': 'Appearance',
  'settings.workspaces': 'Workspaces',
  'settings.about': 'About',
  'settings.version': 'Version {version} · {transport} · {platform}',
} as const;

export type MessageKey = keyof typeof en;
