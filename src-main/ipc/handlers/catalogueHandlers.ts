import type { catalogueChannels } from '../../common/ipc';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function catalogueHandlers(services: AppServices): HandlersFor<typeof catalogueChannels> {
  return {
    'catalogue.list': () => ({ permissions: services.workspace().snapshot().permissions }),
  };
}
