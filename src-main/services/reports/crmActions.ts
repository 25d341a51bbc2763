import type { Permission } from '../../common/domain/permission';

/**
 * The record actions the access map reports, by WukongCRM realm suffix (`crm:<module>:<action>`): the same set
 * the access map view offers (view list, read, edit, delete, export, transfer).
 */
export const CRM_ACTIONS = ['index', 'read', 'update', 'delete', 'excelexport', 'transfer'] as const;

/**
 * The catalogue permissions behind the access map's columns, module by module in catalogue order. The first
 * permission with a realm key wins: WukongCRM has a few duplicated keys (menus 167 and 935) and the lower id
 * is the one its own pages check.
 */
export function crmActionPermissions(permissions: readonly Permission[]): Permission[] {
  const sorted = [...permissions].sort((a, b) => a.sort - b.sort || Number(a.id) - Number(b.id) || (a.id < b.id ? -1 : 1));
  const modules: string[] = [];
  for (const p of sorted) {
    const parts = p.key.split(':');
    if (parts[0] === 'crm' && p.kind === 'group' && parts.length === 2 && !modules.includes(parts[1]!)) modules.push(parts[1]!);
  }
  const chosen = new Map<string, Permission>();
  for (const p of sorted) {
    const [realm, module, action] = p.key.split(':');
    if (realm !== 'crm' || p.kind !== 'action' || !module || !(CRM_ACTIONS as readonly string[]).includes(action ?? '')) continue;
    if (modules.includes(module) && !chosen.has(`${module}:${action}`)) chosen.set(`${module}:${action}`, p);
  }
  return modules.flatMap((m) => CRM_ACTIONS.flatMap((a) => chosen.get(`${m}:${a}`) ?? []));
}
