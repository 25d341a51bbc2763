import type { Id, Snapshot } from '../../../common/domain';
import type { CellChange } from '../../../common/draft';
import type { PropagationNote } from '../../connector';

/**
 * When a pushed change takes effect for the people it concerns (reference §9.1). WukongCRM caches effective
 * permissions in Redis without invalidation: menu grants and data scopes for up to 30 minutes, and each
 * person's role list is frozen into their login token until they log in again.
 */

export function propagationNotes(changes: readonly CellChange[], after: Snapshot): PropagationNote[] {
  const holders = new Map<Id, Id[]>();
  for (const u of after.users) for (const r of u.roleIds) holders.set(r, [...(holders.get(r) ?? []), u.id]);
  const relogin = new Set<Id>();
  const cache = new Set<Id>();
  const immediate = new Set<Id>();
  for (const c of changes) {
    switch (c.kind) {
      case 'rolePermission':
      case 'roleScope':
        for (const u of holders.get(c.roleId) ?? []) cache.add(u);
        break;
      case 'membership':
        relogin.add(c.userId);
        break;
      case 'userDepartment':
      case 'userManager':
        // Whose records others see is cached per viewer (userAuth:Menu:<userId>, 30 min): everyone may be affected.
        for (const u of after.users) cache.add(u.id);
        break;
      case 'userStatus':
        immediate.add(c.userId); // disabling deletes the tokens at once (§1.1)
        break;
      case 'fieldRule':
        for (const u of holders.get(c.roleId) ?? []) immediate.add(u);
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
        'zh-CN': '角色分配变更后，相关人员需重新登录才能完全生效（角色列表在登录时写入令牌）',
        en: 'Role assignment changes take full effect only after these people log in again (roles are frozen into the login token)',
      },
    });
  }
  const cached = [...cache].filter((u) => !relogin.has(u));
  if (cached.length > 0) {
    notes.push({
      delay: 'cacheExpiry',
      maxDelaySeconds: 1800,
      userIds: cached,
      message: {
        'zh-CN': '功能权限和数据范围的变更最多 30 分钟后生效（服务器缓存，退出登录也不能清除网关缓存）',
        en: 'Permission and data scope changes take effect within 30 minutes (server caches; logging out does not clear the gateway cache)',
      },
    });
  }
  const now = [...immediate].filter((u) => !relogin.has(u) && !cache.has(u));
  if (now.length > 0) {
    notes.push({ delay: 'immediate', userIds: now, message: { 'zh-CN': '字段权限和员工状态的变更立即生效', en: 'Field rule and status changes take effect immediately' } });
  }
  return notes;
}
