import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_WIRE_MESSAGE_BYTES, wireRequestSchema, type WireMessage } from '../common/ipc/wire';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventBus } from '../services/eventBus';
import {
  isAllowedHost,
  isAllowedOrigin,
  randomSecret,
  readCookie,
  SECURITY_HEADERS,
  secretsEqual,
  SESSION_COOKIE,
} from './hostSecurity';
import { resolveStaticFile } from './staticFiles';

export interface BrowserHostOptions {
  /** Built renderer folder (`out/renderer`). */
  rendererDir: string;
  dispatch: Dispatch;
  events: EventBus;
  /** 0 = any free port. */
  port?: number;
  log?: (line: string) => void;
}

export interface BrowserHost {
  /** The console's address with its token: the only way in. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the console to a browser on 127.0.0.1 and carries the same contract as Electron's IPC over a
 * WebSocket. Access needs the random token printed at start; opening the URL trades it for an HttpOnly,
 * SameSite=Strict session cookie and drops it from the address bar. Host and Origin are checked on every
 * request, and no CORS headers are ever sent, so other sites and DNS-rebinding pages get nothing.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.log ?? ((line: string) => console.error(line));
  const token = randomSecret();
  const sessions = new Set<string>();
  let port = 0;

  const hasSession = (req: http.IncomingMessage) => {
    const id = readCookie(req, SESSION_COOKIE);
    return id !== null && [...sessions].some((s) => secretsEqual(id, s));
  };

  const server = http.createServer((req, res) => {
    void handleHttp(req, res).catch((error: unknown) => {
      log(`[host] ${req.method} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.destroy();
    });
  });

  async function handleHttp(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!isAllowedHost(req, port)) return send(res, 421, 'This console only answers on 127.0.0.1.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const given = url.searchParams.get('token');
    if (given !== null) {
      if (!secretsEqual(given, token)) return send(res, 403, 'This console link is not valid. Use the URL printed when Gatehouse started.');
      const session = randomSecret();
      sessions.add(session);
      res.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
      });
      return res.end();
    }
    if (!hasSession(req)) return send(res, 401, 'Open the console with the URL printed when Gatehouse started (it carries a token).');
    const found = await resolveStaticFile(options.rendererDir, url.pathname);
    if (!found) return send(res, 404, 'Not found');
    const body = await fs.readFile(found.file);
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': found.type, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WIRE_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path !== '/ws' || !isAllowedHost(req, port) || !isAllowedOrigin(req, port) || !hasSession(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  function serveSocket(ws: WebSocket) {
    const post = (message: WireMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = options.events.subscribe((event, payload) => post({ kind: 'event', event, payload }));
    ws.on('close', unsubscribe);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return ws.close(1003, 'text only');
      let request;
      try {
        request = wireRequestSchema.safeParse(JSON.parse(data.toString()));
      } catch {
        return ws.close(1007, 'not JSON');
      }
      if (!request.success) return ws.close(1007, 'not a request');
      const { id, channel, input } = request.data;
      void options.dispatch(channel, input, { transport: 'browser' }).then((result) => post({ kind: 'result', id, result }));
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

function send(res: http.ServerResponse, status: number, text: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
