import type { orgChannels } from '../../common/ipc';
import { isSuperAdminRole } from '../../common/wukong';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function orgHandlers(services: AppServices): HandlersFor<typeof orgChannels> {
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
  };
}
