import { describe, expect, it } from 'vitest';
import { isConnectorError } from '../connectorError';
import { wukongEndpoints } from './api';
import { WukongSession } from './session';

/** A scripted server: each call pops the next answer for its path. Records what was sent. */
function fakeServer(script: Record<string, Array<{ status?: number; body: unknown } | 'hang'>>) {
  const sent: Array<{ path: string; token: string | null; contentType: string | null; body: string | null }> = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    sent.push({ path: url.pathname, token: headers.get('Admin-Token'), contentType: headers.get('content-type'), body: (init?.body as string | undefined) ?? null });
    const next = script[url.pathname]?.shift();
    if (!next) throw new Error(`no scripted answer for ${url.pathname}`);
    if (next === 'hang') {
      return new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    return new Response(typeof next.body === 'string' ? next.body : JSON.stringify(next.body), { status: next.status ?? 200 });
  }) as typeof fetch;
  return { sent, fetchImpl };
}

const ok = (data: unknown) => ({ body: { code: 0, msg: 'success', data } });
const login = (token: string) => ok({ adminToken: token });
const credentials = { serverUrl: 'http://crm.test', username: 'admin', password: 'S3cret-pass' };

describe('WukongSession', () => {
  it('sends Admin-Token on every call and a form body to @RequestParam endpoints', async () => {
    const server = fakeServer({ '/login': [login('t1')], '/crmField/queryRoleField': [ok([])] });
    const session = new WukongSession(credentials, { fetch: server.fetchImpl });
    await session.call(wukongEndpoints.roleFields(180170, 2));
    expect(server.sent[0]).toMatchObject({ path: '/login', token: null, contentType: expect.stringContaining('application/json') });
    expect(server.sent[1]).toMatchObject({ token: 't1', contentType: expect.stringContaining('x-www-form-urlencoded'), body: 'roleId=180170&label=2' });
  });

  it('logs in again exactly once on 302 and resends the call', async () => {
    const server = fakeServer({
      '/login': [login('t1'), login('t2')],
      '/adminRole/getAllRoleList': [{ body: { code: 302, msg: '请先登录！', data: { extra: 1 } } }, ok([])],
    });
    const session = new WukongSession(credentials, { fetch: server.fetchImpl });
    await expect(session.call(wukongEndpoints.allRoles())).resolves.toEqual([]);
    expect(session.logins).toBe(2);
    expect(server.sent.map((s) => [s.path, s.token])).toEqual([
      ['/login', null],
      ['/adminRole/getAllRoleList', 't1'],
      ['/login', null],
      ['/adminRole/getAllRoleList', 't2'],
    ]);
  });

  it('gives up with SESSION_LOST when the fresh token is refused too', async () => {
    const evicted = { body: { code: 302, msg: '请先登录！', data: null } };
    const server = fakeServer({ '/login': [login('t1'), login('t2')], '/adminRole/getAllRoleList': [evicted, evicted] });
    const error = await new WukongSession(credentials, { fetch: server.fetchImpl }).call(wukongEndpoints.allRoles()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SESSION_LOST', details: { serverCode: 302, endpoint: 'POST /adminRole/getAllRoleList' } });
  });

  it.each([
    [1004, 'LOGIN_FAILED'],
    [1010, 'ACCOUNT_LOCKED'],
    [1007, 'ACCOUNT_DISABLED'],
  ])('turns login code %i into %s without revealing the password', async (code, expected) => {
    const server = fakeServer({ '/login': [{ body: { code, msg: '…', data: null } }] });
    const error = await new WukongSession(credentials, { fetch: server.fetchImpl }).login().catch((e: unknown) => e);
    expect(isConnectorError(error, expected as never)).toBe(true);
    expect(JSON.stringify(error) + String(error)).not.toContain('S3cret-pass');
  });

  it('maps HTTP 401, HTTP 500 and business codes to typed errors', async () => {
    const server = fakeServer({
      '/login': [login('t')],
      '/adminRole/getAllRoleList': [{ status: 401, body: { code: 401, msg: '无权操作' } }, { status: 500, body: 'oops' }, { body: { code: 1117, msg: '角色名称已存在', data: null } }],
    });
    const session = new WukongSession(credentials, { fetch: server.fetchImpl });
    const call = () => session.call(wukongEndpoints.allRoles()).catch((e: unknown) => e);
    const denied = await call();
    expect(denied).toMatchObject({ code: 'NO_PERMISSION', details: { httpStatus: 401 } });
    const serverError = await call();
    expect(serverError).toMatchObject({ code: 'SERVER_ERROR', retryable: true });
    expect(await call()).toMatchObject({ code: 'BUSINESS_ERROR', retryable: false, details: { serverCode: 1117, serverMessage: '角色名称已存在' } });
  });

  it('times out a call that never answers', async () => {
    const server = fakeServer({ '/login': [login('t')], '/adminDept/queryDeptTree': ['hang'] });
    const error = await new WukongSession(credentials, { fetch: server.fetchImpl, timeoutMs: 30 }).call(wukongEndpoints.deptList()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true, details: { endpoint: 'POST /adminDept/queryDeptTree' } });
  });

  it('names the endpoint and the field of an unexpected shape', async () => {
    const server = fakeServer({ '/login': [login('t')], '/adminDept/queryDeptTree': [ok([{ deptId: 1, pid: 0, name: 'A' }, { deptId: '2', pid: 1, name: 'B' }])] });
    const error = await new WukongSession(credentials, { fetch: server.fetchImpl }).call(wukongEndpoints.deptList()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', details: { endpoint: 'POST /adminDept/queryDeptTree', field: 'data[1].deptId' } });
  });
});
