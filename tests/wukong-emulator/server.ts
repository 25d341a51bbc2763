/**
 * The gateway: one node:http server on 127.0.0.1. Per call: control API (`/__emulator/*`) aside, apply
 * latency and faults, check the token (302), the HTTP method (401), the realm_url permission (HTTP 401),
 * run the endpoint inside the envelope, log the call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loggedBody, type RequestBody } from './body';
import type { CallLog } from './callLog';
import type { Db } from './db/schema';
import { Code, failure, ServerFault, success, WukongError, type Envelope } from './envelope';
import type { Faults, Triggered } from './faults';
import { assertGatewayAllows } from './gateway';
import type { LoginAttempts } from './loginAttempts';
import { applyMutation } from './mutations';
import type { Router } from './route';
import type { Session, SessionStore } from './session';

export interface EmulatorCore {
  db: Db;
  sessions: SessionStore;
  loginAttempts: LoginAttempts;
  faults: Faults;
  calls: CallLog;
  router: Router;
}

const MAX_BODY = 16 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('request body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

interface Outcome {
  envelope: Envelope;
  httpStatus: number;
  userId: number | null;
  reason?: string;
}

/** Routing, session, method and gateway checks, the endpoint itself; every error becomes an envelope. */
function dispatch(core: EmulatorCore, method: string, path: string, token: string | undefined, body: RequestBody): Outcome {
  let session: Session | null = null;
  try {
    const match = core.router.match(path);
    if (!match) throw new WukongError(Code.notFound, `No route for ${path}`, null, 404);
    const { route, params } = match;
    const ctx = { db: core.db, sessions: core.sessions, loginAttempts: core.loginAttempts, token, params, body };
    let data: unknown;
    if (route.auth === 'none') {
      if (!route.anyMethod && method !== 'POST') throw new WukongError(Code.noPermission);
      data = route.handle({ ...ctx, session: null });
    } else {
      // The gateway first (token → 302, realm_url → HTTP 401), then the service (wrong method → code 401, not 405).
      const live = core.sessions.require(token);
      session = live;
      if (!route.whitelisted) assertGatewayAllows(core.db, live, path);
      if (!route.anyMethod && method !== 'POST') throw new WukongError(Code.noPermission);
      data = route.handle({ ...ctx, session: live });
    }
    return { envelope: success(data), httpStatus: 200, userId: session?.userId ?? null };
  } catch (error) {
    const userId = session?.userId ?? null;
    if (error instanceof ServerFault) return { envelope: failure(error.code), httpStatus: 200, userId, reason: error.reason };
    if (error instanceof WukongError) return { envelope: failure(error.code, error.message, error.data), httpStatus: error.httpStatus, userId };
    console.error('[wukong-emulator] unexpected error on', path, error);
    return { envelope: failure(Code.serverError), httpStatus: 200, userId: session?.userId ?? null };
  }
}

function runHooks(core: EmulatorCore, triggered: Triggered[], token: string | undefined): void {
  for (const t of triggered) {
    if (t.kind === 'hook' && t.rule.mutation) {
      if (typeof t.rule.mutation === 'function') t.rule.mutation();
      else applyMutation(core.db, t.rule.mutation);
    }
    if (t.kind === 'evict' && token) core.sessions.evict(token);
  }
}

export async function handleGatewayCall(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, url: URL, raw: string): Promise<void> {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  const token = typeof req.headers['admin-token'] === 'string' ? req.headers['admin-token'] : undefined;
  const body: RequestBody = { contentType: String(req.headers['content-type'] ?? '').toLowerCase(), raw, query: url.searchParams };
  const latency = core.faults.latencyFor(path);
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));

  const triggered = core.faults.onCall(path);
  const faults = triggered.map((t) => (t.kind === 'http500' || t.kind === 'drop' ? `${t.kind}:${t.when}` : t.kind));
  const log = (code: number | null, httpStatus: number | null, userId: number | null, reason?: string) =>
    core.calls.add({ method, path, body: loggedBody(body), code, httpStatus, faults, userId, ...(reason === undefined ? {} : { reason }), at: Date.now() });
  runHooks(core, triggered, token);

  const before = triggered.find((t) => (t.kind === 'drop' || t.kind === 'http500') && t.when === 'before');
  if (before?.kind === 'drop') {
    log(null, null, null);
    req.socket.destroy();
    return;
  }
  if (before?.kind === 'http500') {
    log(Code.serverError, 500, null);
    sendJson(res, 500, failure(Code.serverError));
    return;
  }

  const outcome = dispatch(core, method, path, token, body);
  const after = triggered.find((t) => (t.kind === 'drop' || t.kind === 'http500') && t.when === 'after');
  if (after?.kind === 'drop') {
    log(null, null, outcome.userId);
    req.socket.destroy();
    return;
  }
  if (after?.kind === 'http500') {
    log(Code.serverError, 500, outcome.userId);
    sendJson(res, 500, failure(Code.serverError));
    return;
  }
  log(outcome.envelope.code, outcome.httpStatus, outcome.userId, outcome.reason);
  sendJson(res, outcome.httpStatus, outcome.envelope);
}
