/** A bare HTTP client for the emulator tests: real requests over 127.0.0.1, no connector code. */
import { smallOrganisation } from '../../wukong-emulator/smallOrganisation';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../wukong-emulator';

export interface Answer<T = unknown> {
  status: number;
  code: number;
  msg: string;
  data: T;
}

export interface CallOptions {
  token?: string;
  json?: unknown;
  form?: Record<string, string | number>;
  method?: string;
  query?: Record<string, string | number>;
}

const stringify = (fields: Record<string, string | number>): Record<string, string> =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, String(v)]));

export class Client {
  token: string | undefined;

  constructor(readonly baseUrl: string) {}

  async call<T = unknown>(path: string, options: CallOptions = {}): Promise<Answer<T>> {
    const headers: Record<string, string> = {};
    const token = options.token ?? this.token;
    if (token) headers['Admin-Token'] = token;
    let body: string | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json;charset=UTF-8';
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(stringify(options.form)).toString();
    }
    const query = options.query ? `?${new URLSearchParams(stringify(options.query)).toString()}` : '';
    const res = await fetch(this.baseUrl + path + query, { method: options.method ?? 'POST', headers, body });
    const envelope = (await res.json()) as { code: number; msg: string; data: T };
    return { status: res.status, ...envelope };
  }

  json<T = unknown>(path: string, json: unknown = {}): Promise<Answer<T>> {
    return this.call<T>(path, { json });
  }

  form<T = unknown>(path: string, form: Record<string, string | number>): Promise<Answer<T>> {
    return this.call<T>(path, { form });
  }

  async login(username: string, password: string): Promise<string> {
    const answer = await this.json<{ adminToken: string }>('/login', { username, password });
    if (answer.code !== 0) throw new Error(`login failed: ${answer.code} ${answer.msg}`);
    this.token = answer.data.adminToken;
    return this.token;
  }
}

/** The emulator on the small organisation, with an administrator client already logged in. */
export async function startWithAdmin(options: Partial<EmulatorOptions> = {}): Promise<{ emulator: RunningEmulator; admin: Client }> {
  const emulator = await startEmulator({ snapshot: smallOrganisation(), ...options });
  const admin = new Client(emulator.url);
  await admin.login(emulator.adminUsername, emulator.adminPassword);
  return { emulator, admin };
}

/** A client logged in as one of the small organisation's users (all share the emulator's user password). */
export async function loginAs(emulator: RunningEmulator, username: string): Promise<Client> {
  const client = new Client(emulator.url);
  await client.login(username, emulator.userPassword);
  return client;
}
