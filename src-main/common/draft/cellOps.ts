import type { CellChange } from './cells';
import type { DraftOperation } from './operations';

/**
 * The operations that bring one cell to `change.after`, whatever it holds now: how a conflict resolved in
 * favour of the draft ("keep mine") is written back into it. Existence cells can only be taken back to
 * "deleted" this way; re-creating something the server deleted needs the user (returns []).
 */
export function opsSettingCell(change: CellChange): DraftOperation[] {
  switch (change.kind) {
    case 'rolePermission':
      return [{ type: change.after ? 'grantPermissions' : 'revokePermissions', roleIds: [change.roleId], permissionIds: [change.permissionId] }];
    case 'roleScope':
      return [{ type: 'setDataScope', roleId: change.roleId, dataScope: change.after }];
    case 'roleName':
      return [{ type: 'renameRole', roleId: change.roleId, name: change.after }];
    case 'membership':
      return [{ type: change.after ? 'assignRoles' : 'unassignRoles', userIds: [change.userId], roleIds: [change.roleId] }];
    case 'userDepartment':
      return [{ type: 'moveUsers', userIds: [change.userId], departmentId: change.after }];
    case 'userManager':
      return [{ type: 'setManager', userId: change.userId, managerId: change.after }];
    case 'userStatus':
      return [{ type: 'setUserStatus', userIds: [change.userId], status: change.after }];
    case 'departmentName':
      return [{ type: 'renameDepartment', departmentId: change.departmentId, name: change.after }];
    case 'departmentParent':
      return change.after === null ? [] : [{ type: 'moveDepartment', departmentId: change.departmentId, parentId: change.after }];
    case 'departmentHead':
      return [{ type: 'setDepartmentHead', departmentId: change.departmentId, headUserId: change.after }];
    case 'fieldRule': {
      const where = { roleId: change.roleId, module: change.module, field: change.field };
      return [{ type: 'setFieldRules', cells: [change.after === null ? { ...where, remove: true } : { ...where, ...change.after }] }];
    }
    case 'role':
      return change.after === null ? [{ type: 'deleteRole', roleId: change.roleId }] : [];
    case 'department':
      return change.after === null ? [{ type: 'deleteDepartment', departmentId: change.departmentId }] : [];
    case 'user':
      return []; // drafts never create or delete people
  }
}
