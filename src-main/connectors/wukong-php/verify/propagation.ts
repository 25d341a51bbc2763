import type { Id, Snapshot } from '../../../common/domain';
import type { CellChange } from '../../../common/draft';
import type { PropagationNote } from '../../connector';

/**
 * When a pushed change takes effect on WukongCRM 11.0 PHP. The permission check reads the user's roles and their
 * rules from the database on every request (extend/com/HonrayAuth.php with AUTH_TYPE 1, set by
 * application/common/adapter/AuthAdapter.php checkIntime); data scopes, superiors and field grants are read per
 * request too (User::getUserByPer, getSubUserId, getFieldGrantData). So everything is immediate — except that
 * the department a data scope of 本部门 / 本部门及下属部门 starts from is the `structure_id` cached with the login
 * (`Cache::set('Auth_'.$authKey, ['userInfo' => …])` in User::login, read back by getUserByPer): a person who moves
 * sees their new department's records only after logging in again.
 */
export function propagationNotes(changes: readonly CellChange[], after: Snapshot): PropagationNote[] {
  const holders = new Map<Id, Id[]>();
  for (const u of after.users) for (const r of u.roleIds) holders.set(r, [...(holders.get(r) ?? []), u.id]);
  const relogin = new Set<Id>();
  const immediate = new Set<Id>();
  for (const c of changes) {
    switch (c.kind) {
      case 'rolePermission':
      case 'roleScope':
      case 'fieldRule':
        for (const u of holders.get(c.roleId) ?? []) immediate.add(u);
        break;
      case 'membership':
      case 'userManager':
      case 'userStatus':
        immediate.add(c.userId);
        break;
      case 'userDepartment':
        relogin.add(c.userId);
        break;
      default:
        break;
    }
  }
  const notes: PropagationNote[] = [];
  if (relogin.size > 0) {
    notes.push({
      delay: 'nextLogin',
      userIds: [...relogin],
      message: {
        'zh-CN': '调动部门的员工要重新登录后，“本部门 / 本部门及下属部门”的数据权限才按新部门计算（部门在登录时缓存）',
        en: 'People who moved department see records by their new department (scopes "own department" and "department tree") only after they log in again: the department is cached at login',
      },
    });
  }
  const now = [...immediate].filter((u) => !relogin.has(u));
  if (now.length > 0) {
    notes.push({
      delay: 'immediate',
      userIds: now,
      message: {
        'zh-CN': '悟空CRM（PHP 版）每次请求都重新读取角色和权限：这些变更立即生效，无需重新登录',
        en: 'WukongCRM (PHP) reads roles and permissions on every request: these changes take effect at once, without logging in again',
      },
    });
  }
  return notes;
}
