import type { Department, Role, User } from '../domain';
import type { CellRef, CellValues, DepartmentSummary, RoleSummary, UserSummary } from './cells';
import type { WorkingSnapshot } from './workingSnapshot';
import { fieldRuleKey } from './workingSnapshot';

export const roleSummary = (r: Role): RoleSummary => ({ name: r.name, groupId: r.groupId, dataScope: r.dataScope });
export const userSummary = (u: User): UserSummary => ({ name: u.name, departmentId: u.departmentId });
export const departmentSummary = (d: Department): DepartmentSummary => ({ name: d.name, parentId: d.parentId, headUserId: d.headUserId });

/**
 * The value of one cell in a snapshot. Set-like cells of a missing role read as empty (not granted, not a
 * member, no field rule): that is what a created role starts from and a deleted one ends with. Attributes of a
 * missing entity (a deleted role's scope) read as `undefined`. Rebase checks entity existence separately.
 */
export function readCell<K extends CellRef['kind']>(ws: WorkingSnapshot, ref: Extract<CellRef, { kind: K }>): CellValues[K] | undefined;
export function readCell(ws: WorkingSnapshot, ref: CellRef): CellValues[CellRef['kind']] | undefined {
  switch (ref.kind) {
    case 'role': {
      const role = ws.roles.get(ref.roleId);
      return role ? roleSummary(role) : null;
    }
    case 'rolePermission':
      return ws.roles.get(ref.roleId)?.permissionIds.includes(ref.permissionId) ?? false;
    case 'roleScope':
      return ws.roles.get(ref.roleId)?.dataScope;
    case 'roleName':
      return ws.roles.get(ref.roleId)?.name;
    case 'membership':
      return ws.users.get(ref.userId)?.roleIds.includes(ref.roleId);
    case 'user': {
      const user = ws.users.get(ref.userId);
      return user ? userSummary(user) : null;
    }
    case 'userDepartment':
      return ws.users.get(ref.userId)?.departmentId;
    case 'userManager':
      return ws.users.get(ref.userId)?.managerId;
    case 'userStatus':
      return ws.users.get(ref.userId)?.status;
    case 'department': {
      const d = ws.departments.get(ref.departmentId);
      return d ? departmentSummary(d) : null;
    }
    case 'departmentName':
      return ws.departments.get(ref.departmentId)?.name;
    case 'departmentParent':
      return ws.departments.get(ref.departmentId)?.parentId;
    case 'departmentHead':
      return ws.departments.get(ref.departmentId)?.headUserId;
    case 'fieldRule': {
      const rule = ws.fieldRules.get(fieldRuleKey(ref.roleId, ref.module, ref.field));
      return rule ? { access: rule.access, mask: rule.mask } : null;
    }
  }
}
