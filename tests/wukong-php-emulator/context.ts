/**
 * What a PHP request sees: the parameters as `think\Request::param()` merges them, the headers as
 * `Request::header()` lowercases them, the Redis cache of logins (`Auth_<authKey>`), the database, and the
 * `$this->param` / `$this->userInfo` of `app\common\controller\Common::_initialize`.
 */
import { randomBytes } from 'node:crypto';
import type { PhpDb } from './db/mysql';
import { jsonBodyParams, parsePhpQuery, phpString, phpTruthy, type Params, type PhpValue } from './php';

/** A row of admin_user as the model returns it (the login snapshot kept in the cache). */
export type UserRow = Record<string, number | string | null> & { id: number; username: string; salt: string; password: string; structure_id: number; status: number };

export interface AuthCacheEntry {
  userInfo: UserRow;
  sessionId: string;
  authKey: string;
}

/**
 * ThinkPHP's cache (Redis in config/config.php, `expire` 30 days) holding `Auth_<authKey>[_platform]`.
 * Each authenticated call re-sets `Auth_<authKey>` (ApiCommon.php), so the lifetime slides.
 */
export class AuthCache {
  private entries = new Map<string, { value: AuthCacheEntry; expiresAt: number }>();

  constructor(readonly ttlMs: number) {}

  get(key: string): AuthCacheEntry | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: AuthCacheEntry): void {
    this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  /** Keys of live logins, optionally of one user. */
  keys(userId?: number): string[] {
    return [...this.entries.entries()].filter(([k]) => this.get(k) && (userId === undefined || this.get(k)?.userInfo.id === userId)).map(([k]) => k);
  }

  expire(key: string): void {
    const e = this.entries.get(key);
    if (e) e.expiresAt = 0;
  }
}

export interface PhpRequest {
  method: string;
  /** Without leading slash or `.html`: `admin/groups/index`. */
  route: string;
  headers: Record<string, string | undefined>;
  /** `Request::param()`: GET merged with the POST/JSON body (body wins). `platform` still in. */
  param: Params;
  cookies: Record<string, string>;
  host: string;
  ip: string;
}

export interface Ctx {
  req: PhpRequest;
  db: PhpDb;
  cache: AuthCache;
  /** `$this->param`: the request parameters without `platform` (Common.php). */
  param: Params;
  /** `$this->userInfo`: the cached login of `trim(authkey)` + platform, if any (Common.php). */
  userInfo: UserRow | undefined;
  /** `'_' . $param['platform']` when a platform is sent, else ''. */
  platform: string;
  /** `time()`. */
  now(): number;
  /** A new PHP session id, or the one of the PHPSESSID cookie (session_start()). */
  sessionId(): string;
  /** Set-Cookie headers the answer carries. */
  setCookies: string[];
  loginTtlSeconds: number;
}

export function parseRequest(method: string, rawPath: string, query: string, headers: Record<string, string | string[] | undefined>, rawBody: string, ip: string): PhpRequest {
  const lower: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  let route = rawPath.replace(/^\/+/, '').replace(/^index\.php\/?/, '').replace(/\/+$/, '');
  route = route.replace(/\.html$/, '');
  const get = parsePhpQuery(query);
  let post: Params = {};
  const contentType = lower['content-type'] ?? '';
  if (method === 'POST' || method === 'PUT' || method === 'DELETE' || method === 'PATCH') {
    // Request.php#post: $_POST when PHP filled it (urlencoded/multipart), else json_decode of the body
    // when the content type says JSON; PUT/DELETE/PATCH read the body the same way (Request.php#put).
    if (/application\/x-www-form-urlencoded/i.test(contentType)) post = parsePhpQuery(rawBody);
    else if (contentType.includes('application/json')) post = jsonBodyParams(rawBody);
    else if (method !== 'POST') post = parsePhpQuery(rawBody);
  }
  const cookies: Record<string, string> = {};
  for (const part of (lower.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return { method, route, headers: lower, param: { ...get, ...post }, cookies, host: lower.host ?? '127.0.0.1', ip };
}

/** PHP's `trim()` of a header that may be absent (`trim(null)` is ''). */
export const headerTrim = (v: string | undefined) => (v ?? '').replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, '');

export function createCtx(req: PhpRequest, db: PhpDb, cache: AuthCache, loginTtlSeconds: number): Ctx {
  const platformValue: PhpValue | undefined = req.param.platform;
  const platform = phpTruthy(platformValue) ? '_' + phpString(platformValue) : '';
  const param = { ...req.param };
  delete param.platform;
  const entry = cache.get('Auth_' + headerTrim(req.headers.authkey) + platform);
  let sid: string | undefined;
  const ctx: Ctx = {
    req,
    db,
    cache,
    param,
    userInfo: entry?.userInfo,
    platform,
    now: () => Math.floor(Date.now() / 1000),
    sessionId() {
      if (sid) return sid;
      const cookie = req.cookies.PHPSESSID;
      sid = cookie && /^[a-z0-9,-]{1,128}$/i.test(cookie) ? cookie : newSessionId();
      if (!cookie) ctx.setCookies.push(`PHPSESSID=${sid}; path=/`);
      return sid;
    },
    setCookies: [],
    loginTtlSeconds,
  };
  return ctx;
}

/** 26 characters of [0-9a-v], as PHP 7.1+ makes session ids with 5 bits per character. */
function newSessionId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuv';
  return [...randomBytes(26)].map((b) => alphabet[b % 32]).join('');
}
