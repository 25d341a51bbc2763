import type { Id, Role } from '../domain';
import { isProtectedRole } from '../wukong';
import type { OperationOf } from './operations';
import type { RuleContext } from './ruleContext';
import { quoteEn, quoteZh, roleLabel } from './ruleContext';

/**
 * The server's rules for role edits (reference §4, §6, §9). Each function sees the state before its operation
 * and only reports; mutation lives in mutate.ts.
 */

/** `admin` / `project` roles: the CRM's own UI hides their edit, copy, delete and permission tab (§4.1). */
function warnIfProtected(ctx: RuleContext, role: Role): void {
  if (!isProtectedRole(role)) return;
  const label = roleLabel(ctx.ws, role.id);
  ctx.report(
    'PROTECTED_ROLE',
    {
      'zh-CN': `${label['zh-CN']} 是系统内置角色，悟空CRM 的界面不允许修改它`,
      en: `${label.en} is a built-in role; WukongCRM's own screens do not allow changing it`,
    },
    { roleId: role.id },
  );
}

/** 1117: names are unique per role type; the check does not exclude the role itself (§4.2), hence `exceptRoleId`. */
function checkNameFree(ctx: RuleContext, groupId: Id, name: string, exceptRoleId: Id | null): void {
  const clash = ctx.ws.roles.all.find((r) => r.groupId === groupId && r.name === name && r.id !== exceptRoleId);
  if (!clash) return;
  ctx.report(
    'ROLE_NAME_TAKEN',
    {
      'zh-CN': `同一角色类型中已有名为 ${quoteZh(name)} 的角色`,
      en: `A role named ${quoteEn(name)} already exists in this role type`,
    },
    { roleId: exceptRoleId ?? undefined, otherId: clash.id, groupId },
  );
}

/** Unknown permission ids and ids outside the group's catalogue roots (getRoleByType would not even list them). */
function checkGrantable(ctx: RuleContext, role: Pick<Role, 'id' | 'groupId'>, permissionIds: readonly Id[]): void {
  const group = ctx.ws.group(role.groupId);
  if (!group) {
    ctx.report(
      'UNKNOWN_ROLE_GROUP',
      { 'zh-CN': `角色类型 ${role.groupId} 不存在`, en: `Role type ${role.groupId} does not exist` },
      { roleId: role.id, groupId: role.groupId },
    );
    return;
  }
  for (const permissionId of permissionIds) {
    const permission = ctx.ws.permission(permissionId);
    if (!permission) {
      ctx.report(
        'UNKNOWN_PERMISSION',
        { 'zh-CN': `权限 ${permissionId} 不存在`, en: `Permission ${permissionId} does not exist` },
        { roleId: role.id, permissionId },
      );
    } else if (!ctx.ws.isInGroupCatalogue(group, permissionId)) {
      ctx.report(
        'PERMISSION_OUTSIDE_GROUP',
        {
          'zh-CN': `权限「${permission.label['zh-CN']}」不属于「${group.label['zh-CN']}」的权限目录`,
          en: `Permission "${permission.label.en}" is not in the catalogue of "${group.label.en}"`,
        },
        { roleId: role.id, permissionId, groupId: group.id },
      );
    }
  }
}

export function checkGrantPermissions(ctx: RuleContext, op: OperationOf<'grantPermissions'>): void {
  for (const roleId of op.roleIds) {
    const role = ctx.role(roleId);
    if (!role) continue;
    warnIfProtected(ctx, role);
    const held = new Set(role.permissionIds);
    checkGrantable(ctx, role, op.permissionIds.filter((p) => !held.has(p)));
  }
}

export function checkRevokePermissions(ctx: RuleContext, op: OperationOf<'revokePermissions'>): void {
  for (const roleId of op.roleIds) {
    const role = ctx.role(roleId);
    if (!role) continue;
    warnIfProtected(ctx, role);
    // Revoking a dangling grant must stay possible: only ids neither held nor known are refused.
    const held = new Set(role.permissionIds);
    for (const permissionId of op.permissionIds) {
      if (held.has(permissionId) || ctx.ws.permission(permissionId)) continue;
      ctx.report(
        'UNKNOWN_PERMISSION',
        { 'zh-CN': `权限 ${permissionId} 不存在`, en: `Permission ${permissionId} does not exist` },
        { roleId, permissionId },
      );
    }
  }
}

