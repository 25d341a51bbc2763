import type { WebSocket } from 'ws';
import type { ErrorCode } from '../common/ipc';
import { readWireRequest, type WireMessage } from '../common/ipc';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventBus } from '../services/eventBus';

/** Close codes the host uses itself (ws sends 1002, 1007 and 1009 for protocol errors on its own). */
export const CLOSE = {
  /** A binary frame: the contract speaks JSON text. */
  textOnly: 1003,
  /** Not JSON, or JSON without an id to answer. */
  unreadable: 1007,
  /** Shutdown. */
  goingAway: 1001,
  /** The browser session ended (idle like the workspace lock, or replaced): open a new console link. */
  sessionEnded: 4401,
} as const;

export interface SocketSessionOptions {
  dispatch: Dispatch;
  events: EventBus;
  /** True while the socket's browser session is open; each message also counts as use of it. */
  touchSession: () => boolean;
  maxInFlight: number;
  maxBufferedBytes: number;
  log: (line: string) => void;
}

/**
 * Carries the contract over one WebSocket. Whatever a client sends, the host stays up: a protocol error
 * (bad opcode, invalid UTF-8, oversized frame…) closes this socket with ws's code and a log line naming the
 * error's code only; a malformed request gets an error reply for its id and the socket stays open; only a
 * message with no id to answer closes it.
 */
export function serveSocket(ws: WebSocket, options: SocketSessionOptions): void {
  let inFlight = 0;
  // Without this listener Node throws "Unhandled 'error' event" and the whole host dies (issue 13).
  ws.on('error', (error: Error & { code?: string }) => options.log(`[host] a WebSocket was closed on a protocol error (${error.code ?? 'no code'})`));

  const post = (message: WireMessage) => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > options.maxBufferedBytes) {
      options.log('[host] a WebSocket was dropped: its client does not read its replies');
      ws.terminate();
      return;
    }
    let text: string;
    try {
      text = JSON.stringify(message);
    } catch {
      // Contract outputs and event payloads are plain data; a value JSON cannot carry is a bug, not the client's.
      options.log(`[host] a ${message.kind} could not be serialised`);
      if (message.kind === 'result') text = JSON.stringify({ kind: 'result', id: message.id, result: { ok: false, error: { code: 'INTERNAL', message: 'the answer could not be sent' } } });
      else return;
    }
    ws.send(text);
  };
  const reply = (id: number, code: ErrorCode, message: string) => post({ kind: 'result', id, result: { ok: false, error: { code, message } } });

  const unsubscribe = options.events.subscribe((event, payload) => post({ kind: 'event', event, payload }));
  ws.on('close', unsubscribe);

  ws.on('message', (data, isBinary) => {
    if (isBinary) return ws.close(CLOSE.textOnly, 'text frames only');
    if (!options.touchSession()) return ws.close(CLOSE.sessionEnded, 'session ended');
    const read = readWireRequest(data.toString());
    if (read.kind === 'unreadable') return ws.close(CLOSE.unreadable, read.reason);
    if (read.kind === 'invalid') return post({ kind: 'result', id: read.id, result: { ok: false, error: read.error } });
    const { id, channel, input } = read.request;
    if (inFlight >= options.maxInFlight) return reply(id, 'REFUSED', `too many calls at once (${options.maxInFlight}); wait for some answers and try again`);
    inFlight++;
    options
      .dispatch(channel, input, { transport: 'browser' })
      .catch((error: unknown) => {
        // The dispatcher answers every failure itself; reaching here is a bug, reported without details.
        options.log(`[host] the dispatcher failed: ${error instanceof Error ? error.name : typeof error}`);
        return { ok: false as const, error: { code: 'INTERNAL' as const, message: `${channel} failed unexpectedly` } };
      })
      .then((result) => post({ kind: 'result', id, result }))
      .finally(() => inFlight--);
  });
}
