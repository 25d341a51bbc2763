/** A bare HTTP client for the PHP-emulator tests: real requests over 127.0.0.1, no connector code. */
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../wukong-php-emulator';

export interface Reply<T = unknown> {
  status: number;
  contentType: string;
  /** The raw body (to check escaping, HTML pages, 悟空软件). */
  text: string;
  /** The parsed JSON body, or null for HTML/text. */
  body: { code: number | null; data?: T; error?: unknown; msg?: string } | null;
  /** body.code, for brevity. */
  code: number | null | undefined;
  data: T;
  error: unknown;
  setCookie: string | null;
}

export interface SendOptions {
  json?: unknown;
  form?: string;
  /** Extra or replacing headers; `auth: false` sends none of the login headers. */
  headers?: Record<string, string>;
  auth?: boolean;
  method?: string;
  query?: string;
}

export class PhpClient {
  authKey: string | undefined;
  sessionId: string | undefined;
  userId: number | undefined;

  constructor(readonly baseUrl: string) {}

  async send<T = unknown>(path: string, options: SendOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (options.auth !== false && this.authKey) {
      headers.authKey = this.authKey;
      headers.sessionId = this.sessionId ?? '';
    }
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = options.form;
    }
    Object.assign(headers, options.headers);
    const res = await fetch(this.baseUrl + path + (options.query ? `?${options.query}` : ''), { method: options.method ?? 'POST', headers, body });
    const text = await res.text();
    let parsed: Reply<T>['body'] = null;
    try {
      parsed = JSON.parse(text) as Reply<T>['body'];
    } catch {
      parsed = null;
    }
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      text,
      body: parsed,
      code: parsed?.code,
      data: parsed?.data as T,
      error: parsed?.error,
      setCookie: res.headers.get('set-cookie'),
    };
  }

  json<T = unknown>(path: string, json: unknown = {}): Promise<Reply<T>> {
    return this.send<T>(path, { json });
  }

  form<T = unknown>(path: string, form: string): Promise<Reply<T>> {
    return this.send<T>(path, { form });
  }

  async login(username: string, password: string): Promise<Reply<LoginData>> {
    const reply = await this.send<LoginData>('/admin/base/login', { json: { username, password }, auth: false });
    if (reply.code !== 200) throw new Error(`login failed: ${String(reply.error)}`);
    this.authKey = reply.data.authKey;
    this.sessionId = reply.data.sessionId;
    this.userId = reply.data.userInfo.id as number;
    return reply;
  }
}

export interface LoginData {
  authKey: string;
  sessionId: string;
  userInfo: Record<string, unknown>;
  authList: Record<string, unknown>;
  menusList: null;
  loginExpire: number;
}

export interface GroupRow {
  id: number;
  pid: number;
  title: string;
  rules: string | { data: string[]; bi: string[] };
  remark: string;
  status: number;
  type: number;
  types: number;
  system: number;
}

/** The emulator with an administrator client already logged in. */
export async function startWithAdmin(options: Partial<EmulatorOptions> = {}): Promise<{ emulator: RunningEmulator; admin: PhpClient }> {
  const emulator = await startEmulator(options);
  const admin = new PhpClient(emulator.url);
  await admin.login(emulator.adminUsername, emulator.adminPassword);
  return { emulator, admin };
}

/** A client logged in as a seeded user (they share the emulator's user password). */
export async function loginAs(emulator: RunningEmulator, userId: number): Promise<PhpClient> {
  const client = new PhpClient(emulator.url);
  const user = emulator.state.user(userId);
  if (!user) throw new Error(`no user ${userId}`);
  await client.login(user.username, emulator.userPassword);
  return client;
}

/** Roles of a category as groups/index lists them (string form). */
export async function listGroups(client: PhpClient, pid: number): Promise<GroupRow[]> {
  return (await client.json<GroupRow[]>('/admin/groups/index', { pid })).data;
}

/** The newest role (groups/save answers no id: find it by listing, as a client must). */
export async function newestGroup(client: PhpClient, pid: number): Promise<GroupRow> {
  const rows = await listGroups(client, pid);
  return rows.reduce((a, b) => (b.id > a.id ? b : a));
}
