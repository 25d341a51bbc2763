import { describe, expect, it } from 'vitest';
import { WukongPhpSession } from '../session';
import { CREDENTIALS, fakeServer, failed, fixtureSnapshot, ok, readRoute, STRUCTURES } from '../testing/fixtures';
import { pullSnapshot } from './pullSnapshot';

describe('pullSnapshot (WukongCRM PHP)', () => {
  it('builds the catalogue from the rule trees: levels 1–2 are groups, level 3 actions, keys m:c:a, CRM/BI actions scoped', async () => {
    const { snapshot } = await fixtureSnapshot();
    const p = (id: string) => snapshot.permissions.find((x) => x.id === id);
    expect(p('1')).toMatchObject({ parentId: null, key: 'crm', kind: 'group', label: { 'zh-CN': '全部', en: 'All (crm)' } });
    expect(p('10')).toMatchObject({ parentId: '1', key: 'crm:customer', kind: 'group', label: { en: 'Customers' } });
    expect(p('13')).toMatchObject({ parentId: '10', key: 'crm:customer:index', kind: 'action', scoped: true, sort: 2 });
    expect(p('11')).toMatchObject({ kind: 'action', scoped: false });
    expect(p('64')).toMatchObject({ key: 'bi:customer:read', scoped: true });
    expect(p('113')).toMatchObject({ key: 'admin:users:index', scoped: false });
    expect(snapshot.roleGroups).toEqual([
      { id: '1', label: { 'zh-CN': '系统管理角色', en: 'System admin roles' }, rootPermissionIds: ['105'], hasDataScope: false },
      { id: '6', label: { 'zh-CN': '办公管理角色', en: 'Office roles' }, rootPermissionIds: ['131'], hasDataScope: false },
      { id: '2', label: { 'zh-CN': '客户管理角色', en: 'CRM roles' }, rootPermissionIds: ['1', '62'], hasDataScope: true },
      { id: '9', label: { 'zh-CN': '项目管理角色', en: 'Project admin roles' }, rootPermissionIds: ['141'], hasDataScope: false },
    ]);
  });

  it('maps roles by the category that lists them, parents kept, unknown rule ids and odd scopes noted, types in label', async () => {
    const { snapshot, notes } = await fixtureSnapshot();
    const role = (id: string) => snapshot.roles.find((r) => r.id === id);
    expect(role('10')).toEqual({
      id: '10',
      name: '销售经理角色',
      groupId: '2',
      dataScope: 2,
      permissionIds: ['1', '10', '11', '13', '14', '17', '2', '5', '62', '63', '64'],
      enabled: true,
      remark: null,
      label: 0,
    });
    // 项目管理员 is pid 1 with types 7: listed (and mapped) under category 9 (Group::getNewGroupPid).
    expect(role('11')).toMatchObject({ groupId: '9', label: 7 });
    expect(role('1')).toMatchObject({ groupId: '1', permissionIds: [], label: 1 });
    expect(role('15')).toMatchObject({ dataScope: 1, permissionIds: ['13', '14'] });
    expect(notes).toContainEqual(expect.stringContaining('role 10: 1 stored rule ids are not in'));
    expect(notes).toContainEqual(expect.stringContaining('role 15: data scope 0'));
  });

  it('maps departments, users (status, superior, department, roles) and the hard-coded super user', async () => {
    const { snapshot, notes } = await fixtureSnapshot();
    expect(snapshot.departments).toEqual([
      { id: '1', parentId: null, name: '办公室', headUserId: null, sort: 0 },
      { id: '2', parentId: '1', name: '销售部', headUserId: '2', sort: 0 },
    ]);
    expect(snapshot.users).toEqual([
      { id: '1', login: '18888888888', name: '管理员', departmentId: '1', managerId: null, status: 'active', title: '', roleIds: ['1'] },
      { id: '2', login: '13800000001', name: 'Alice', departmentId: '2', managerId: '1', status: 'inactive', title: '', roleIds: ['10'] },
      { id: '3', login: '13800000002', name: 'Bob', departmentId: '1', managerId: '2', status: 'active', title: '', roleIds: ['10', '15'] },
    ]);
    expect(snapshot.superUserIds).toEqual(['1']);
    // The engine takes the PHP edition's rules from this (the last holding role's scope wins, not the widest).
    expect(snapshot.edition).toBe('wukong-php');
    expect(notes).toContainEqual(expect.stringContaining('user 3: department (none)'));
    expect(notes).toContainEqual(expect.stringContaining('1 role assignments point at roles outside'));
  });

  it('reads field grants of CRM roles only, read/write → hidden/read/edit, no masks', async () => {
    const { snapshot } = await fixtureSnapshot();
    const rules = snapshot.fieldRules.filter((r) => r.roleId === '10' && r.module === 'customer');
    expect(rules).toEqual([
      { roleId: '10', module: 'customer', field: 'name', access: 'edit', mask: 'none' },
      { roleId: '10', module: 'customer', field: 'mobile', access: 'read', mask: 'none' },
      { roleId: '10', module: 'customer', field: 'owner_user_id', access: 'read', mask: 'none' },
      { roleId: '10', module: 'customer', field: 'crm_abc', access: 'hidden', mask: 'none' },
    ]);
    expect(new Set(snapshot.fieldRules.map((r) => r.roleId))).toEqual(new Set(['10', '15']));
    expect(snapshot.fields.find((f) => f.module === 'customer' && f.name === 'mobile')).toEqual({
      module: 'customer',
      name: 'mobile',
      label: { 'zh-CN': '手机', en: 'Mobile' },
      maskable: false,
    });
  });

  it('asks no field grant when told not to (a read creates missing grant rows on the server)', async () => {
    const server = fakeServer((path, body) => (path === '/admin/fieldGrant/index' ? failed('not expected') : (readRoute(path, body) ?? failed(path))));
    const result = await pullSnapshot(new WukongPhpSession(CREDENTIALS, { fetch: server.fetchImpl }), { fieldRules: false });
    expect(result.snapshot.fieldRules).toEqual([]);
    expect(server.sent.some((s) => s.path === '/admin/fieldGrant/index')).toBe(false);
  });

  it('refuses a state the model cannot hold (two top-level departments) and names them', async () => {
    const twoRoots = [...STRUCTURES, { id: 4, name: 'No Parent', pid: 0, owner_user_id: 0, level: 1 }];
    const server = fakeServer((path, body) => (path === '/admin/structures/index' ? ok(twoRoots) : (readRoute(path, body) ?? failed(path))));
    const error = await pullSnapshot(new WukongPhpSession(CREDENTIALS, { fetch: server.fetchImpl })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INCONSISTENT_STATE', message: expect.stringContaining('4 No Parent') });
  });

  it('asks users/index for every status, unpaged (without status it lists only disabled users)', async () => {
    const server = fakeServer((path, body) => readRoute(path, body) ?? failed(path));
    await pullSnapshot(new WukongPhpSession(CREDENTIALS, { fetch: server.fetchImpl }));
    expect(server.sent.find((s) => s.path === '/admin/users/index')?.body).toEqual({ status: 'all', pageType: 'all' });
  });
});
