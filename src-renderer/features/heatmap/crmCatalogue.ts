import type { LocalizedText } from '../../../src-main/common/domain/ids';
import type { Permission } from '../../../src-main/common/domain/permission';

/** The record actions the access map offers, by their WukongCRM realm suffix (`crm:<module>:<action>`). */
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
 * with a key wins: WukongCRM has a few duplicated realm keys (menus 167 and 935), and the lower id is the
 * one its own pages check.
 */
export function crmModules(permissions: readonly Permission[]): CrmModule[] {
  const modules = new Map<string, CrmModule>();
  const sorted = [...permissions].sort((a, b) => a.sort - b.sort || Number(a.id) - Number(b.id));
  for (const p of sorted) {
    const parts = p.key.split(':');
    if (parts[0] !== 'crm') continue;
    if (p.kind === 'group' && parts.length === 2 && !modules.has(parts[1]!)) modules.set(parts[1]!, { key: parts[1]!, label: p.label, permissionIds: {} });
  }
  for (const p of sorted) {
    const [realm, module, action] = p.key.split(':');
    if (realm !== 'crm' || p.kind !== 'action' || !module || !(CRM_ACTIONS as readonly string[]).includes(action ?? '')) continue;
    const entry = modules.get(module);
    if (entry && !entry.permissionIds[action as CrmAction]) entry.permissionIds[action as CrmAction] = p.id;
  }
  return [...modules.values()].filter((m) => Object.keys(m.permissionIds).length > 0);
}

/** Columns of the access map: one per module for an action, or one per action for a module. */
export interface MapColumn {
  permissionId: string;
  label: LocalizedText;
  module: string;
  action: CrmAction;
}

export function columnsForAction(modules: readonly CrmModule[], action: CrmAction): MapColumn[] {
  return modules.flatMap((m) => (m.permissionIds[action] ? [{ permissionId: m.permissionIds[action]!, label: m.label, module: m.key, action }] : []));
}

export function columnsForModule(module: CrmModule, actionLabels: Record<CrmAction, LocalizedText>): MapColumn[] {
  return CRM_ACTIONS.flatMap((a) => (module.permissionIds[a] ? [{ permissionId: module.permissionIds[a]!, label: actionLabels[a], module: module.key, action: a }] : []));
}
