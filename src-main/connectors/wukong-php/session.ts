import { z } from 'zod';
import { ConnectorError, type ConnectorErrorCode } from '../connectorError';
import { envelopeError, messageOf, parseData, parseEnvelope, PHP_CODE, type Envelope } from './envelope';
import { sendHttp, type FetchLike } from './httpTransport';

export interface WukongPhpCredentials {
  serverUrl: string;
  /** The login is the mobile number (`admin_user.username`). */
  username: string;
  /** Lives only in the encrypted store and in this object; never logged, never put into an error. */
  password: string;
}

export interface SessionOptions {
  /** Per-call timeout (default 15 s). */
  timeoutMs?: number;
  fetch?: FetchLike;
  /** Told about every call (endpoint, envelope code, duration): never the body, never the token. */
  onCall?: (event: { endpoint: string; code: number | null; ms: number }) => void;
}

/** What one call needs: the path, the JSON body, and the schema of `data`. */
export interface Endpoint<T> {
  path: string;
  body: Record<string, unknown>;
  data: z.ZodType<T>;
}

/**
 * Only the two tokens are kept. The login answer also carries `userInfo` with the account's password hash and
 * salt, and its whole `authList` (application/admin/model/User.php `login()`, OBSERVED quirk 19): zod drops every
 * key it is not told about, so they never leave this function.
 */
export const loginDataSchema = z.object({ authKey: z.string().min(1), sessionId: z.string().min(1) });

/** Login refusals are all code 400; the message says which (application/admin/model/User.php `login()`, LoginRecord.php). */
function loginErrorCode(message: string): ConnectorErrorCode | null {
  if (message.includes('禁用')) return 'ACCOUNT_DISABLED'; // 帐号已被禁用
  if (message.includes('次数过多')) return 'ACCOUNT_LOCKED'; // 密码错误次数过多，请在…后重试！ (LoginRecord::verify)
  if (/账号或密码错误|帐号不存在|密码不能为空|验证码/.test(message)) return 'LOGIN_FAILED';
  return null;
}

export interface SessionTokens {
  authKey: string;
  sessionId: string;
}

/**
 * A logged-in session with one WukongCRM PHP server: `POST /admin/base/login` → `authKey` + `sessionId`, sent as
 * headers on every call (application/admin/controller/ApiCommon.php). Code 101 (AuthenticateBehavior: no cached
 * login for this authKey) or 302 (ApiCommon: header empty or cache gone) triggers exactly one fresh login and one
 * resend — safe, because both are answered from `_initialize` before the action runs. They happen when the token
 * expired (30 days, config/config.php cache expire), Redis was flushed, or the same account logged in elsewhere:
 * there is one live session per user, a new login deletes the previous `Auth_<authKey>`
 * (application/admin/model/User.php `login()`, "删除旧缓存"). A second 101/302 right after a fresh login is
 * SESSION_LOST. The tokens stay in this object.
 */
export class WukongPhpSession {
  readonly serverUrl: string;
  readonly username: string;
  readonly #password: string;
  readonly #timeoutMs: number;
  readonly #fetch: FetchLike | undefined;
  readonly #onCall: SessionOptions['onCall'];
  #tokens: SessionTokens | null = null;
  #login: Promise<SessionTokens> | null = null;
  /** Logins made so far (the first included); tests assert "exactly one re-login". */
  logins = 0;

  constructor(credentials: WukongPhpCredentials, options: SessionOptions = {}) {
    this.serverUrl = credentials.serverUrl.replace(/\/+$/, '') + '/';
    this.username = credentials.username;
    this.#password = credentials.password;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#fetch = options.fetch;
    this.#onCall = options.onCall;
  }

  get loggedIn(): boolean {
    return this.#tokens !== null;
  }

  /** Log in now (connect). Concurrent callers share one login. */
  async login(signal?: AbortSignal): Promise<void> {
    await this.#freshTokens(null, signal);
  }

