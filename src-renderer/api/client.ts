import type { AppErrorData, ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload, GatehouseBridge } from '../../src-main/common/ipc';
import { preloadTransport } from './preloadTransport';
import type { Transport } from './transport';
import { webSocketTransport } from './webSocketTransport';

/** A failed call, with the main process's stable code so the UI can choose its words. */
export class ApiError extends Error {
  constructor(readonly error: AppErrorData) {
    super(error.message);
    this.name = 'ApiError';
  }
}

export interface Api {
  readonly transport: Transport['kind'];
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApi(transport: Transport): Api {
  return {
    transport: transport.kind,
    async call(channel, input) {
      const result = await transport.invoke(channel, input);
      if (!result.ok) throw new ApiError(result.error);
      return result.value as ChannelOutput<typeof channel>;
    },
    on(event, listener) {
      return transport.on(event, listener as (payload: unknown) => void);
    },
  };
}

/** The preload bridge when running in Electron, the browser host's WebSocket otherwise. */
export function detectTransport(): Transport {
  const bridge = (window as unknown as { gatehouse?: GatehouseBridge }).gatehouse;
  if (bridge) return preloadTransport(bridge);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return webSocketTransport(`${scheme}://${location.host}/ws`);
}

let current: Api | null = null;

/** The app's api client (created on first use; tests may install their own with `setApi`). */
export function api(): Api {
  current ??= createApi(detectTransport());
  return current;
}

export function setApi(next: Api) {
  current = next;
}
