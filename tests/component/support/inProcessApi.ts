import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApi, setApi, type Api } from '../../../src-renderer/api/client';
import type { Transport } from '../../../src-renderer/api/transport';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { toAppError } from '../../../src-main/ipc/errorMapping';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createAppServices, type AppServices } from '../../../src-main/services/appServices';

export interface InProcessApi {
  api: Api;
  services: AppServices;
  /** Locks the store and deletes its temporary folder. Call it in afterAll / afterEach. */
  dispose(): void;
}

/**
 * Component tests talk to the real main-process services and handlers, in the same process: the contract,
 * validation, engine and the encrypted demo workspace (in a temporary folder) are all real; only the socket
 * is left out.
 */
export async function installInProcessApi(): Promise<InProcessApi> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-component-'));
  const services = await createAppServices({
    resourcesDir: path.resolve(import.meta.dirname, '../../../resources'),
    dataDir,
    version: 'test',
    transport: 'browser',
    idleLockMs: null,
  });
  const dispatch = createDispatcher(createHandlers(services), () => undefined, toAppError);
  const transport: Transport = {
    kind: 'browser',
    // A JSON round trip, as on the wire: components get plain data, never shared objects.
    invoke: async (channel, input) => JSON.parse(JSON.stringify(await dispatch(channel, JSON.parse(JSON.stringify(input ?? {})), { transport: 'browser' }))),
    on: (event, listener) => services.events.subscribe((name, payload) => name === event && listener(payload)),
  };
  const api = createApi(transport);
  setApi(api);
  return {
    api,
    services,
    dispose() {
      services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