  /** Call an endpoint and return its validated `data`; every code but 200 becomes a typed ConnectorError. */
  async call<T>(endpoint: Endpoint<T>, signal?: AbortSignal): Promise<T> {
    const name = `POST ${endpoint.path}`;
    let tokens = this.#tokens ?? (await this.#freshTokens(null, signal));
    let envelope = await this.#send(endpoint.path, endpoint.body, tokens, signal);
    if (isLoggedOut(envelope)) {
      tokens = await this.#freshTokens(tokens, signal);
      envelope = await this.#send(endpoint.path, endpoint.body, tokens, signal);
      if (isLoggedOut(envelope)) {
        throw new ConnectorError(
          'SESSION_LOST',
          `${name}: the server ended the session again right after a fresh login (code ${envelope.code}); is the same account logged in elsewhere? The PHP edition keeps one live session per user`,
          { endpoint: name, serverCode: envelope.code, serverMessage: messageOf(envelope) },
        );
      }
    }
    if (envelope.code !== PHP_CODE.ok) throw envelopeError(name, envelope);
    return parseData(name, endpoint.data, envelope.data);
  }

  /** `POST /admin/base/logout` (application/admin/controller/Base.php); forgets the tokens either way. */
  async logout(): Promise<void> {
    const tokens = this.#tokens;
    this.#tokens = null;
    if (tokens) await this.#send('/admin/base/logout', {}, tokens).catch(() => undefined);
  }

  /** One login at a time; a caller holding tokens that are no longer current just takes the new ones. */
  async #freshTokens(stale: SessionTokens | null, signal?: AbortSignal): Promise<SessionTokens> {
    if (this.#tokens !== null && this.#tokens !== stale) return this.#tokens;
    this.#login ??= this.#doLogin(signal).finally(() => {
      this.#login = null;
    });
    return this.#login;
  }

  async #doLogin(signal?: AbortSignal): Promise<SessionTokens> {
    this.#tokens = null;
    const endpoint = 'POST /admin/base/login';
    const envelope = await this.#send('/admin/base/login', { username: this.username, password: this.#password }, undefined, signal);
    this.logins++;
    if (envelope.code !== PHP_CODE.ok) {
      const message = messageOf(envelope);
      const code = envelope.code === PHP_CODE.failed ? loginErrorCode(message) : null;
      if (code) {
        throw new ConnectorError(code, `login as ${this.username} refused: ${message} (code ${envelope.code})`, {
          endpoint,
          serverCode: envelope.code,
          serverMessage: message,
        });
      }
      throw envelopeError(endpoint, envelope);
    }
    const tokens = parseData(endpoint, loginDataSchema, envelope.data);
    this.#tokens = tokens;
    return tokens;
  }

  async #send(path: string, body: Record<string, unknown>, auth: SessionTokens | undefined, signal?: AbortSignal): Promise<Envelope> {
    const endpoint = `POST ${path}`;
    const started = performance.now();
    let code: number | null = null;
    try {
      const answer = await sendHttp(this.serverUrl, { path, body, auth, timeoutMs: this.#timeoutMs, signal }, this.#fetch);
      if (answer.status >= 500) throw new ConnectorError('SERVER_ERROR', `${endpoint} answered HTTP ${answer.status}`, { endpoint, httpStatus: answer.status });
      const envelope = parseEnvelope(endpoint, answer.json);
      code = envelope.code;
      if (answer.status !== 200) throw new ConnectorError('HTTP_ERROR', `${endpoint} answered HTTP ${answer.status}`, { endpoint, httpStatus: answer.status, serverCode: envelope.code });
      return envelope;
    } finally {
      this.#onCall?.({ endpoint, code, ms: performance.now() - started });
    }
  }
}

/** 101 from AuthenticateBehavior, 302 from ApiCommon: not logged in (either order of checks, OBSERVED §1.2). */
function isLoggedOut(envelope: Envelope): boolean {
  return envelope.code === PHP_CODE.notLoggedIn || envelope.code === PHP_CODE.sessionMissing;
}
