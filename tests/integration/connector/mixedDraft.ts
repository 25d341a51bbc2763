/**
 * A draft that touches every kind of change the planner knows, on the emulator's small organisation
 * (tests/wukong-emulator/smallOrganisation.ts): grants and revokes, a scope, a new role with grants, field
 * rules and members, a rename, a copy, a new department people move into, a renamed department with a new
 * head, a new manager, an unassignment, a disabled person and a deleted custom role.
 */
import type { DraftOperation } from '../../../src-main/common/draft';

export const NEW_ROLE = 'new-role:auditors';
export const COPIED_ROLE = 'new-role:copy-of-sales';
export const NEW_DEPT = 'new-dept:north';

export function mixedDraft(): DraftOperation[] {
  return [
    // 销售员角色 180170: +delete customers (32), +export (31), −lock (35 is not held: −view contacts 42 instead), scope 1 → 3
    { type: 'grantPermissions', roleIds: ['180170'], permissionIds: ['32', '31'] },
    { type: 'revokePermissions', roleIds: ['180170'], permissionIds: ['42'] },
    { type: 'setDataScope', roleId: '180170', dataScope: 3 },
    // A new CRM role with grants, a field rule, and two members
    { type: 'createRole', roleId: NEW_ROLE, name: '审计员', groupId: '2', dataScope: 4, permissionIds: ['28', '29'] },
    { type: 'setFieldRules', cells: [{ roleId: NEW_ROLE, module: 'customer', field: 'mobile', access: 'read', mask: 'list' }] },
    { type: 'assignRoles', userIds: ['102', '104'], roleIds: [NEW_ROLE] },
    // Rename the announcement admin role; copy the sales role under a new name
    { type: 'renameRole', roleId: '180168', name: '公告与通知管理员' },
    { type: 'copyRole', roleId: COPIED_ROLE, sourceRoleId: '180170', name: '销售员（华北）' },
    // Field rule on an existing role
    { type: 'setFieldRules', cells: [{ roleId: '180170', module: 'customer', field: 'telephone', access: 'read', mask: 'none' }] },
    // Departments: a new one under 销售部, someone moves in; 技术部 renamed with a new head
    { type: 'createDepartment', departmentId: NEW_DEPT, parentId: '2', name: '华北销售组' },
    { type: 'moveUsers', userIds: ['103'], departmentId: NEW_DEPT },
    { type: 'renameDepartment', departmentId: '4', name: '研发部' },
    { type: 'setDepartmentHead', departmentId: '4', headUserId: '104' },
    // People: a new manager, an unassignment (王五 keeps 销售员角色), a disabled person
    { type: 'setManager', userId: '106', managerId: '104' },
    { type: 'unassignRoles', userIds: ['103'], roleIds: ['180168'] },
    { type: 'setUserStatus', userIds: ['106'], status: 'disabled' },
    // Delete the HR superior role (nobody holds it)
    { type: 'deleteRole', roleId: '180175' },
  ];
}
