import type { CrmEdition } from '../../crm';
import type { DataScope, Department, FieldRule, Permission, Role, Snapshot, User, UserStatus } from '../../domain';

/**
 * A small, readable way to write organisations in tests. Permissions follow the WukongCRM realm-path
 * shape; the catalogue below is a slice of the default one (reference §5.3/§5.4) with its real menu ids.
 */
export const TEST_PERMISSIONS: readonly Permission[] = [
  perm('1', null, 'crm', 'group'),
  perm('10', '1', 'crm:customer', 'group'),
  perm('26', '10', 'crm:customer:save', 'action', true),
  perm('27', '10', 'crm:customer:update', 'action', true),
  perm('28', '10', 'crm:customer:index', 'action', true),
  perm('29', '10', 'crm:customer:read', 'action', true),
  perm('31', '10', 'crm:customer:excelexport', 'action'),
  perm('32', '10', 'crm:customer:delete', 'action', true),
  perm('13', '1', 'crm:contract', 'group'),
  perm('53', '13', 'crm:contract:save', 'action', true),
  perm('55', '13', 'crm:contract:index', 'action', true),
  perm('57', '13', 'crm:contract:delete', 'action', true),
  perm('14', '1', 'crm:receivables', 'group'),
  perm('62', '14', 'crm:receivables:index', 'action', true),
  perm('64', '14', 'crm:receivables:delete', 'action', true),
  perm('3', null, 'manage', 'group'),
  perm('174', '3', 'manage:permission', 'group'),
  perm('175', '174', 'manage:permission:update', 'action'),
  perm('166', '3', 'manage:users', 'group'),
  perm('168', '166', 'manage:users:userSave', 'action'),
];

function perm(id: string, parentId: string | null, key: string, kind: 'group' | 'action', scoped = false): Permission {
  const last = key.split(':').pop()!;
  return { id, parentId, key, kind, label: { 'zh-CN': last, en: last }, sort: 0, scoped };
}

export const TEST_FIELDS = [
  { module: 'customer', name: 'customer_name', label: { 'zh-CN': '客户名称', en: 'Name' }, maskable: false },
  { module: 'customer', name: 'mobile', label: { 'zh-CN': '手机', en: 'Mobile' }, maskable: true },
  { module: 'customer', name: 'email', label: { 'zh-CN': '邮箱', en: 'Email' }, maskable: true },
];

export interface OrgSpec {
  /** [id, parentId] */
  departments: Array<[string, string | null]>;
  /** id → role shape; permissions by key (or id when no key matches). `label`: the PHP pull keeps `types` there. */
  roles: Record<string, { scope: DataScope; grants: string[]; remark?: string | null; enabled?: boolean; group?: string; label?: number | null }>;
  /** [id, departmentId, managerId, roleIds, status?] */
  users: Array<[string, string, string | null, string[], UserStatus?]>;
  fieldRules?: FieldRule[];
  superUserIds?: string[];
  /** Absent = the Java edition, as in a snapshot. */
  edition?: CrmEdition;
}

export function buildOrg(spec: OrgSpec): Snapshot {
  const byKey = new Map(TEST_PERMISSIONS.map((p) => [p.key, p.id]));
  const departments: Department[] = spec.departments.map(([id, parentId]) => ({ id, parentId, name: id, headUserId: null, sort: 0 }));
  const roles: Role[] = Object.entries(spec.roles).map(([id, r]) => ({
    id,
    name: id,
    groupId: r.group ?? 'crm',
    dataScope: r.scope,
    permissionIds: r.grants.map((g) => byKey.get(g) ?? g),
    enabled: r.enabled ?? true,
    remark: r.remark ?? null,
    label: r.label ?? null,
  }));
  const users: User[] = spec.users.map(([id, departmentId, managerId, roleIds, status]) => ({
    id, login: id, name: id, departmentId, managerId, status: status ?? 'active', title: '', roleIds,
  }));
  return {
    schemaVersion: 1,
    ...(spec.edition ? { edition: spec.edition } : {}),
    source: { kind: 'demo', takenAt: '2026-01-01T00:00:00Z' },
    departments,
    users,
    permissions: [...TEST_PERMISSIONS],
    roleGroups: [
      { id: 'crm', label: { 'zh-CN': '客户管理角色', en: 'CRM' }, rootPermissionIds: ['1'], hasDataScope: true },
      { id: 'sys', label: { 'zh-CN': '系统管理角色', en: 'System' }, rootPermissionIds: ['3'], hasDataScope: false },
    ],
    roles,
    fields: TEST_FIELDS,
    fieldRules: spec.fieldRules ?? [],
    superUserIds: spec.superUserIds ?? [],
  };
}
