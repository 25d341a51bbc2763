import type { Snapshot } from '../../common/domain';

/** The smallest valid snapshot, for repo unit tests: one department, one user, one role. */
export function tinySnapshot(takenAt = '2026-11-29T00:00:00.000Z'): Snapshot {
  return {
    schemaVersion: 1,
    source: { kind: 'file', takenAt },
    departments: [{ id: 'd0', parentId: null, name: 'Company', headUserId: null, sort: 0 }],
    users: [{ id: 'u0', login: 'admin', name: 'Admin', departmentId: 'd0', managerId: null, status: 'active', title: '', roleIds: ['r0'] }],
    permissions: [{ id: 'p0', parentId: null, key: 'crm', kind: 'group', label: { 'zh-CN': '客户', en: 'CRM' }, sort: 0, scoped: false }],
    roleGroups: [{ id: 'g0', label: { 'zh-CN': '角色', en: 'Roles' }, rootPermissionIds: ['p0'], hasDataScope: true }],
    roles: [{ id: 'r0', name: 'Admin', groupId: 'g0', dataScope: 5, permissionIds: [], enabled: true, remark: 'admin', label: null }],
    fields: [],
    fieldRules: [],
    superUserIds: ['u0'],
  };
}
