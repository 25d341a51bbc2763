import type { LocalizedText, Permission } from '../domain';

/**
 * The record actions the access map and its report show, by WukongCRM realm suffix (`crm:<module>:<action>`):
 * view list, read, edit, delete, export, transfer. The one home of "which CRM permissions are the access map's
 * columns": the renderer's map and the main process's XLSX / CSV report both read it, so they cannot disagree.
 */
export const CRM_ACTIONS = ['index', 'read', 'update', 'delete', 'excelexport', 'transfer'] as const;
export type CrmAction = (typeof CRM_ACTIONS)[number];

export interface CrmModule {
  /** `customer`, `leads`, … */
  key: string;
  label: LocalizedText;
  /** The catalogue permission for each action the module has. */
  permissionIds: Partial<Record<CrmAction, string>>;
}

/**
 * CRM modules in catalogue order, each with the permission ids of the actions it has. The first permission
 * with a realm key wins: WukongCRM has a few duplicated keys (menus 167 and 935), and the lower id is the one
 * its own pages check. Ties on `sort` go to the smaller numeric id, then the smaller id as text (new ids).
 */
export function crmModules(permissions: readonly Permission[]): CrmModule[] {
  const modules = new Map<string, CrmModule>();
  const sorted = [...permissions].sort((a, b) => a.sort - b.sort || Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of sorted) {
    const parts = p.key.split(':');
    if (parts[0] !== 'crm' || p.kind !== 'group' || parts.length !== 2 || modules.has(parts[1]!)) continue;
    modules.set(parts[1]!, { key: parts[1]!, label: p.label, permissionIds: {} });
  }
  for (const p of sorted) {
    const [realm, module, action] = p.key.split(':');
    if (realm !== 'crm' || p.kind !== 'action' || !module || !isCrmAction(action)) continue;
    const entry = modules.get(module);
    if (entry && !entry.permissionIds[action]) entry.permissionIds[action] = p.id;
  }
  return [...modules.values()].filter((m) => Object.keys(m.permissionIds).length > 0);
}

/** The access map's permissions, module by module in catalogue order, actions in `CRM_ACTIONS` order. */
export function crmActionPermissions(permissions: readonly Permission[]): Permission[] {
  const byId = new Map(permissions.map((p) => [p.id, p]));
  return crmModules(permissions).flatMap((m) => CRM_ACTIONS.flatMap((a) => (m.permissionIds[a] ? [byId.get(m.permissionIds[a])!] : [])));
}

/** Columns of the access map: one per module for an action, or one per action for a module. */
export interface MapColumn {
  permissionId: string;
  label: LocalizedText;
  module: string;
  action: CrmAction;
}

export function columnsForAction(modules: readonly CrmModule[], action: CrmAction): MapColumn[] {
  return modules.flatMap((m) => (m.permissionIds[action] ? [{ permissionId: m.permissionIds[action], label: m.label, module: m.key, action }] : []));
}

export function columnsForModule(module: CrmModule, actionLabels: Record<CrmAction, LocalizedText>): MapColumn[] {
  return CRM_ACTIONS.flatMap((a) => (module.permissionIds[a] ? [{ permissionId: module.permissionIds[a], label: actionLabels[a], module: module.key, action: a }] : []));
}

function isCrmAction(action: string | undefined): action is CrmAction {
  return (CRM_ACTIONS as readonly (string | undefined)[]).includes(action);
}
