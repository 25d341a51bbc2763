import type { Id, Snapshot } from '../domain';
import type { CellChange } from './cells';
import type { Locale } from './describe';
import { ACCESS_NAMES as ACCESS, DATA_SCOPE_NAMES, MASK_NAMES as MASK } from './describe';
import { WorkingSnapshot } from './workingSnapshot';

const STATUS = { active: { 'zh-CN': '正常', en: 'active' }, inactive: { 'zh-CN': '未激活', en: 'not activated' }, disabled: { 'zh-CN': '禁用', en: 'disabled' } } as const;

/**
 * One changed cell (from `diffSnapshots`) in plain words, for the "changes in plain language" view. Names come
 * from `after`, falling back to `before` for what the draft deletes, so both ends of a change read naturally.
 */
export function describeChange(change: CellChange, before: Snapshot, after: Snapshot, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const [b, a] = [new WorkingSnapshot(before), new WorkingSnapshot(after)];
  const q = (name: string) => (zh ? `「${name}」` : `"${name}"`);
  const role = (id: Id) => q(a.roles.get(id)?.name ?? b.roles.get(id)?.name ?? id);
  const user = (id: Id | null) => (id === null ? (zh ? '（无）' : '(nobody)') : (a.users.get(id)?.name ?? b.users.get(id)?.name ?? id));
  const dept = (id: Id | null) => (id === null ? (zh ? '（顶级）' : '(top level)') : q(a.departments.get(id)?.name ?? b.departments.get(id)?.name ?? id));

  switch (change.kind) {
    case 'role':
      if (change.after === null) return zh ? `删除角色 ${role(change.roleId)}` : `Role ${role(change.roleId)} is deleted`;
      return zh ? `新建角色 ${q(change.after.name)}` : `New role ${q(change.after.name)}`;
    case 'rolePermission': {
      const permission = a.permission(change.permissionId)?.label[locale] ?? change.permissionId;
      if (zh) return `${role(change.roleId)} ${change.after ? '获得' : '失去'}权限「${permission}」`;
      return `${role(change.roleId)} ${change.after ? 'gains' : 'loses'} "${permission}"`;
    }
    case 'roleScope': {
      const [from, to] = [DATA_SCOPE_NAMES[change.before][locale], DATA_SCOPE_NAMES[change.after][locale]];
      return zh ? `${role(change.roleId)} 的数据权限：${from} → ${to}` : `Data scope of ${role(change.roleId)}: ${from} → ${to}`;
    }
    case 'roleName':
      return zh ? `角色 ${q(change.before)} 改名为 ${q(change.after)}` : `Role ${q(change.before)} is renamed ${q(change.after)}`;
    case 'membership':
      if (zh) return `${user(change.userId)} ${change.after ? '获得' : '失去'}角色 ${role(change.roleId)}`;
      return `${user(change.userId)} ${change.after ? 'gets' : 'loses'} role ${role(change.roleId)}`;
    case 'user':
      if (change.after === null) return zh ? `员工 ${user(change.userId)} 已不存在` : `${user(change.userId)} is gone`;
      return zh ? `新员工 ${change.after.name}` : `New person ${change.after.name}`;
    case 'userDepartment':
      return zh
        ? `${user(change.userId)} 从 ${dept(change.before)} 调到 ${dept(change.after)}`
        : `${user(change.userId)} moves from ${dept(change.before)} to ${dept(change.after)}`;
    case 'userManager':
      return zh
        ? `${user(change.userId)} 的直属上级：${user(change.before)} → ${user(change.after)}`
        : `Manager of ${user(change.userId)}: ${user(change.before)} → ${user(change.after)}`;
    case 'userStatus':
      return zh
        ? `${user(change.userId)} 的状态：${STATUS[change.before][locale]} → ${STATUS[change.after][locale]}`
        : `${user(change.userId)}: ${STATUS[change.before][locale]} → ${STATUS[change.after][locale]}`;
    case 'department':
      if (change.after === null) return zh ? `删除部门 ${dept(change.departmentId)}` : `Department ${dept(change.departmentId)} is deleted`;
      return zh ? `在 ${dept(change.after.parentId)} 下新建部门 ${q(change.after.name)}` : `New department ${q(change.after.name)} under ${dept(change.after.parentId)}`;
    case 'departmentName':
      return zh ? `部门 ${q(change.before)} 改名为 ${q(change.after)}` : `Department ${q(change.before)} is renamed ${q(change.after)}`;
    case 'departmentParent':
      return zh
        ? `部门 ${dept(change.departmentId)} 从 ${dept(change.before)} 移到 ${dept(change.after)} 下`
        : `Department ${dept(change.departmentId)} moves from under ${dept(change.before)} to under ${dept(change.after)}`;
    case 'departmentHead':
      return zh
        ? `部门 ${dept(change.departmentId)} 的负责人：${user(change.before)} → ${user(change.after)}`
        : `Head of ${dept(change.departmentId)}: ${user(change.before)} → ${user(change.after)}`;
    case 'fieldRule': {
      const field = a.fieldDefinition(change.module, change.field)?.label[locale] ?? `${change.module}.${change.field}`;
      const value = (v: typeof change.before) =>
        v === null ? (zh ? '默认' : 'default') : `${ACCESS[v.access][locale]}${zh ? '，' : ', '}${MASK[v.mask][locale]}`;
      return zh
        ? `${role(change.roleId)} 的字段「${field}」：${value(change.before)} → ${value(change.after)}`
        : `${role(change.roleId)}, field "${field}": ${value(change.before)} → ${value(change.after)}`;
    }
  }
}
