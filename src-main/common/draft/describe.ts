import type { FieldAccess, FieldMask, Id, LocalizedText, Snapshot, UserStatus } from '../domain';
import { DATA_SCOPE_NAMES } from '../domain';
import { mutate } from './mutate';
import type { DraftOperation, FieldRuleCell } from './operations';
import { missingCaseError } from './operations';
import { isError } from './problems';
import { checkOperation } from './validate';
import { WorkingSnapshot } from './workingSnapshot';

export type Locale = keyof LocalizedText;

/** The scope names live with the domain; re-exported here for the draft's public surface. */
export { DATA_SCOPE_NAMES };
export const ACCESS_NAMES: Readonly<Record<FieldAccess, LocalizedText>> = {
  hidden: { 'zh-CN': '不可查看', en: 'hidden' },
  read: { 'zh-CN': '只读', en: 'read only' },
  edit: { 'zh-CN': '可编辑', en: 'editable' },
};
export const MASK_NAMES: Readonly<Record<FieldMask, LocalizedText>> = {
  none: { 'zh-CN': '不脱敏', en: 'not masked' },
  list: { 'zh-CN': '列表脱敏', en: 'masked in lists' },
  listDetail: { 'zh-CN': '列表和详情脱敏', en: 'masked in lists and details' },
};
const STATUS_VERBS: Readonly<Record<UserStatus, LocalizedText>> = {
  active: { 'zh-CN': '启用', en: 'Enable' },
  disabled: { 'zh-CN': '禁用', en: 'Disable' },
  inactive: { 'zh-CN': '设为未激活：', en: 'Mark as not activated:' },
};

/** At most this many names in a sentence; the rest are counted ("and 7 more"). */
const NAMES_SHOWN = 3;

/**
 * One operation in plain words, with the names as they are in `snapshot` (the state right before the operation;
 * use `describeOperations` for a whole draft, so that roles created earlier in it are named too).
 */
export function describeOperation(op: DraftOperation, snapshot: Snapshot, locale: Locale): string {
  return describeIn(op, new WorkingSnapshot(snapshot), locale);
}

