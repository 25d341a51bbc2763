import { describe, expect, it } from 'vitest';
import { isConnectorError } from '../connectorError';
import { phpEndpoints } from './api';
import { exceptionHeadline } from './httpTransport';
import { loginDataSchema, WukongPhpSession } from './session';
import { CREDENTIALS, failed, fakeServer, loginAnswer, ok, type Answer } from './testing/fixtures';

/** Each path pops its next scripted answer. */
function scripted(script: Record<string, Answer[]>) {
  return fakeServer((path) => {
    const next = script[path]?.shift();
    if (!next) throw new Error(`no scripted answer for ${path}`);
    return next;
  });
}

const notLoggedIn = { body: { code: 101, error: '请先登录' } };
const sessionMissing = { body: { code: 302, data: { extra: 1, extraTime: '13:05' }, msg: '请先登录!' } };

describe('WukongPhpSession', () => {
  it('logs in with JSON and sends authKey and sessionId on every call, JSON bodies only', async () => {
    const server = scripted({ '/admin/base/login': [loginAnswer('key-1', 'sess-1')], '/admin/groups/typeList': [ok([{ name: '客户管理角色', pid: 2 }])] });
    const session = new WukongPhpSession(CREDENTIALS, { fetch: server.fetchImpl });
    await expect(session.call(phpEndpoints.typeList())).resolves.toEqual([{ name: '客户管理角色', pid: 2 }]);
    expect(server.sent[0]).toMatchObject({ path: '/admin/base/login', authKey: null, body: { username: '18888888888', password: 'S3cret-pass' } });
    expect(server.sent[1]).toMatchObject({ path: '/admin/groups/typeList', authKey: 'key-1', sessionId: 'sess-1', contentType: expect.stringContaining('application/json') });
  });

  it('keeps only the two tokens of the login answer (it also carries the password hash and salt)', () => {
    const parsed = loginDataSchema.parse(loginAnswer('k', 's').body.data);
    expect(parsed).toEqual({ authKey: 'k', sessionId: 's' });
  });

  it.each([
    ['101 (no cached login, e.g. the same account logged in elsewhere)', notLoggedIn],
    ['302 (header missing or cache gone)', sessionMissing],
  ])('logs in again exactly once on %s and resends the call', async (_, evicted) => {
    const server = scripted({
      '/admin/base/login': [loginAnswer('k1'), loginAnswer('k2')],
      '/admin/groups/typeList': [evicted, ok([])],
    });
    const session = new WukongPhpSession(CREDENTIALS, { fetch: server.fetchImpl });
    await expect(session.call(phpEndpoints.typeList())).resolves.toEqual([]);
    expect(session.logins).toBe(2);
    expect(server.sent.map((s) => [s.path, s.authKey])).toEqual([
      ['/admin/base/login', null],
      ['/admin/groups/typeList', 'k1'],
      ['/admin/base/login', null],
      ['/admin/groups/typeList', 'k2'],
    ]);
  });

  it('gives up with SESSION_LOST when the fresh tokens are refused too', async () => {
    const server = scripted({ '/admin/base/login': [loginAnswer('k1'), loginAnswer('k2')], '/admin/groups/typeList': [notLoggedIn, notLoggedIn] });
    const error = await new WukongPhpSession(CREDENTIALS, { fetch: server.fetchImpl }).call(phpEndpoints.typeList()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SESSION_LOST', details: { serverCode: 101, endpoint: 'POST /admin/groups/typeList' } });
  });

  it.each([
    ['账号或密码错误!', 'LOGIN_FAILED'],
    ['帐号不存在', 'LOGIN_FAILED'],
    ['帐号已被禁用', 'ACCOUNT_DISABLED'],
    ['密码错误次数过多，请在15分钟后重试！', 'ACCOUNT_LOCKED'],
  ])('turns the login refusal "%s" into %s without revealing the password', async (message, expected) => {
    const server = scripted({ '/admin/base/login': [failed(message)] });
    const error = await new WukongPhpSession(CREDENTIALS, { fetch: server.fetchImpl }).login().catch((e: unknown) => e);
    expect(isConnectorError(error, expected as never)).toBe(true);
    expect(error).toMatchObject({ details: { serverCode: 400, serverMessage: message } });
    expect(JSON.stringify(error) + String(error)).not.toContain('S3cret-pass');
  });

  it('maps 102, 103, 400 and HTTP 500 pages to typed errors, with the server message', async () => {
    const page = '<html><title>System Error</title><div class="message"><div><h1>数据表字段不存在:[foo]</h1></div></div></html>';
    const server = scripted({
      '/admin/base/login': [loginAnswer()],
      '/admin/groups/update': [
        { body: { code: 102, error: '无权操作' } },
        { body: { code: 103, data: [], msg: '账号已被删除或禁用' } },
        failed('参数错误'),
        { status: 500, body: page },
        { body: '悟空软件' },
      ],
    });
    const session = new WukongPhpSession(CREDENTIALS, { fetch: server.fetchImpl });
    const call = () => session.call(phpEndpoints.renameGroup(15, 'x')).catch((e: unknown) => e);
    expect(await call()).toMatchObject({ code: 'NO_PERMISSION', details: { serverCode: 102, serverMessage: '无权操作' } });
    expect(await call()).toMatchObject({ code: 'ACCOUNT_DISABLED', details: { serverCode: 103, serverMessage: '账号已被删除或禁用' } });
    expect(await call()).toMatchObject({ code: 'BUSINESS_ERROR', retryable: false, details: { serverCode: 400, serverMessage: '参数错误' } });
    expect(await call()).toMatchObject({ code: 'SERVER_ERROR', retryable: true, details: { httpStatus: 500, serverMessage: '数据表字段不存在:[foo]' } });
    expect(await call()).toMatchObject({ code: 'HTTP_ERROR', details: { endpoint: 'POST /admin/groups/update' } });
  });

  it('times out a call that never answers', async () => {
    const server = scripted({ '/admin/base/login': [loginAnswer()], '/admin/structures/index': ['hang'] });
    const error = await new WukongPhpSession(CREDENTIALS, { fetch: server.fetchImpl, timeoutMs: 30 }).call(phpEndpoints.structures()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true, details: { endpoint: 'POST /admin/structures/index' } });
  });

  it('names the endpoint and the field of an unexpected shape; accepts ids as numeric strings', async () => {
    const server = scripted({
      '/admin/base/login': [loginAnswer()],
      '/admin/groups/typeList': [ok([{ name: '项目管理角色', pid: '9' }])],
      '/admin/structures/index': [ok([{ id: 1, name: '办公室', pid: 0, owner_user_id: 0 }, { id: 'x', name: 'B', pid: 1 }])],
    });
    const session = new WukongPhpSession(CREDENTIALS, { fetch: server.fetchImpl });
    await expect(session.call(phpEndpoints.typeList())).resolves.toEqual([{ name: '项目管理角色', pid: 9 }]);
    const error = await session.call(phpEndpoints.structures()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MALFORMED_RESPONSE', details: { endpoint: 'POST /admin/structures/index', field: 'data[1].id' } });
  });

  it('reads the message of a ThinkPHP error page', () => {
    expect(exceptionHeadline('<h2>[10501]&nbsp;PDOException</h2><div><h1>SQLSTATE[23000]: Column &#39;x&#39; cannot be null</h1></div>')).toBe("SQLSTATE[23000]: Column 'x' cannot be null");
    expect(exceptionHeadline('<html>nothing</html>')).toBeNull();
  });
});
