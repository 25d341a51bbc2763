import { roleMatrix, type rolesChannels, type RoleSummary } from '../../common/ipc';
import type { Snapshot } from '../../common/domain';
import { isSuperAdminRole } from '../../common/wukong';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function rolesHandlers(services: AppServices): HandlersFor<typeof rolesChannels> {
  return {
    'roles.list': () => {
      const snapshot = services.workspace().snapshot();
      return { groups: snapshot.roleGroups, roles: summarizeRoles(snapshot) };
    },
    // The same builder a gesture's matrix delta is checked against (common/ipc/roleMatrix).
    'roles.matrix': ({ draftId, fieldRules }) => roleMatrix(services.drafts().projection(null).snapshot, services.drafts().projection(draftId).snapshot, fieldRules),
  };
}

/** Member counts per role in one pass over the users (a role list of 300 × 100k users stays linear). */
export function summarizeRoles(snapshot: Snapshot): RoleSummary[] {
  const members = new Map<string, { all: number; active: number }>();
  for (const user of snapshot.users) {
    for (const roleId of user.roleIds) {
      const count = members.get(roleId) ?? { all: 0, active: 0 };
      count.all += 1;
      if (user.status === 'active') count.active += 1;
      members.set(roleId, count);
    }
  }
  return snapshot.roles.map((role) => ({
    id: role.id,
    name: role.name,
    groupId: role.groupId,
    dataScope: role.dataScope,
    enabled: role.enabled,
    // Its holders are super admin whatever its remark: UserUtil.isAdmin hard-codes role 180162 (reference §4.1).
    superAdmin: isSuperAdminRole(role.id),
    memberCount: members.get(role.id)?.all ?? 0,
    activeMemberCount: members.get(role.id)?.active ?? 0,
    permissionCount: role.permissionIds.length,
  }));
}
