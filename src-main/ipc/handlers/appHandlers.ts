import type { AppServices } from '../../services/appServices';
import type { Handlers } from '../handlerTypes';

export function appHandlers(services: AppServices): Pick<Handlers, 'app.info'> {
  return {
    'app.info': () => services.info,
  };
}
