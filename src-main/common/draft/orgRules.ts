import type { Id } from '../domain';
import type { OperationOf } from './operations';
import type { RuleContext } from './ruleContext';
import { departmentLabel, quoteEn, quoteZh, userLabel } from './ruleContext';

/** The server's rules for people and the organisation tree (reference §2, §3, §4.2, §9). */

/** WukongCRM `addDept` / `setDept` take `name` with @Size(max=20) (§2), stricter than our schema's 64. */
const DEPARTMENT_NAME_MAX = 20;

export function checkAssignRoles(ctx: RuleContext, op: OperationOf<'assignRoles'>): void {
  for (const roleId of op.roleIds) ctx.role(roleId);
  for (const userId of op.userIds) ctx.user(userId);
}

export function checkUnassignRoles(ctx: RuleContext, op: OperationOf<'unassignRoles'>): void {
  for (const roleId of op.roleIds) ctx.role(roleId);
  const removing = new Set(op.roleIds);
  for (const userId of op.userIds) {
    const user = ctx.user(userId);
    if (!user || user.roleIds.length === 0) continue;
    // 1133 (unbindingUser): a user keeps at least one role.
    if (user.roleIds.every((r) => removing.has(r))) {
      const name = userLabel(ctx.ws, userId);
      ctx.report(
        'USER_NEEDS_ROLE',
        { 'zh-CN': `${name} 至少需要保留一个角色`, en: `${name} must keep at least one role` },
        { userId },
      );
    }
  }
}

export function checkMoveUsers(ctx: RuleContext, op: OperationOf<'moveUsers'>): void {
  ctx.department(op.departmentId); // 1142 department no longer exists
  for (const userId of op.userIds) ctx.user(userId);
}

export function checkSetManager(ctx: RuleContext, op: OperationOf<'setManager'>): void {
  const user = ctx.user(op.userId);
  if (!user || op.managerId === null || user.managerId === op.managerId) return;
  if (!ctx.user(op.managerId)) return;
  const name = userLabel(ctx.ws, op.userId);
  const manager = userLabel(ctx.ws, op.managerId);
  if (op.managerId === op.userId) {
    ctx.report('MANAGER_SELF', { 'zh-CN': `${name} 不能是自己的直属上级`, en: `${name} cannot be their own manager` }, {
      userId: op.userId,
    });
  } else if (ctx.ws.isInChainAbove(op.userId, op.managerId)) {
    // 1109: the would-be manager reports (transitively) to the user, so the reporting line would loop.
    ctx.report(
      'MANAGER_CYCLE',
      {
        'zh-CN': `${manager} 是 ${name} 的下属，不能设为其直属上级`,
        en: `${manager} reports to ${name} and cannot become their manager`,
      },
      { userId: op.userId, otherId: op.managerId },
    );
  }
}

export function checkSetUserStatus(ctx: RuleContext, op: OperationOf<'setUserStatus'>): void {
  for (const userId of op.userIds) {
    const user = ctx.user(userId);
    if (!user || user.status === op.status) continue;
    const name = userLabel(ctx.ws, userId);
    if (op.status === 'inactive') {
      // setUserStatus takes 0 or 1 (§3); "not yet activated" is the server's state before first login.
      ctx.report(
        'STATUS_NOT_SETTABLE',
        {
          'zh-CN': `无法把 ${name} 设为“未激活”：悟空CRM 只能启用或禁用员工`,
          en: `${name} cannot be set to "not activated": WukongCRM can only enable or disable people`,
        },
        { userId },
      );
    } else if (op.status === 'disabled' && ctx.ws.isSuperUser(userId)) {
      ctx.report('SUPER_ADMIN_DISABLE', { 'zh-CN': `超级管理员 ${name} 不能被禁用`, en: `Super admin ${name} cannot be disabled` }, {
        userId,
      });
    } else if (op.status === 'active' && user.roleIds.length === 0) {
      ctx.report(
        'USER_NEEDS_ROLE_TO_ENABLE',
        { 'zh-CN': `请先为 ${name} 设置角色再启用`, en: `Give ${name} a role before enabling them` },
        { userId },
      );
    }
  }
}

function checkDepartmentName(ctx: RuleContext, departmentId: Id, name: string): void {
  if (name.length <= DEPARTMENT_NAME_MAX) return;
  ctx.report(
    'DEPARTMENT_NAME_TOO_LONG',
    {
      'zh-CN': `部门名称 ${quoteZh(name)} 超过 ${DEPARTMENT_NAME_MAX} 个字符`,
      en: `The department name ${quoteEn(name)} is longer than ${DEPARTMENT_NAME_MAX} characters`,
    },
    { departmentId },
  );
}

export function checkCreateDepartment(ctx: RuleContext, op: OperationOf<'createDepartment'>): void {
  ctx.freeId('departments', op.departmentId);
  ctx.department(op.parentId);
  checkDepartmentName(ctx, op.departmentId, op.name);
}

export function checkRenameDepartment(ctx: RuleContext, op: OperationOf<'renameDepartment'>): void {
  if (!ctx.department(op.departmentId)) return;
  if (ctx.ws.departments.get(op.departmentId)?.name === op.name) return;
  checkDepartmentName(ctx, op.departmentId, op.name);
}

export function checkMoveDepartment(ctx: RuleContext, op: OperationOf<'moveDepartment'>): void {
  if (!ctx.department(op.departmentId) || !ctx.department(op.parentId)) return;
  if (ctx.ws.departments.get(op.departmentId)?.parentId === op.parentId) return;
  // 1110: the new parent is the department itself or below it.
  if (ctx.ws.isInSubtree(op.departmentId, op.parentId)) {
    const name = departmentLabel(ctx.ws, op.departmentId);
    const parent = departmentLabel(ctx.ws, op.parentId);
    ctx.report(
      'DEPARTMENT_CYCLE',
      {
        'zh-CN': `不能把 ${parent} 设为 ${name} 的上级部门：它是 ${name} 本身或其下级`,
        en: `${parent} cannot become the parent of ${name}: it is ${name} itself or below it`,
      },
      { departmentId: op.departmentId, otherId: op.parentId },
    );
  }
}

export function checkDeleteDepartment(ctx: RuleContext, op: OperationOf<'deleteDepartment'>): void {
  if (!ctx.department(op.departmentId)) return;
  const name = departmentLabel(ctx.ws, op.departmentId);
  const people = ctx.ws.peopleIn(op.departmentId);
  if (people > 0) {
    // 1111 counts every user row with this dept_id, disabled ones included (§2).
    ctx.report(
      'DEPARTMENT_HAS_USERS',
      { 'zh-CN': `部门 ${name} 还有 ${people} 名员工，不能删除`, en: `${name} still has ${people} ${people === 1 ? 'person' : 'people'} and cannot be deleted` },
      { departmentId: op.departmentId },
    );
  }
  const children = ctx.ws.childrenOf(op.departmentId);
  if (children > 0) {
    ctx.report(
      'DEPARTMENT_HAS_CHILDREN',
      { 'zh-CN': `部门 ${name} 还有下级部门，不能删除`, en: `${name} still has sub-departments and cannot be deleted` },
      { departmentId: op.departmentId },
    );
  }
}

export function checkSetDepartmentHead(ctx: RuleContext, op: OperationOf<'setDepartmentHead'>): void {
  ctx.department(op.departmentId);
  if (op.headUserId !== null) ctx.user(op.headUserId);
}
