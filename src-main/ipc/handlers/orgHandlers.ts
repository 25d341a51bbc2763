import type { orgChannels } from '../../common/ipc/channels/org';
import { AppError } from '../../common/ipc/result';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function orgHandlers(services: AppServices): HandlersFor<typeof orgChannels> {
  return {
    'org.tree': () => {
      const workspace = services.workspace();
      const snapshot = workspace.snapshot();
      return { workspaceName: workspace.name, departments: snapshot.departments, users: snapshot.users };
    },
    'org.user': ({ userId }) => {
      const user = services.workspace().snapshot().users.find((u) => u.id === userId);
      if (!user) throw new AppError('NOT_FOUND', `no user with id ${userId}`);
      return user;
    },
  };
}
