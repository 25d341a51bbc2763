import { MAX_WIRE_MESSAGE_BYTES, utf8ByteLength, wireMessageSchema } from '../../src-main/common/ipc';
import type { Result } from '../../src-main/common/ipc';
import type { Transport } from './transport';

/**
 * The browser host's transport: one WebSocket to `/ws` on the page's own origin (the session cookie set
 * when the token URL was opened authenticates it). Requests wait for the socket; if it drops, pending calls
 * fail with a clear error and the next call reconnects.
 */
export function webSocketTransport(url: string): Transport {
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('cannot reach the Gatehouse host'));
      ws.onclose = () => {
        socket = null;
        opened = null;
        for (const settle of pending.values()) {
          settle({ ok: false, error: { code: 'INTERNAL', message: 'the connection to Gatehouse was lost' } });
        }
        pending.clear();
      };
      ws.onmessage = (message) => {
        const parsed = wireMessageSchema.safeParse(JSON.parse(String(message.data)));
        if (!parsed.success) return;
        const data = parsed.data;
        if (data.kind === 'result') {
          pending.get(data.id)?.(data.result as Result<unknown>);
          pending.delete(data.id);
        } else {
          listeners.get(data.event)?.forEach((listener) => listener(data.payload));
        }
      };
    });
    return opened;
  };

  return {
    kind: 'browser',
    async invoke(channel, input) {
      let ws: WebSocket;
      try {
        ws = socket ?? (await connect());
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: (error as Error).message } };
      }
      const id = nextId++;
      const message = JSON.stringify({ id, channel, input });
      // The host closes a socket that sends more than its limit, failing every other call in flight: refuse here.
      if (message.length > MAX_WIRE_MESSAGE_BYTES || utf8ByteLength(message) > MAX_WIRE_MESSAGE_BYTES) {
        return { ok: false, error: { code: 'INVALID_INPUT', message: 'this request is too large to send to Gatehouse' } };
      }
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(message);
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      void connect().catch(() => undefined);
      return () => set.delete(listener);
    },
  };
}
