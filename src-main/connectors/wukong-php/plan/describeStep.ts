import { DATA_SCOPE_NAMES, type DataScope, type Id, type LocalizedText, type Snapshot } from '../../../common/domain';
import type { PhpPushStep } from './steps';

/**
 * One line per planned step, in both languages, for the list the user confirms before anything is sent. Names come
 * from the projection (new roles and departments are not on the server yet), or from the server state for what
 * the push deletes.
 */
export function describeStep(step: PhpPushStep, projection: Snapshot, server: Snapshot): LocalizedText {
  const role = (id: Id) => (projection.roles.find((r) => r.id === id) ?? server.roles.find((r) => r.id === id))?.name ?? id;
  const dept = (id: Id) => (projection.departments.find((d) => d.id === id) ?? server.departments.find((d) => d.id === id))?.name ?? id;
  const user = (id: Id) => projection.users.find((u) => u.id === id)?.name ?? id;
  const people = (ids: readonly Id[]) => (ids.length <= 3 ? ids.map(user).join('、') : `${ids.slice(0, 3).map(user).join('、')} +${ids.length - 3}`);
  const scope = (s: number) => DATA_SCOPE_NAMES[s as DataScope] ?? { 'zh-CN': String(s), en: String(s) };
  switch (step.kind) {
    case 'createDepartment':
      return { 'zh-CN': `在「${dept(step.parent)}」下新建部门「${step.name}」`, en: `Create department "${step.name}" under "${dept(step.parent)}"` };
    case 'updateDepartment':
      return { 'zh-CN': `修改部门「${dept(step.department)}」`, en: `Change department "${dept(step.department)}"` };
    case 'deleteDepartment':
      return { 'zh-CN': `删除部门「${dept(step.department)}」`, en: `Delete department "${dept(step.department)}"` };
    case 'createRole':
      return {
        'zh-CN': `新建角色「${step.name}」（数据权限：${scope(step.dataScope)['zh-CN']}）`,
        en: `Create role "${step.name}" (data scope: ${scope(step.dataScope).en})`,
      };
    case 'renameRole':
      return { 'zh-CN': `角色改名为「${step.name}」`, en: `Rename role to "${step.name}"` };
    case 'setRoleAccess': {
      const zhScope = step.dataScope === undefined ? '' : `，数据权限改为「${scope(step.dataScope)['zh-CN']}」`;
      const enScope = step.dataScope === undefined ? '' : `; data scope ${scope(step.dataScope).en}`;
      return {
        'zh-CN': `角色「${role(step.role)}」：授予 ${step.grant.length} 项、撤销 ${step.revoke.length} 项权限${zhScope}`,
        en: `Role "${role(step.role)}": grant ${step.grant.length}, revoke ${step.revoke.length} permissions${enScope}`,
      };
    }
    case 'setRoleStatus':
      return step.enabled
        ? { 'zh-CN': `启用角色「${role(step.role)}」`, en: `Enable role "${role(step.role)}"` }
        : { 'zh-CN': `停用角色「${role(step.role)}」`, en: `Disable role "${role(step.role)}"` };
    case 'deleteRole':
      return { 'zh-CN': `删除角色「${role(step.role)}」`, en: `Delete role "${role(step.role)}"` };
    case 'setFieldGrant':
      return {
        'zh-CN': `角色「${role(step.role)}」：修改 ${step.column} 的 ${step.cells.length} 条字段权限`,
        en: `Role "${role(step.role)}": change ${step.cells.length} field rules of ${step.column}`,
      };
    case 'assignRole':
      return { 'zh-CN': `给 ${people(step.userIds)} 分配角色「${role(step.role)}」`, en: `Give ${people(step.userIds)} the role "${role(step.role)}"` };
    case 'unassignRole':
      return { 'zh-CN': `取消 ${user(step.userId)} 的角色「${role(step.role)}」`, en: `Take the role "${role(step.role)}" from ${user(step.userId)}` };
    case 'moveUsers':
      return { 'zh-CN': `把 ${people(step.userIds)} 调到「${dept(step.department)}」`, en: `Move ${people(step.userIds)} to "${dept(step.department)}"` };
    case 'setManager':
      return {
        'zh-CN': `${user(step.userId)} 的直属上级改为 ${step.manager === null ? '无' : user(step.manager)}`,
        en: `Set ${user(step.userId)}'s superior to ${step.manager === null ? 'nobody' : user(step.manager)}`,
      };
    case 'setUserStatus':
      if (step.status === 'active') return { 'zh-CN': `启用 ${people(step.userIds)}`, en: `Enable ${people(step.userIds)}` };
      if (step.status === 'disabled') return { 'zh-CN': `禁用 ${people(step.userIds)}`, en: `Disable ${people(step.userIds)}` };
      return { 'zh-CN': `把 ${people(step.userIds)} 设为未激活`, en: `Set ${people(step.userIds)} to not activated` };
  }
}
