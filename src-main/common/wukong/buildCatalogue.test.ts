import { describe, expect, it } from 'vitest';
import englishFile from '../../../resources/wukong/catalogue-en.json';
import fieldsFile from '../../../resources/wukong/wukong-crm-fields.json';
import rolesFile from '../../../resources/wukong/wukong-default-roles.json';
import menusFile from '../../../resources/wukong/wukong-menu-catalogue.json';
import { fieldDefinitionSchema, findCycle, permissionSchema, roleGroupSchema, roleSchema } from '../domain';
import { buildWukongCatalogue, type WukongRawFiles } from './buildCatalogue';
import { WUKONG_SCOPED_MENU_IDS } from './constants';
import { indexPermissions, permissionPathLabel } from './permissionPathLabel';
import type { WukongDefaultRolesFile, WukongMenuRow, WukongRawField } from './rawSchemas';

// The bundled files as data (a JSON import keeps this test free of Node APIs, like the code it tests).
const menus = structuredClone(menusFile) as unknown as WukongMenuRow[];
const roles = structuredClone(rolesFile) as unknown as WukongDefaultRolesFile;
const fields = structuredClone(fieldsFile) as unknown as { fields: WukongRawField[] };
const english: unknown = structuredClone(englishFile);

const raw: WukongRawFiles = { menus, roles, fields, english };
const catalogue = buildWukongCatalogue(raw);
const byId = indexPermissions(catalogue.permissions);
const clone = <T>(value: T): T => structuredClone(value);

describe('buildWukongCatalogue — permissions', () => {
  it('maps all 399 menu rows and every row parses as a domain permission', () => {
    expect(catalogue.permissions).toHaveLength(399);
    for (const p of catalogue.permissions) expect(permissionSchema.safeParse(p).success).toBe(true);
    expect(new Set(catalogue.permissions.map((p) => p.id)).size).toBe(399);
  });

  it('keeps the tree intact: every parent exists, eight named roots, no cycles', () => {
    for (const p of catalogue.permissions) if (p.parentId !== null) expect(byId.has(p.parentId)).toBe(true);
    const roots = catalogue.permissions.filter((p) => p.parentId === null).map((p) => p.key);
    expect(roots.sort()).toEqual(['bi', 'crm', 'hrm', 'jxc', 'manage', 'oa', 'project', 'work']);
    expect(findCycle(catalogue.permissions.map((p) => [p.id, p.parentId] as const))).toEqual([]);
  });

  it('builds realm-path keys and names crm:customer:index "Customers › View list"', () => {
    const listCustomers = catalogue.permissions.find((p) => p.key === 'crm:customer:index');
    expect(listCustomers?.id).toBe('28');
    expect(listCustomers?.kind).toBe('action');
    expect(permissionPathLabel(byId, '28', 'en')).toBe('Customers › View list');
    expect(permissionPathLabel(byId, '28', 'zh-CN')).toBe('客户管理 › 查看列表');
    expect(byId.get('764')?.key).toBe('bi:jxc:saleStatistics:read');
    expect(permissionPathLabel(byId, '764', 'en')).toBe('Inventory analytics › Sales analysis › View');
    expect(permissionPathLabel(byId, '1', 'en')).toBe('CRM');
  });

  it('gives every node a Chinese and an English label; roots get the module name', () => {
    for (const p of catalogue.permissions) {
      expect(p.label['zh-CN'].length).toBeGreaterThan(0);
      expect(p.label.en.length).toBeGreaterThan(0);
    }
    expect(byId.get('1')?.label).toEqual({ 'zh-CN': '全部', en: 'CRM' });
    expect(byId.get('3')?.label.en).toBe('System settings');
    expect(byId.get('108')?.label.en).toBe('Import'); // 联系人导入: actions by Chinese name
  });

  it('marks menuType 1 as groups and everything else (3 and the NULL JXC rows) as actions', () => {
    const kinds = { group: 0, action: 0 };
    for (const p of catalogue.permissions) kinds[p.kind] += 1;
    expect(kinds).toEqual({ group: 72, action: 327 });
    for (const id of ['637', '727', '728']) expect(byId.get(id)?.kind).toBe('action');
  });

  it('marks exactly the CrmAuthEnum menu ids as scoped', () => {
    const scoped = catalogue.permissions.filter((p) => p.scoped).map((p) => Number(p.id));
    expect(new Set(scoped)).toEqual(WUKONG_SCOPED_MENU_IDS);
    expect(byId.get('28')?.scoped).toBe(true);
    expect(byId.get('31')?.scoped).toBe(false); // export is not data-scope filtered
  });

  it('keeps the duplicate realm path of menus 167 and 935 (reference §5.4) as two permissions', () => {
    expect(byId.get('167')?.key).toBe('manage:users:read');
    expect(byId.get('935')?.key).toBe('manage:users:read');
  });
});