export function checkSetDataScope(ctx: RuleContext, op: OperationOf<'setDataScope'>): void {
  const role = ctx.role(op.roleId);
  if (!role || role.dataScope === op.dataScope) return;
  warnIfProtected(ctx, role);
  const group = ctx.ws.group(role.groupId);
  if (group && !group.hasDataScope) {
    ctx.report(
      'NO_DATA_SCOPE',
      {
        'zh-CN': `「${group.label['zh-CN']}」的角色没有数据权限，无法设置`,
        en: `Roles of "${group.label.en}" have no data scope to set`,
      },
      { roleId: role.id, groupId: group.id },
    );
  }
}

export function checkCreateRole(ctx: RuleContext, op: OperationOf<'createRole'>): void {
  ctx.freeId('roles', op.roleId);
  checkNameFree(ctx, op.groupId, op.name, null);
  checkGrantable(ctx, { id: op.roleId, groupId: op.groupId }, op.permissionIds);
}

export function checkCopyRole(ctx: RuleContext, op: OperationOf<'copyRole'>): void {
  ctx.freeId('roles', op.roleId);
  const source = ctx.role(op.sourceRoleId);
  // The copy keeps the source's type, so the name must be free there (the planner renames after /copy).
  if (source) checkNameFree(ctx, source.groupId, op.name, null);
}

export function checkRenameRole(ctx: RuleContext, op: OperationOf<'renameRole'>): void {
  const role = ctx.role(op.roleId);
  // Same name: a no-op here, and the planner must not send it (the server would answer 1117, §4.2).
  if (!role || role.name === op.name) return;
  warnIfProtected(ctx, role);
  checkNameFree(ctx, role.groupId, op.name, role.id);
}

export function checkDeleteRole(ctx: RuleContext, op: OperationOf<'deleteRole'>): void {
  const role = ctx.role(op.roleId);
  if (!role) return;
  warnIfProtected(ctx, role);
  // /adminRole/delete does not check that members keep a role (§4.2); such users can no longer be enabled (1113).
  const stranded = ctx.ws.users.all.filter((u) => u.roleIds.length === 1 && u.roleIds[0] === role.id);
  const first = stranded[0];
  if (!first) return;
  const label = roleLabel(ctx.ws, role.id);
  ctx.report(
    'ROLE_DELETE_LEAVES_USER_WITHOUT_ROLE',
    {
      'zh-CN': `删除 ${label['zh-CN']} 后，${stranded.length} 名员工将没有任何角色`,
      en: `Deleting ${label.en} leaves ${stranded.length} ${stranded.length === 1 ? 'person' : 'people'} without any role`,
    },
    { roleId: role.id, userId: first.id },
  );
}

export function checkSetFieldRules(ctx: RuleContext, op: OperationOf<'setFieldRules'>): void {
  const checkFields = ctx.ws.knowsModule.bind(ctx.ws);
  for (const cell of op.cells) {
    if (!ctx.role(cell.roleId)) continue;
    const refs = { roleId: cell.roleId, module: cell.module, field: cell.field };
    const definition = ctx.ws.fieldDefinition(cell.module, cell.field);
    if (!definition && checkFields(cell.module)) {
      ctx.report(
        'UNKNOWN_FIELD',
        { 'zh-CN': `模块 ${cell.module} 没有字段 ${cell.field}`, en: `Module ${cell.module} has no field ${cell.field}` },
        refs,
      );
    }
    if (cell.remove) continue;
    // saveRoleField forces maskType 0 unless the field type can be masked (§6): a mask would silently vanish.
    if (definition && !definition.maskable && cell.mask !== undefined && cell.mask !== 'none') {
      ctx.report(
        'FIELD_NOT_MASKABLE',
        {
          'zh-CN': `字段「${definition.label['zh-CN']}」不支持脱敏`,
          en: `Field "${definition.label.en}" cannot be masked`,
        },
        refs,
      );
    }
  }
}
