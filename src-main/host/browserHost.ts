import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from '../ipc/dispatcher';
import type { EventBus } from '../services/eventBus';
import { ConsoleAccess } from './consoleAccess';
import { hostLimits, type HostLimits } from './hostLimits';
import { hostPage, type HostPage } from './hostPages';
import { isAllowedHost, isAllowedOrigin, readCookie, sameOriginPath, securityHeaders, SESSION_COOKIE } from './hostSecurity';
import { withPagePolicy } from './pagePolicy';
import { CLOSE, serveSocket } from './socketSession';
import { resolveStaticFile } from './staticFiles';

export interface BrowserHostOptions {
  /** Built renderer folder (`out/renderer`). */
  rendererDir: string;
  dispatch: Dispatch;
  events: EventBus;
  /** 0 = any free port. */
  port?: number;
  /** Timeouts and caps (hostLimits.ts); tests pass small ones. */
  limits?: Partial<HostLimits>;
  log?: (line: string) => void;
}

export interface BrowserHost {
  /** The first console link: opens the console once. */
  url: string;
  port: number;
  /** Another one-time console link (the host prints one when Enter is pressed in its terminal). */
  newLink(): string;
  close(): Promise<void>;
}

/**
 * Serves the console to a browser on 127.0.0.1 and carries the same contract as Electron's IPC over a
 * WebSocket. Access needs a one-time link token (consoleAccess.ts); opening the link trades it for an HttpOnly,
 * SameSite=Strict session cookie and drops it from the address bar. Host and Origin are checked on every
 * request, and no CORS headers are ever sent, so other sites and DNS-rebinding pages get nothing. No client can
 * take the host down: every socket has an error listener, and every wait (headers, body, idle) has a bound.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.log ?? ((line: string) => console.error(line));
  const limits = hostLimits(options.limits);
  let port = 0;
  let headers: Record<string, string> = {};
  const socketsOf = new Map<string, Set<WebSocket>>();

  const access = new ConsoleAccess({
    maxSessions: limits.maxSessions,
    maxUnusedLinks: limits.maxUnusedLinks,
    sessionIdleMs: limits.sessionIdleMs,
    onSessionEnded: (sessionId, why) => {
      for (const ws of socketsOf.get(sessionId) ?? []) ws.close(why === 'closed' ? CLOSE.goingAway : CLOSE.sessionEnded, 'session ended');
      socketsOf.delete(sessionId);
    },
  });
  const linkFor = (token: string) => `http://127.0.0.1:${port}/?token=${token}`;
  const sessionOf = (req: http.IncomingMessage) => access.touch(readCookie(req, SESSION_COOKIE));

  const server = http.createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
  });
  server.setTimeout(limits.socketIdleMs);
  server.maxConnections = limits.maxConnections;

  server.on('request', (req, res) => {
    // A client that resets mid-answer must cost nothing but its own request.
    req.on('error', () => res.destroy());
    res.on('error', () => undefined);
    void handleHttp(req, res).catch((error: unknown) => {
      log(`[host] ${req.method} failed: ${error instanceof Error ? error.name : typeof error}`);
      if (!res.headersSent) sendPage(req, res, 'internal');
      else res.destroy();
    });
  });

  async function handleHttp(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!isAllowedHost(req, port)) return sendPage(req, res, 'wrongHost');
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendPage(req, res, 'methodNotAllowed');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    } catch {
      return sendPage(req, res, 'badRequest');
    }
    const given = url.searchParams.get('token');
    if (given !== null) {
      const location = sameOriginPath(url.pathname);
      const redeemed = access.redeem(given);
      if (redeemed.outcome === 'session') {
        res.writeHead(303, { ...headers, 'Set-Cookie': `${SESSION_COOKIE}=${redeemed.sessionId}; HttpOnly; SameSite=Strict; Path=/`, Location: location });
        return res.end();
      }
      // The browser that used the link already has its session: opening the link again just goes there.
      if (redeemed.outcome === 'spent' && sessionOf(req)) {
        res.writeHead(303, { ...headers, Location: location });
        return res.end();
      }
      return sendPage(req, res, redeemed.outcome === 'spent' ? 'linkUsed' : 'linkInvalid');
    }
    if (!sessionOf(req)) return sendPage(req, res, 'noSession');
    const found = await resolveStaticFile(options.rendererDir, url.pathname);
    if (!found) return sendPage(req, res, 'notFound');
    let body = await fs.readFile(found.file);
    if (found.type.startsWith('text/html')) body = Buffer.from(withPagePolicy(body.toString('utf8'), headers['Content-Security-Policy']!));
    res.writeHead(200, { ...headers, 'Content-Type': found.type, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function sendPage(req: http.IncomingMessage, res: http.ServerResponse, page: HostPage) {
    const { status, text } = hostPage(page, req.headers);
    res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(text);
  }

  // A malformed request line or headers, or a timeout: answer like Node does, then drop the connection.
  server.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) return socket.destroy();
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, clientTracking: true });
  wss.on('error', (error: Error & { code?: string }) => log(`[host] WebSocket server error (${error.code ?? error.name})`));
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands an upgrading socket over without its own error listener: a reset here must not throw.
    socket.on('error', () => socket.destroy());
    const refuse = (status: string) => socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    } catch {
      return refuse('400 Bad Request');
    }
    const sessionId = path === '/ws' && isAllowedHost(req, port) && isAllowedOrigin(req, port) ? sessionOf(req) : null;
    if (sessionId === null) return refuse('403 Forbidden');
    const open = socketsOf.get(sessionId) ?? new Set<WebSocket>();
    // Sockets already closing do not count: their client may see them closed before the server does.
    const live = [...open].filter((ws) => ws.readyState === ws.OPEN).length;
    if (live >= limits.maxSocketsPerSession) return refuse('429 Too Many Requests');
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!access.isOpen(sessionId)) return ws.close(CLOSE.sessionEnded, 'session ended');
      open.add(ws);
      socketsOf.set(sessionId, open);
      ws.on('close', () => open.delete(ws));
      serveSocket(ws, {
        dispatch: options.dispatch,
        events: options.events,
        touchSession: () => access.touch(sessionId) !== null,
        maxInFlight: limits.maxInFlightPerSocket,
        maxBufferedBytes: limits.maxBufferedBytesPerSocket,
        log,
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After start, a server error (e.g. out of file descriptors at accept) is reported, not thrown.
  server.on('error', (error: Error & { code?: string }) => log(`[host] server error (${error.code ?? error.name})`));
  port = (server.address() as AddressInfo).port;
  headers = securityHeaders(port);

  return {
    url: linkFor(access.newLinkToken()),
    port,
    newLink: () => linkFor(access.newLinkToken()),
    close: async () => {
      access.close();
      for (const client of wss.clients) client.terminate();
      wss.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
