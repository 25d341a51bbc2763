import { describe, expect, it } from 'vitest';
import { loadBundledCatalogue } from '../../services/resources';
import type { Permission } from '../domain';
import { CRM_ACTIONS, crmActionPermissions, crmModules } from './crmActions';

const permissions = loadBundledCatalogue().permissions;

describe('the access map columns', () => {
  it('are the CRM modules in catalogue order with their record actions, the report the same as the map', () => {
    const modules = crmModules(permissions);
    const groupSort = (key: string) => permissions.find((p) => p.key === `crm:${key}` && p.kind === 'group')!.sort;
    const sorts = modules.map((m) => groupSort(m.key));
    expect(sorts).toEqual([...sorts].sort((x, y) => x - y));
    expect(modules.map((m) => m.key)).toEqual(expect.arrayContaining(['leads', 'customer', 'contacts', 'business', 'contract', 'receivables']));
    const fromModules = modules.flatMap((m) => CRM_ACTIONS.flatMap((a) => m.permissionIds[a] ?? []));
    expect(crmActionPermissions(permissions).map((p) => p.id)).toEqual(fromModules);
    expect(new Set(fromModules).size).toBe(fromModules.length);
  });

  it('take the lower id where WukongCRM repeats a realm key, whatever order the catalogue lists them in', () => {
    const group: Permission = { ...permissions.find((p) => p.key === 'crm:customer')! };
    const low: Permission = { ...permissions.find((p) => p.key === 'crm:customer:delete')!, id: '167', sort: 3 };
    const high: Permission = { ...low, id: '935' };
    for (const list of [[group, high, low], [group, low, high]]) {
      expect(crmModules(list)[0]!.permissionIds.delete).toBe('167');
    }
    // A new (non-numeric) id ties on number too: the text order decides, the same in every process.
    const a: Permission = { ...low, id: 'new:a' };
    const b: Permission = { ...low, id: 'new:b' };
    expect(crmModules([group, b, a])[0]!.permissionIds.delete).toBe('new:a');
  });
});