describe('buildWukongCatalogue — roles, groups, fields', () => {
  it('maps the 14 seed roles', () => {
    expect(catalogue.defaultRoles).toHaveLength(14);
    for (const r of catalogue.defaultRoles) expect(roleSchema.safeParse(r).success).toBe(true);
    const seller = catalogue.defaultRoles.find((r) => r.id === '180170');
    expect(seller).toMatchObject({ name: '销售员角色', groupId: '2', dataScope: 1, enabled: true, remark: null, label: null });
    expect(seller?.permissionIds).toContain('28');
    expect(catalogue.defaultRoles.find((r) => r.id === '180162')).toMatchObject({ remark: 'admin', permissionIds: [] });
    expect(catalogue.defaultRoles.find((r) => r.id === '180169')?.permissionIds).toHaveLength(103);
  });

  it('has the seven role groups with their roots and data-scope flag', () => {
    for (const g of catalogue.roleGroups) expect(roleGroupSchema.safeParse(g).success).toBe(true);
    const summary = catalogue.roleGroups.map((g) => [g.id, g.rootPermissionIds.join('+'), g.hasDataScope]);
    expect(summary).toEqual([
      ['1', '3', false],
      ['2', '1+2', true],
      ['7', '148', false],
      ['8', '149', false],
      ['9', '5', true],
      ['10', '6', true],
      ['5', '300', false],
    ]);
  });

  it('maps the 86 seed fields plus 58 system fields, all with both labels', () => {
    for (const f of catalogue.fields) expect(fieldDefinitionSchema.safeParse(f).success).toBe(true);
    expect(catalogue.fields).toHaveLength(86 + 58);
    expect(catalogue.fields.filter((f) => f.module === 'customer')).toHaveLength(10 + 11);
    expect(new Set(catalogue.fields.map((f) => f.module))).toEqual(
      new Set(['leads', 'customer', 'contacts', 'product', 'business', 'contract', 'receivables', 'receivablesPlan', 'visit', 'invoice']),
    );
    const mobile = catalogue.fields.find((f) => f.module === 'customer' && f.name === 'mobile');
    expect(mobile).toEqual({ module: 'customer', name: 'mobile', label: { 'zh-CN': '手机', en: 'Mobile' }, maskable: true });
    expect(catalogue.fields.find((f) => f.module === 'contract' && f.name === 'money')?.maskable).toBe(false);
    expect(catalogue.fields.find((f) => f.module === 'receivables' && f.name === 'money')?.maskable).toBe(true);
    expect(catalogue.fields.find((f) => f.module === 'customer' && f.name === 'owner_user_name')?.maskable).toBe(false);
  });
});

describe('buildWukongCatalogue — broken input', () => {
  it('names the file and field when a menu row has no menuId', () => {
    const broken = clone(menus) as unknown as Array<Record<string, unknown>>;
    delete broken[12]!.menuId;
    expect(() => buildWukongCatalogue({ ...raw, menus: broken })).toThrow(/wukong-menu-catalogue\.json: \[12\]\.menuId/);
  });

  it('names the action when its Chinese name has no English label', () => {
    const broken = clone(menus);
    const row = broken.find((r) => r.menuId === 28)!;
    row.menuName = '查看清单';
    expect(() => buildWukongCatalogue({ ...raw, menus: broken })).toThrow(/wukong-menu-catalogue\.json: \[\d+\]\.menuName: action 28 \(crm:customer:index\) "查看清单"/);
  });

  it('rejects a dangling parent, a cycle and a directory without an English name', () => {
    const dangling = clone(menus);
    dangling.find((r) => r.menuId === 28)!.parentId = 99999;
    expect(() => buildWukongCatalogue({ ...raw, menus: dangling })).toThrow(/parentId: menu 28 points at parent 99999/);

    const cyclic = clone(menus);
    cyclic.find((r) => r.menuId === 1)!.parentId = 28;
    expect(() => buildWukongCatalogue({ ...raw, menus: cyclic })).toThrow(/own ancestor/);

    const renamed = clone(menus);
    renamed.find((r) => r.menuId === 10)!.realm = 'clients';
    expect(() => buildWukongCatalogue({ ...raw, menus: renamed })).toThrow(/\.realm: directory 10 \(crm:clients/);
  });

  it('names the roles and fields files on their errors', () => {
    const badRole = clone(roles);
    (badRole.roles[0] as { dataType: number }).dataType = 7;
    expect(() => buildWukongCatalogue({ ...raw, roles: badRole })).toThrow(/wukong-default-roles\.json: roles\[0\]\.dataType/);

    const unknownMenu = clone(roles);
    unknownMenu.roles[1]!.menuIds.push(4242);
    expect(() => buildWukongCatalogue({ ...raw, roles: unknownMenu })).toThrow(/roles\[1\]\.menuIds: role 180163 grants menu 4242/);

    const badField = clone(fields);
    badField.fields[0]!.name = '客户昵称';
    expect(() => buildWukongCatalogue({ ...raw, fields: badField })).toThrow(/wukong-crm-fields\.json: fields\[0\]\.name: "客户昵称"/);

    expect(() => buildWukongCatalogue({ ...raw, english: { modules: {} } })).toThrow(/catalogue-en\.json: actions/);
  });
});
