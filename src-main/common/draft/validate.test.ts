import { describe, expect, it } from 'vitest';
import type { DraftOperation } from './operations';
import type { DraftProblemCode } from './problems';
import { WUKONG_CODES } from './problems';
import { role, sampleSnapshot } from './testing/builders';
import { validate } from './validate';

/** The sample plus a role still holding a permission id the catalogue no longer lists. */
const withDangling = () => {
  const s = sampleSnapshot();
  return { ...s, roles: [...s.roles, role('r-dangling', 'crm', 'Dangling', ['11', '999'])] };
};
const codes = (ops: DraftOperation[], snapshot = withDangling()) => validate(snapshot, ops).map((p) => p.code);

/** Each row: a rule, an operation list that breaks it, and the closest list that does not. */
const rules: Array<{ code: DraftProblemCode; bad: DraftOperation[]; good: DraftOperation[] }> = [
  { code: 'UNKNOWN_ROLE', bad: [{ type: 'setDataScope', roleId: 'nope', dataScope: 2 }], good: [{ type: 'setDataScope', roleId: 'r-sales', dataScope: 2 }] },
  { code: 'UNKNOWN_USER', bad: [{ type: 'moveUsers', userIds: ['nope'], departmentId: 'ops' }], good: [{ type: 'moveUsers', userIds: ['bob'], departmentId: 'ops' }] },
  { code: 'UNKNOWN_DEPARTMENT', bad: [{ type: 'moveUsers', userIds: ['bob'], departmentId: 'gone' }], good: [{ type: 'moveUsers', userIds: ['bob'], departmentId: 'hq' }] },
  { code: 'UNKNOWN_PERMISSION', bad: [{ type: 'grantPermissions', roleIds: ['r-sales'], permissionIds: ['999'] }], good: [{ type: 'grantPermissions', roleIds: ['r-sales'], permissionIds: ['13'] }] },
  // Revoking a dangling grant (an id the catalogue no longer has) stays possible; revoking an unknown, unheld id is not.
  { code: 'UNKNOWN_PERMISSION', bad: [{ type: 'revokePermissions', roleIds: ['r-sales'], permissionIds: ['999'] }], good: [{ type: 'revokePermissions', roleIds: ['r-sales'], permissionIds: ['11'] }] },
  { code: 'UNKNOWN_PERMISSION', bad: [{ type: 'revokePermissions', roleIds: ['r-sales'], permissionIds: ['999'] }], good: [{ type: 'revokePermissions', roleIds: ['r-dangling'], permissionIds: ['999'] }] },
  { code: 'PERMISSION_OUTSIDE_GROUP', bad: [{ type: 'createRole', roleId: 'n', name: 'N', groupId: 'crm', dataScope: 1, permissionIds: ['30'] }], good: [{ type: 'createRole', roleId: 'n', name: 'N', groupId: 'manage', dataScope: 5, permissionIds: ['30'] }] },
  { code: 'UNKNOWN_ROLE_GROUP', bad: [{ type: 'createRole', roleId: 'n', name: 'N', groupId: 'hr', dataScope: 5, permissionIds: [] }], good: [{ type: 'createRole', roleId: 'n', name: 'N', groupId: 'crm', dataScope: 5, permissionIds: [] }] },
  { code: 'UNKNOWN_FIELD', bad: [{ type: 'setFieldRules', cells: [{ roleId: 'r-sales', module: 'customer', field: 'shoe_size', access: 'read' }] }], good: [{ type: 'setFieldRules', cells: [{ roleId: 'r-sales', module: 'customer', field: 'level', access: 'read' }] }] },
  { code: 'ID_TAKEN', bad: [{ type: 'createDepartment', departmentId: 'ops', parentId: 'hq', name: 'X' }], good: [{ type: 'createDepartment', departmentId: 'new-dept:1', parentId: 'hq', name: 'X' }] },
  // 1117: unique per role type; the same name in another type is fine; renaming to the current name is a no-op.
  { code: 'ROLE_NAME_TAKEN', bad: [{ type: 'renameRole', roleId: 'r-sales', name: 'Manager' }], good: [{ type: 'renameRole', roleId: 'r-sales', name: 'Sales' }] },
  { code: 'ROLE_NAME_TAKEN', bad: [{ type: 'createRole', roleId: 'n', name: 'Sales', groupId: 'crm', dataScope: 1, permissionIds: [] }], good: [{ type: 'createRole', roleId: 'n', name: 'Sales', groupId: 'manage', dataScope: 5, permissionIds: [] }] },
  { code: 'ROLE_NAME_TAKEN', bad: [{ type: 'copyRole', roleId: 'n', sourceRoleId: 'r-sales', name: 'Manager' }], good: [{ type: 'copyRole', roleId: 'n', sourceRoleId: 'r-sales', name: 'Sales (copy)' }] },
  { code: 'PERMISSION_OUTSIDE_GROUP', bad: [{ type: 'grantPermissions', roleIds: ['r-sales'], permissionIds: ['31'] }], good: [{ type: 'grantPermissions', roleIds: ['r-admin'], permissionIds: ['31'] }] },
  { code: 'NO_DATA_SCOPE', bad: [{ type: 'setDataScope', roleId: 'r-admin', dataScope: 1 }], good: [{ type: 'setDataScope', roleId: 'r-mgr', dataScope: 1 }] },
  // 1133: the last role cannot go; one of two can.
  { code: 'USER_NEEDS_ROLE', bad: [{ type: 'unassignRoles', userIds: ['bob'], roleIds: ['r-sales'] }], good: [{ type: 'unassignRoles', userIds: ['cai'], roleIds: ['r-sales'] }] },
  { code: 'USER_NEEDS_ROLE', bad: [{ type: 'unassignRoles', userIds: ['cai'], roleIds: ['r-sales', 'r-mgr'] }], good: [{ type: 'assignRoles', userIds: ['cai'], roleIds: ['r-admin'] }, { type: 'unassignRoles', userIds: ['cai'], roleIds: ['r-sales', 'r-mgr'] }] },
  { code: 'USER_NEEDS_ROLE_TO_ENABLE', bad: [{ type: 'setUserStatus', userIds: ['bob'], status: 'disabled' }, { type: 'deleteRole', roleId: 'r-sales' }, { type: 'setUserStatus', userIds: ['bob'], status: 'active' }], good: [{ type: 'setUserStatus', userIds: ['bob'], status: 'disabled' }, { type: 'setUserStatus', userIds: ['bob'], status: 'active' }] },
  { code: 'ROLE_DELETE_LEAVES_USER_WITHOUT_ROLE', bad: [{ type: 'deleteRole', roleId: 'r-sales' }], good: [{ type: 'assignRoles', userIds: ['bob', 'dan'], roleIds: ['r-mgr'] }, { type: 'deleteRole', roleId: 'r-sales' }] },
  { code: 'SUPER_ADMIN_DISABLE', bad: [{ type: 'setUserStatus', userIds: ['boss'], status: 'disabled' }], good: [{ type: 'setUserStatus', userIds: ['ann'], status: 'disabled' }] },
  { code: 'STATUS_NOT_SETTABLE', bad: [{ type: 'setUserStatus', userIds: ['ann'], status: 'inactive' }], good: [{ type: 'setUserStatus', userIds: ['ann'], status: 'active' }] },
  { code: 'MANAGER_SELF', bad: [{ type: 'setManager', userId: 'bob', managerId: 'bob' }], good: [{ type: 'setManager', userId: 'bob', managerId: 'boss' }] },
  // 1109: bob reports to ann (directly), cai too; ann's manager cannot be either of them, nor anyone below.
  { code: 'MANAGER_CYCLE', bad: [{ type: 'setManager', userId: 'boss', managerId: 'cai' }], good: [{ type: 'setManager', userId: 'cai', managerId: 'boss' }] },
  { code: 'MANAGER_CYCLE', bad: [{ type: 'setManager', userId: 'dan', managerId: 'bob' }, { type: 'setManager', userId: 'ann', managerId: 'dan' }], good: [{ type: 'setManager', userId: 'ann', managerId: 'dan' }] },
  { code: 'DEPARTMENT_CYCLE', bad: [{ type: 'moveDepartment', departmentId: 'sales', parentId: 'east' }], good: [{ type: 'moveDepartment', departmentId: 'east', parentId: 'ops' }] },
  { code: 'DEPARTMENT_CYCLE', bad: [{ type: 'moveDepartment', departmentId: 'ops', parentId: 'ops' }], good: [{ type: 'moveDepartment', departmentId: 'ops', parentId: 'sales' }] },
  { code: 'DEPARTMENT_HAS_USERS', bad: [{ type: 'deleteDepartment', departmentId: 'ops' }], good: [{ type: 'moveUsers', userIds: ['dan'], departmentId: 'hq' }, { type: 'deleteDepartment', departmentId: 'ops' }] },
  { code: 'DEPARTMENT_HAS_CHILDREN', bad: [{ type: 'moveUsers', userIds: ['ann'], departmentId: 'hq' }, { type: 'deleteDepartment', departmentId: 'sales' }], good: [{ type: 'moveUsers', userIds: ['ann'], departmentId: 'hq' }, { type: 'moveDepartment', departmentId: 'east', parentId: 'hq' }, { type: 'deleteDepartment', departmentId: 'sales' }] },
  { code: 'DEPARTMENT_NAME_TOO_LONG', bad: [{ type: 'renameDepartment', departmentId: 'ops', name: 'Operations and Logistics' }], good: [{ type: 'renameDepartment', departmentId: 'ops', name: 'Operations' }] },
  { code: 'FIELD_NOT_MASKABLE', bad: [{ type: 'setFieldRules', cells: [{ roleId: 'r-sales', module: 'customer', field: 'level', mask: 'list' }] }], good: [{ type: 'setFieldRules', cells: [{ roleId: 'r-sales', module: 'customer', field: 'mobile', mask: 'listDetail' }] }] },
  { code: 'PROTECTED_ROLE', bad: [{ type: 'renameRole', roleId: 'r-admin', name: 'Root' }], good: [{ type: 'renameRole', roleId: 'r-sales', name: 'Root' }] },
];

