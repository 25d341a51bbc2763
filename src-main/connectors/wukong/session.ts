import { z } from 'zod';
import { ConnectorError, type ConnectorErrorCode } from '../connectorError';
import { parseData, parseEnvelope, type Envelope } from './envelope';
import { sendHttp, type FetchLike, type RequestBody } from './httpTransport';

export interface WukongCredentials {
  serverUrl: string;
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

/** What one call needs: the path, the body kind the controller binds (§0), and the schema of `data`. */
export interface Endpoint<T> {
  path: string;
  body: RequestBody;
  data: z.ZodType<T>;
}

const loginDataSchema = z.object({ adminToken: z.string().min(1) });

/** Login failures by code (`AuthorizationCodeEnum`, reference §1.1, §1.3). */
const LOGIN_ERRORS: Readonly<Record<number, ConnectorErrorCode>> = {
  1002: 'LOGIN_FAILED',
  1003: 'LOGIN_FAILED',
  1004: 'LOGIN_FAILED',
  1005: 'LOGIN_FAILED',
  1009: 'LOGIN_FAILED',
  1007: 'ACCOUNT_DISABLED',
  1010: 'ACCOUNT_LOCKED',
};

/** Code 302 = not logged in, expired, or evicted by a newer login of the same user (§1.1). */
const NOT_LOGGED_IN = 302;

/**
 * A logged-in session with one WukongCRM gateway: `POST /login` → `Admin-Token` on every call (§0, §1.1).
 * A 302 (token expired, or evicted because the same account logged in elsewhere) triggers exactly one fresh
 * login and one resend of the call — safe, because the gateway refuses a 302 call before any service runs it;
 * a second 302 is SESSION_LOST. The token stays in this object.
 */
export class WukongSession {
  readonly serverUrl: string;
  readonly username: string;
  readonly #password: string;
  readonly #timeoutMs: number;
  readonly #fetch: FetchLike | undefined;
  readonly #onCall: SessionOptions['onCall'];
  #token: string | null = null;
  #login: Promise<string> | null = null;
  /** Logins made so far (the first included); tests assert "exactly one re-login". */
  logins = 0;

  constructor(credentials: WukongCredentials, options: SessionOptions = {}) {
    this.serverUrl = credentials.serverUrl.replace(/\/+$/, '') + '/';
    this.username = credentials.username;
    this.#password = credentials.password;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#fetch = options.fetch;
    this.#onCall = options.onCall;
  }

  get loggedIn(): boolean {
    return this.#token !== null;
  }

  /** Log in now (connect). Concurrent callers share one login. */
  async login(signal?: AbortSignal): Promise<void> {
    await this.#freshToken(null, signal);
  }

  /** Call an endpoint and return its validated `data`; every non-zero code becomes a typed ConnectorError. */
  async call<T>(endpoint: Endpoint<T>, signal?: AbortSignal): Promise<T> {
    let token = this.#token ?? (await this.#freshToken(null, signal));
    let envelope = await this.#send(endpoint.path, endpoint.body, token, signal);
    if (envelope.code === NOT_LOGGED_IN) {
      token = await this.#freshToken(token, signal);
      envelope = await this.#send(endpoint.path, endpoint.body, token, signal);
      if (envelope.code === NOT_LOGGED_IN) {
        throw new ConnectorError('SESSION_LOST', `POST ${endpoint.path}: the server ended the session again right after a fresh login (code 302)`, {
          endpoint: `POST ${endpoint.path}`,
          serverCode: NOT_LOGGED_IN,
          serverMessage: envelope.msg ?? '',
        });
      }
    }
    if (envelope.code !== 0) throw envelopeError(`POST ${endpoint.path}`, envelope);
    return parseData(`POST ${endpoint.path}`, endpoint.data, envelope.data);
  }

  /** `POST /logout` (§1.1); forgets the token either way. */
  async logout(): Promise<void> {
    const token = this.#token;
    this.#token = null;
    if (token) await this.#send('/logout', { kind: 'none' }, token).catch(() => undefined);
  }

  /** One login at a time; a caller holding a token that is no longer current just takes the new one. */
  async #freshToken(stale: string | null, signal?: AbortSignal): Promise<string> {
    if (this.#token !== null && this.#token !== stale) return this.#token;
    this.#login ??= this.#doLogin(signal).finally(() => {
      this.#login = null;
    });
    return this.#login;
  }

  async #doLogin(signal?: AbortSignal): Promise<string> {
    this.#token = null;
    const envelope = await this.#send('/login', { kind: 'json', value: { username: this.username, password: this.#password } }, undefined, signal);
    this.logins++;
    if (envelope.code !== 0) {
      const code = LOGIN_ERRORS[envelope.code];
      if (code) {
        throw new ConnectorError(code, `login as ${this.username} refused: ${envelope.msg ?? ''} (code ${envelope.code})`, {
          endpoint: 'POST /login',
          serverCode: envelope.code,
          serverMessage: envelope.msg ?? '',
        });
      }
      throw envelopeError('POST /login', envelope);
    }
    const data = parseData('POST /login', loginDataSchema, envelope.data);
    this.#token = data.adminToken;
    return data.adminToken;
  }

  async #send(path: string, body: RequestBody, token: string | undefined, signal?: AbortSignal): Promise<Envelope> {
    const endpoint = `POST ${path}`;
    const started = performance.now();
    let code: number | null = null;
    try {
      const answer = await sendHttp(this.serverUrl, { path, body, token, timeoutMs: this.#timeoutMs, signal }, this.#fetch);
      if (answer.status >= 500) throw new ConnectorError('SERVER_ERROR', `${endpoint} answered HTTP ${answer.status}`, { endpoint, httpStatus: answer.status });
      const envelope = parseEnvelope(endpoint, answer.json);
      code = envelope.code;
      // The gateway denies with HTTP 401 + {code 401}; Sentinel rate limiting is HTTP 400 + {code 403} (§0).
      if (answer.status === 401) throw envelopeError(endpoint, { ...envelope, code: 401 }, answer.status);
      if (answer.status === 400 && envelope.code === 403) {
        throw new ConnectorError('SERVER_ERROR', `${endpoint}: the server is rate limiting (${envelope.msg ?? ''})`, { endpoint, httpStatus: 400, serverCode: 403 });
      }
      if (answer.status !== 200) throw new ConnectorError('HTTP_ERROR', `${endpoint} answered HTTP ${answer.status}`, { endpoint, httpStatus: answer.status, serverCode: envelope.code });
      return envelope;
    } finally {
      this.#onCall?.({ endpoint, code, ms: performance.now() - started });
    }
  }
}

/** Envelope codes → ConnectorError (§1.3, §9): 401 no permission, 400 validation, 500 server, 11xx business. */
export function envelopeError(endpoint: string, envelope: Envelope, httpStatus = 200): ConnectorError {
  const details = { endpoint, serverCode: envelope.code, serverMessage: envelope.msg ?? '', httpStatus };
  const text = `${endpoint} failed with code ${envelope.code}: ${envelope.msg ?? ''}`;
  if (envelope.code === 401) return new ConnectorError('NO_PERMISSION', text, details);
  if (envelope.code === 400) return new ConnectorError('VALIDATION_ERROR', text, details);
  if (envelope.code === 500 || envelope.code === 1001) return new ConnectorError('SERVER_ERROR', text, details);
  return new ConnectorError('BUSINESS_ERROR', text, details);
}
