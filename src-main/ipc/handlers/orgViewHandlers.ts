import type { orgViewChannels } from '../../common/ipc/channels/orgView';
import { reachChanges } from '../../common/policy';
import { isSuperAdminRole } from '../../common/wukong/superAdmin';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function orgViewHandlers(services: AppServices): HandlersFor<typeof orgViewChannels> {
  const projection = (draftId: string | null) => services.drafts().projection(draftId);
  return {
    'org.view': ({ draftId }) => {
      const { snapshot } = projection(draftId);
      return {
        departments: snapshot.departments,
        users: snapshot.users,
        roles: snapshot.roles.map((r) => ({
          id: r.id,
          name: r.name,
          groupId: r.groupId,
          dataScope: r.dataScope,
          superAdmin: isSuperAdminRole(r.id),
          permissionIds: r.permissionIds,
        })),
        groups: snapshot.roleGroups,
      };
    },
    'access.reachDelta': ({ draftId, permissionIds, userIds }) => {
      const started = performance.now();
      const base = projection(null).policy();
      const after = projection(draftId).policy();
      const rows = userIds ?? after.userIds;
      const changes = reachChanges(base, after, rows, permissionIds);
      return { userIds: [...rows], permissionIds, changes, tookMs: performance.now() - started };
    },
  };
}