function describeIn(op: DraftOperation, ws: WorkingSnapshot, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const q = (name: string) => (zh ? `「${name}」` : `"${name}"`);
  const list = (names: string[]) => {
    const shown = names.slice(0, NAMES_SHOWN).join(zh ? '、' : ', ');
    const more = names.length - NAMES_SHOWN;
    if (more <= 0) return shown;
    return zh ? `${shown} 等 ${names.length} 项` : `${shown} and ${more} more`;
  };
  const role = (id: Id) => q(ws.roles.get(id)?.name ?? id);
  const roles = (ids: readonly Id[]) => list(ids.map(role));
  const users = (ids: readonly Id[]) => list(ids.map((id) => ws.users.get(id)?.name ?? id));
  const dept = (id: Id) => q(ws.departments.get(id)?.name ?? id);
  const perms = (ids: readonly Id[]) => list(ids.map((id) => ws.permission(id)?.label[locale] ?? id));
  const count = (n: number, en: string) => (zh ? `${n} 项` : `${n} ${en}${n === 1 ? '' : 's'}`);

  switch (op.type) {
    case 'grantPermissions':
      return zh
        ? `为 ${roles(op.roleIds)} 授予权限 ${perms(op.permissionIds)}`
        : `Grant ${count(op.permissionIds.length, 'permission')} (${perms(op.permissionIds)}) to ${roles(op.roleIds)}`;
    case 'revokePermissions':
      return zh
        ? `收回 ${roles(op.roleIds)} 的权限 ${perms(op.permissionIds)}`
        : `Revoke ${count(op.permissionIds.length, 'permission')} (${perms(op.permissionIds)}) from ${roles(op.roleIds)}`;
    case 'setDataScope':
      return zh
        ? `把 ${role(op.roleId)} 的数据权限设为“${DATA_SCOPE_NAMES[op.dataScope][locale]}”`
        : `Set the data scope of ${role(op.roleId)} to "${DATA_SCOPE_NAMES[op.dataScope][locale]}"`;
    case 'createRole': {
      const group = ws.group(op.groupId)?.label[locale] ?? op.groupId;
      return zh
        ? `在“${group}”中新建角色 ${q(op.name)}，含 ${op.permissionIds.length} 项权限`
        : `Create role ${q(op.name)} in "${group}" with ${count(op.permissionIds.length, 'permission')}`;
    }
    case 'copyRole':
      return zh ? `复制角色 ${role(op.sourceRoleId)} 为 ${q(op.name)}` : `Copy role ${role(op.sourceRoleId)} as ${q(op.name)}`;
    case 'renameRole':
      return zh ? `把角色 ${role(op.roleId)} 改名为 ${q(op.name)}` : `Rename role ${role(op.roleId)} to ${q(op.name)}`;
    case 'deleteRole':
      return zh ? `删除角色 ${role(op.roleId)}` : `Delete role ${role(op.roleId)}`;
    case 'assignRoles':
      return zh ? `给 ${users(op.userIds)} 分配角色 ${roles(op.roleIds)}` : `Give ${roles(op.roleIds)} to ${users(op.userIds)}`;
    case 'unassignRoles':
      return zh ? `取消 ${users(op.userIds)} 的角色 ${roles(op.roleIds)}` : `Take ${roles(op.roleIds)} away from ${users(op.userIds)}`;
    case 'moveUsers':
      return zh ? `把 ${users(op.userIds)} 调到部门 ${dept(op.departmentId)}` : `Move ${users(op.userIds)} to ${dept(op.departmentId)}`;
    case 'setManager':
      if (op.managerId === null) return zh ? `取消 ${users([op.userId])} 的直属上级` : `Remove the manager of ${users([op.userId])}`;
      return zh
        ? `把 ${users([op.managerId])} 设为 ${users([op.userId])} 的直属上级`
        : `Make ${users([op.managerId])} the manager of ${users([op.userId])}`;
    case 'setUserStatus':
      return `${STATUS_VERBS[op.status][locale]} ${users(op.userIds)}`;
    case 'createDepartment':
      return zh ? `在 ${dept(op.parentId)} 下新建部门 ${q(op.name)}` : `Create department ${q(op.name)} under ${dept(op.parentId)}`;
    case 'renameDepartment':
      return zh ? `把部门 ${dept(op.departmentId)} 改名为 ${q(op.name)}` : `Rename department ${dept(op.departmentId)} to ${q(op.name)}`;
    case 'moveDepartment':
      return zh ? `把部门 ${dept(op.departmentId)} 移到 ${dept(op.parentId)} 下` : `Move department ${dept(op.departmentId)} under ${dept(op.parentId)}`;
    case 'deleteDepartment':
      return zh ? `删除部门 ${dept(op.departmentId)}` : `Delete department ${dept(op.departmentId)}`;
    case 'setDepartmentHead':
      if (op.headUserId === null) return zh ? `取消部门 ${dept(op.departmentId)} 的负责人` : `Clear the head of ${dept(op.departmentId)}`;
      return zh
        ? `把 ${users([op.headUserId])} 设为部门 ${dept(op.departmentId)} 的负责人`
        : `Make ${users([op.headUserId])} head of ${dept(op.departmentId)}`;
    case 'setFieldRules':
      return `${zh ? '设置字段权限：' : 'Set field rules: '}${list(op.cells.map((c) => describeCell(c, ws, locale)))}`;
    default:
      throw missingCaseError(op);
  }
}

function describeCell(cell: FieldRuleCell, ws: WorkingSnapshot, locale: Locale): string {
  const field = ws.fieldDefinition(cell.module, cell.field)?.label[locale] ?? `${cell.module}.${cell.field}`;
  const role = ws.roles.get(cell.roleId)?.name ?? cell.roleId;
  const target = cell.remove
    ? { 'zh-CN': '恢复默认', en: 'back to the default' }[locale]
    : [cell.access && ACCESS_NAMES[cell.access][locale], cell.mask && MASK_NAMES[cell.mask][locale]].filter(Boolean).join(locale === 'zh-CN' ? '，' : ', ');
  return `${role} · ${field} → ${target}`;
}

/** Each operation of a draft described against the state its predecessors leave (skipping none). */
export function describeOperations(snapshot: Snapshot, ops: readonly DraftOperation[], locale: Locale): string[] {
  const ws = new WorkingSnapshot(snapshot);
  return ops.map((op, i) => {
    const text = describeIn(op, ws, locale);
    // A broken operation is still described, but it does not change the names the later ones see.
    if (!checkOperation(ws, op, i, 'structural').some(isError)) mutate(ws, op);
    return text;
  });
}
