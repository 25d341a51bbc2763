import type { appChannels } from '../../common/ipc';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function appHandlers(services: AppServices): HandlersFor<typeof appChannels> {
  return {
    'app.info': () => services.info,
  };
}
