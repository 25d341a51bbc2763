/**
 * The HTTP side: one node:http server on 127.0.0.1. Per call: control API (`/__emulator/*`) aside,
 * latency and faults, the ThinkPHP route (or `admin/base/miss`), the controller's `_initialize` checks,
 * the action, the answer; every call logged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallLog } from './callLog';
import { createCtx, headerTrim, parseRequest, type AuthCache } from './context';
import { MysqlError, mysqlErrors, PhpException, ThinkDbException, type PhpDb } from './db/mysql';
import { exceptionPage, missAnswer, PhpExit, type Answer } from './envelope';
import type { Faults, Triggered } from './faults';
import { applyMutation } from './mutations';
import type { Router } from './route';

export interface EmulatorCore {
  db: PhpDb;
  cache: AuthCache;
  faults: Faults;
  calls: CallLog;
  router: Router;
  loginTtlSeconds: number;
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
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function exceptionPageOf(error: PhpException): Answer {
  if (error instanceof MysqlError) return exceptionPage('think\\exception\\PDOException', error.message, 10501);
  if (error instanceof ThinkDbException) return exceptionPage('think\\Exception', error.message, 0);
  return exceptionPage('Exception', error.message, 0);
}

/** The PHP request proper: route, `_initialize`, action. Writes of an open transaction are rolled back at the end. */
interface Dispatched {
  answer: Answer;
  userId: number | null;
  body: unknown;
  setCookies: string[];
  writes: number;
}

function dispatch(core: EmulatorCore, req: IncomingMessage, url: URL, raw: string, failAt: number | null): Dispatched {
  const php = parseRequest(req.method ?? 'GET', url.pathname, url.search.replace(/^\?/, ''), req.headers, raw, req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1');
  const ctx = createCtx(php, core.db, core.cache, core.loginTtlSeconds);
  const target = core.router.match(php.method, php.route);
  if (!target) return { answer: missAnswer(php.method === 'OPTIONS'), userId: ctx.userInfo?.id ?? null, body: php.param, setCookies: [], writes: 0 };
  core.db.beginRequest(failAt);
  let answer: Answer;
  try {
    target.controller.init(ctx, target.action.toLowerCase());
    answer = target.controller.actions[target.action]!(ctx);
  } catch (error) {
    if (error instanceof PhpExit) answer = error.answer();
    else if (error instanceof PhpException) answer = exceptionPageOf(error);
    else {
      console.error('[wukong-php-emulator] unexpected error on', php.route, error);
      answer = exceptionPage('Error', error instanceof Error ? error.message : String(error));
    }
  } finally {
    core.db.endRequest();
  }
  return { answer, userId: ctx.userInfo?.id ?? null, body: php.param, setCookies: ctx.setCookies, writes: core.db.writes };
}

function runHooks(core: EmulatorCore, triggered: Triggered[], req: IncomingMessage): void {
  for (const t of triggered) {
    if (t.kind === 'hook' && t.rule.mutation) {
      if (typeof t.rule.mutation === 'function') t.rule.mutation();
      else applyMutation(core.db.sqlite, t.rule.mutation);
    }
    if (t.kind === 'evict') {
      // As a newer login of the same user does (User.php#login deletes the previous Auth_<authkey>).
      const authKey = headerTrim(typeof req.headers.authkey === 'string' ? req.headers.authkey : undefined);
      for (const key of core.cache.keys()) if (key === 'Auth_' + authKey || key.startsWith('Auth_' + authKey + '_')) core.cache.delete(key);
    }
  }
}

function send(res: ServerResponse, req: IncomingMessage, answer: Answer, setCookies: string[]): void {
  const headers: Record<string, string | string[] | number> = { 'content-type': answer.contentType, 'content-length': Buffer.byteLength(answer.body) };
  // Common.php#_initialize: CORS for whatever Origin asks.
  if (req.headers.origin) {
    headers['access-control-allow-origin'] = req.headers.origin;
    headers['access-control-allow-credentials'] = 'true';
    headers['access-control-allow-methods'] = 'GET, POST, PUT, DELETE, OPTIONS';
    headers['access-control-allow-headers'] = 'Origin, X-Requested-With, Content-Type, Accept, authKey, sessionId';
  }
  if (setCookies.length) headers['set-cookie'] = setCookies;
  res.writeHead(answer.httpStatus, headers);
  res.end(answer.body);
}

export async function handleCall(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, url: URL, raw: string): Promise<void> {
  const path = url.pathname.replace(/^\/index\.php(?=\/)/, '');
  const method = req.method ?? 'GET';
  const latency = core.faults.latencyFor(path);
  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));

  const triggered = core.faults.onCall(path);
  const faults = triggered.map((t) => (t.kind === 'http500' || t.kind === 'drop' ? `${t.kind}:${t.when}` : t.kind === 'failWrite' ? `failWrite:${t.rule.write}` : t.kind));
  const log = (code: number | null, httpStatus: number | null, userId: number | null, body: unknown, writes: number, error?: string) =>
    core.calls.add({ method, path, body, code, httpStatus, faults, userId, writes, ...(error === undefined ? {} : { error }), at: Date.now() });
  runHooks(core, triggered, req);

  const before = triggered.find((t) => (t.kind === 'drop' || t.kind === 'http500') && t.when === 'before');
  if (before?.kind === 'drop') {
    log(null, null, null, raw, 0);
    req.socket.destroy();
    return;
  }
  if (before?.kind === 'http500') {
    const page = exceptionPage('think\\exception\\PDOException', mysqlErrors.goneAway().message, 10501);
    log(null, 500, null, raw, 0, page.error);
    send(res, req, page, []);
    return;
  }
  const failWrite = triggered.find((t) => t.kind === 'failWrite');
  const { answer, userId, body, setCookies, writes } = dispatch(core, req, url, raw, failWrite?.rule.write ?? null);
  const after = triggered.find((t) => (t.kind === 'drop' || t.kind === 'http500') && t.when === 'after');
  if (after?.kind === 'drop') {
    log(null, null, userId, body, writes);
    req.socket.destroy();
    return;
  }
  if (after?.kind === 'http500') {
    const page = exceptionPage('think\\exception\\PDOException', mysqlErrors.goneAway().message, 10501);
    log(null, 500, userId, body, writes, page.error);
    send(res, req, page, setCookies);
    return;
  }
  log(answer.code, answer.httpStatus, userId, body, writes, answer.error);
  send(res, req, answer, setCookies);
}
