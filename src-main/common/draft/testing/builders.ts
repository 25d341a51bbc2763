import type { Department, FieldRule, Permission, Role, RoleGroup, Snapshot, User } from '../../domain';

/**
 * Small hand-made organisations for the draft tests. Shape of the default one:
 *
 *   catalogue  crm(1) ─ customer(10) ─ c.index(11) c.read(12) c.delete(13)      manage(3) ─ users(30) ─ u.save(31)
 *   groups     crm (roots 1, has data scope)                                     manage (roots 3, no data scope)
 *   roles      sales(r-sales, crm, scope 1: 11,12) manager(r-mgr, crm, scope 5: 11,12,13) admin(r-admin, manage, remark admin)
 *   depts      hq ─ sales ─ east;  hq ─ ops
 *   users      boss(hq, admin) → ann(sales, mgr) → bob(east, sales), cai(east, sales + mgr); dan(ops, sales, no manager)
 */
export function permission(id: string, parentId: string | null, key: string, scoped = false): Permission {
  return { id, parentId, key, kind: parentId === null ? 'group' : 'action', label: { 'zh-CN': key, en: key }, sort: 0, scoped };
}

export function role(id: string, groupId: string, name: string, permissionIds: string[], extra: Partial<Role> = {}): Role {
  return { id, name, groupId, dataScope: 1, permissionIds, enabled: true, remark: null, label: null, ...extra };
}

export function user(id: string, departmentId: string, roleIds: string[], managerId: string | null = null, extra: Partial<User> = {}): User {
  return { id, login: id, name: id, departmentId, managerId, status: 'active', title: '', roleIds, ...extra };
}

export function department(id: string, parentId: string | null, extra: Partial<Department> = {}): Department {
  return { id, parentId, name: id, headUserId: null, sort: 0, ...extra };
}

export function group(id: string, rootPermissionIds: string[], hasDataScope: boolean): RoleGroup {
  return { id, label: { 'zh-CN': id, en: id }, rootPermissionIds, hasDataScope };
}

export function fieldRule(roleId: string, module: string, field: string, extra: Partial<FieldRule> = {}): FieldRule {
  return { roleId, module, field, access: 'read', mask: 'none', ...extra };
}

export function sampleSnapshot(): Snapshot {
  return {
    schemaVersion: 1,
    source: { kind: 'demo', takenAt: '2026-01-01T00:00:00Z' },
    permissions: [
      permission('1', null, 'crm'),
      permission('10', '1', 'crm:customer'),
      permission('11', '10', 'crm:customer:index', true),
      permission('12', '10', 'crm:customer:read', true),
      permission('13', '10', 'crm:customer:delete', true),
      permission('3', null, 'manage'),
      permission('30', '3', 'manage:users'),
      permission('31', '30', 'manage:users:userSave'),
    ],
    roleGroups: [group('crm', ['1'], true), group('manage', ['3'], false)],
    roles: [
      role('r-sales', 'crm', 'Sales', ['11', '12']),
      role('r-mgr', 'crm', 'Manager', ['11', '12', '13'], { dataScope: 5 }),
      role('r-admin', 'manage', 'Admin', [], { remark: 'admin', dataScope: 5 }),
    ],
    departments: [department('hq', null), department('sales', 'hq'), department('east', 'sales'), department('ops', 'hq')],
    users: [
      user('boss', 'hq', ['r-admin']),
      user('ann', 'sales', ['r-mgr'], 'boss'),
      user('bob', 'east', ['r-sales'], 'ann'),
      user('cai', 'east', ['r-sales', 'r-mgr'], 'ann'),
      user('dan', 'ops', ['r-sales']),
    ],
    fields: [
      { module: 'customer', name: 'mobile', label: { 'zh-CN': '手机', en: 'Mobile' }, maskable: true },
      { module: 'customer', name: 'level', label: { 'zh-CN': '级别', en: 'Level' }, maskable: false },
    ],
    fieldRules: [fieldRule('r-sales', 'customer', 'mobile', { mask: 'list' }), fieldRule('r-mgr', 'customer', 'level', { access: 'edit' })],
    // boss plays WukongCRM's hard-coded user 14773.
    superUserIds: ['boss'],
  };
}

/** A structurally frozen deep copy, so a test can prove the input was not touched. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** A synthetic organisation of `users` people for performance checks: 300 roles, 2000 permissions. */
export function largeSnapshot(users: number): Snapshot {
  const base = sampleSnapshot();
  const permissions: Permission[] = [permission('1', null, 'crm')];
  for (let i = 0; i < 2000; i++) permissions.push(permission(`p${i}`, '1', `crm:p${i}`, true));
  const roles: Role[] = [];
  for (let i = 0; i < 300; i++) roles.push(role(`r${i}`, 'crm', `Role ${i}`, permissions.slice(1 + i, 1 + i + 50).map((p) => p.id)));
  const departments: Department[] = [department('d0', null)];
  for (let i = 1; i < 200; i++) departments.push(department(`d${i}`, `d${Math.floor((i - 1) / 5)}`));
  const people: User[] = [];
  for (let i = 0; i < users; i++) {
    people.push(user(`u${i}`, `d${i % 200}`, [`r${i % 300}`, `r${(i * 7) % 300}`], i === 0 ? null : `u${Math.floor((i - 1) / 8)}`));
  }
  return { ...base, permissions, roleGroups: [base.roleGroups[0]!], roles, departments, users: people, fieldRules: [] };
}
