import { describe, expect, it } from 'vitest';
import { loadBundledCatalogue } from '../../services/resources';
import { WUKONG_ROLE_GROUP } from '../wukong';
import { generateCustomRoles } from './customRoles';
import { childDepartment, topLevelCount } from './departmentNames';
import { generateDepartments, MAX_DEPARTMENT_DEPTH } from './departments';
import { initialFieldRules, isSystemField } from './fieldRules';
import { actionsAt, buildGrantCatalogues } from './grantCatalogue';
import { SeededRandom } from './prng';

const catalogue = loadBundledCatalogue();
const grants = buildGrantCatalogues(catalogue.permissions, catalogue.roleGroups);

describe('grant catalogues', () => {
  it('arranges each group by module: CRM sees crm and bi directories, system settings only manage', () => {
    const crm = grants.get(WUKONG_ROLE_GROUP.crm)!;
    const customer = crm.moduleByKey.get('crm:customer')!;
    expect(customer.directoryId).toBe('10');
    expect(customer.actions.map((a) => a.id)).toContain('28');
    expect(crm.moduleByKey.has('bi:achievement')).toBe(true);
    expect(crm.moduleByKey.has('manage:users')).toBe(false);
    const system = grants.get(WUKONG_ROLE_GROUP.system)!;
    expect(system.modules.every((m) => m.key.startsWith('manage:'))).toBe(true);
  });

  it('draws read, standard and full levels from the action verbs', () => {
    const customer = grants.get(WUKONG_ROLE_GROUP.crm)!.moduleByKey.get('crm:customer')!;
    expect(actionsAt(customer, 'read').sort()).toEqual(['28', '29']);
    expect(actionsAt(customer, 'standard').sort()).toEqual(['26', '27', '28', '29', '36']);
    expect(actionsAt(customer, 'full')).toHaveLength(13);
    const achievement = grants.get(WUKONG_ROLE_GROUP.crm)!.moduleByKey.get('bi:achievement')!;
    expect(actionsAt(achievement, 'read')).toEqual(['102']);
  });
});

describe('departments', () => {
  it('names levels like a Chinese org chart', () => {
    const root = { name: '全公司', fn: 'executive', tier: 'root' } as const;
    const east = childDepartment(root, 0);
    expect(east).toEqual({ name: '华东区', fn: 'sales', tier: 'region' });
    const shanghai = childDepartment(east, 0);
    expect(shanghai.name).toBe('上海分公司');
    expect(childDepartment(shanghai, 0).name).toBe('销售一部');
    expect(childDepartment(childDepartment(shanghai, 0), 1).name).toBe('二组');
    expect(childDepartment(root, 15).name).toBe('第一事业部');
  });

  it('builds a tree in topological order with the top level first and a full-depth spine', () => {
    const plan = generateDepartments(new SeededRandom(3), 500);
    expect(topLevelCount(500)).toBe(15);
    for (let i = 1; i < 500; i += 1) expect(plan.parent[i]!).toBeLessThan(i);
    expect(Array.from(plan.parent.slice(1, 16))).toEqual(new Array(15).fill(0));
    expect(Math.max(...plan.depth)).toBe(MAX_DEPARTMENT_DEPTH);
    expect(plan.depth[15 + MAX_DEPARTMENT_DEPTH - 1]).toBe(MAX_DEPARTMENT_DEPTH);
    expect(plan.departments.filter((d) => d.parentId === '14852')).toHaveLength(15);
  });
});

describe('custom roles', () => {
  it('keeps names unique per group, even past the template tables, and adds a directory only when it is fully granted', () => {
    const taken = new Map([[WUKONG_ROLE_GROUP.crm, new Set(['销售员角色'])]]);
    const roles = generateCustomRoles(new SeededRandom(11), grants, { count: 400, firstId: 180176, regionPrefixes: ['华东区', '华南区'], takenNames: taken });
    const names = roles.map((r) => `${r.role.groupId}/${r.role.name}`);
    expect(new Set(names).size).toBe(400);
    expect(roles.map((r) => r.role.id)).toEqual(Array.from({ length: 400 }, (_, i) => String(180176 + i)));
    const crmModules = grants.get(WUKONG_ROLE_GROUP.crm)!.modules;
    let directories = 0;
    const partial: string[] = [];
    for (const { role } of roles.filter((r) => r.role.groupId === WUKONG_ROLE_GROUP.crm)) {
      const granted = new Set(role.permissionIds);
      for (const module of crmModules) {
        if (!granted.has(module.directoryId)) continue;
        directories += 1;
        if (!module.actions.every((a) => granted.has(a.id))) partial.push(`${role.id}:${module.key}`);
      }
    }
    expect(directories).toBeGreaterThan(0);
    expect(partial).toEqual([]);
  });
});

describe('field rules', () => {
  it('initialises like WukongCRM: own fields editable, system fields read-only, nothing masked', () => {
    const rules = initialFieldRules('180170', catalogue.fields.filter((f) => f.module === 'customer'));
    expect(rules.find((r) => r.field === 'customer_name')).toMatchObject({ access: 'edit', mask: 'none' });
    expect(rules.find((r) => r.field === 'owner_user_name')).toMatchObject({ access: 'read', mask: 'none' });
    expect(isSystemField({ module: 'customer', name: 'create_time' })).toBe(true);
    expect(isSystemField({ module: 'customer', name: 'mobile' })).toBe(false);
  });
});
