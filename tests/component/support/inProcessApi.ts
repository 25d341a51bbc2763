import path from 'node:path';
import { createApi, setApi, type Api } from '../../../src-renderer/api/client';
import type { Transport } from '../../../src-renderer/api/transport';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createAppServices, type AppServices } from '../../../src-main/services/appServices';

/**
 * Component tests talk to the real main-process services and handlers, in the same process: the contract,
 * validation and engine are all real; only the socket is left out.
 */
export function installInProcessApi(): { api: Api; services: AppServices } {
  const services = createAppServices({ resourcesDir: path.resolve(import.meta.dirname, '../../../resources'), version: 'test', transport: 'browser' });
  const dispatch = createDispatcher(createHandlers(services), () => undefined);
  const transport: Transport = {
    kind: 'browser',
    // A JSON round trip, as on the wire: components get plain data, never shared objects.
    invoke: async (channel, input) => JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(input ?? {})), { transport: 'browser' }))),
    on: (event, listener) => services.events.subscribe((name, payload) => name === event && listener(payload)),
  };
  const api = createApi(transport);
  setApi(api);
  return { api, services };
}