describe('validate: the server rules, each with a case it catches and a neighbour it lets through', () => {
  it.each(rules.map((r, i) => [`${r.code} #${i}`, r] as const))('%s', (_name, rule) => {
    expect(codes(rule.bad)).toContain(rule.code);
    expect(codes(rule.good)).not.toContain(rule.code);
  });

  it('maps rules to the WukongCRM codes the server would answer with', () => {
    expect(WUKONG_CODES.ROLE_NAME_TAKEN).toBe(1117);
    expect(WUKONG_CODES.USER_NEEDS_ROLE).toBe(1133);
    expect(WUKONG_CODES.MANAGER_CYCLE).toBe(1109);
    expect(WUKONG_CODES.MANAGER_SELF).toBe(1130);
    expect(WUKONG_CODES.DEPARTMENT_CYCLE).toBe(1110);
    expect(WUKONG_CODES.DEPARTMENT_HAS_USERS).toBe(1111);
    expect(WUKONG_CODES.DEPARTMENT_HAS_CHILDREN).toBe(1112);
  });

  it('names the operation, the entities and speaks both languages', () => {
    const [p] = validate(sampleSnapshot(), [
      { type: 'renameRole', roleId: 'r-sales', name: 'Sales' },
      { type: 'setManager', userId: 'boss', managerId: 'cai' },
    ]);
    expect(p).toMatchObject({ code: 'MANAGER_CYCLE', wukongCode: 1109, severity: 'error', opIndex: 1, refs: { userId: 'boss', otherId: 'cai' } });
    expect(p?.message.en).toContain('cai');
    expect(p?.message['zh-CN']).toContain('下属');
  });

  it('judges each operation against what the earlier ones left, not against the base', () => {
    // The role is created in the draft, so granting to it is fine; a second role with the same name is not.
    expect(
      codes([
        { type: 'createRole', roleId: 'n1', name: 'New', groupId: 'crm', dataScope: 1, permissionIds: [] },
        { type: 'grantPermissions', roleIds: ['n1'], permissionIds: ['11'] },
        { type: 'createRole', roleId: 'n2', name: 'New', groupId: 'crm', dataScope: 1, permissionIds: [] },
      ]),
    ).toEqual(['ROLE_NAME_TAKEN']);
  });

  it('does not let a rejected operation take effect for the ones after it', () => {
    // The move is refused (cycle), so deleting 'sales' afterwards still sees its child 'east'.
    expect(
      codes([
        { type: 'moveDepartment', departmentId: 'east', parentId: 'east' },
        { type: 'moveUsers', userIds: ['ann'], departmentId: 'hq' },
        { type: 'deleteDepartment', departmentId: 'sales' },
      ]),
    ).toEqual(['DEPARTMENT_CYCLE', 'DEPARTMENT_HAS_CHILDREN']);
  });

  it('refuses to disable only the hard-coded super user, not holders of the admin role (setUserStatus checks getSuperUser, 1116)', () => {
    const s = { ...sampleSnapshot(), superUserIds: ['dan'] };
    expect(codes([{ type: 'setUserStatus', userIds: ['dan'], status: 'disabled' }], s)).toEqual(['SUPER_ADMIN_DISABLE']);
    expect(codes([{ type: 'setUserStatus', userIds: ['boss'], status: 'disabled' }], s)).toEqual([]); // holds r-admin, not listed
  });
});
