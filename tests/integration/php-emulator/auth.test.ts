/**
 * Login, the auth headers and the envelopes of the auth checks (Base.php, User.php#login,
 * AuthenticateBehavior.php, ApiCommon.php, Index.php; OBSERVED.md §1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-php-emulator';
import { loginAs, PhpClient, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: PhpClient;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

describe('login', () => {
  it('answers authKey + sessionId (the PHP session id, also set as PHPSESSID), the user row with its password hash, the auth list', async () => {
    // (A new login ends the previous one of the same user, so the shared admin client logs in again.)
    const reply = await admin.login(emulator.adminUsername, emulator.adminPassword);
    expect(reply).toMatchObject({ status: 200, code: 200, error: '' });
    expect(reply.data.authKey).toMatch(/^[0-9a-f]{32}$/);
    expect(reply.data.sessionId).toMatch(/^[0-9a-v]{26}$/);
    expect(reply.setCookie).toBe(`PHPSESSID=${reply.data.sessionId}; path=/`);
    expect(reply.data.userInfo).toMatchObject({ id: 1, username: emulator.adminUsername, password: expect.stringMatching(/^[0-9a-f]{32}$/), salt: expect.any(String) });
    expect(reply.data.userInfo).not.toHaveProperty('authkey');
    expect(reply.data.userInfo.create_time).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(reply.data).toMatchObject({ menusList: null, loginExpire: 2592000 });
    expect(Object.keys(reply.data)).toEqual(['authKey', 'sessionId', 'userInfo', 'authList', 'menusList', 'loginExpire']);
  });

  it('authKey = user_md5(username . passwordHash . sessionId, salt)', async () => {
    const { userMd5 } = await import('../../wukong-php-emulator');
    const reply = await admin.login(emulator.adminUsername, emulator.adminPassword);
    const u = reply.data.userInfo;
    expect(reply.data.authKey).toBe(userMd5(`${String(u.username)}${String(u.password)}${reply.data.sessionId}`, String(u.salt)));
  });

  it('errors are code 400 with the message in `error` and data ""', async () => {
    const c = new PhpClient(emulator.url);
    expect((await c.send('/admin/base/login', { json: { username: emulator.adminUsername, password: 'bad' } })).body).toEqual({ code: 400, data: '', error: '账号或密码错误!' });
    expect((await c.send('/admin/base/login', { json: { username: '19999999999', password: 'bad' } })).body).toEqual({ code: 400, data: '', error: '帐号不存在' });
    expect((await c.send('/admin/base/login', { form: `username=${emulator.adminUsername}` })).body).toEqual({ code: 400, data: '', error: '密码不能为空' });
    expect((await c.send('/admin/base/login', { form: 'username=13800000006&password=Passw0rd1' })).body).toEqual({ code: 400, data: '', error: '帐号已被禁用' });
  });

  it('three (or more) wrong passwords never lock the account: every login record is stored as type 0', async () => {
    const c = new PhpClient(emulator.url);
    for (let i = 0; i < 4; i++) expect((await c.json('/admin/base/login', { username: '13800000005', password: 'wrong1' })).error).toBe('账号或密码错误!');
    expect((await c.login('13800000005', emulator.userPassword)).code).toBe(200);
    const types = emulator.state.db.prepare('SELECT DISTINCT type FROM admin_login_record').all();
    expect(types).toEqual([{ type: 0 }]);
  });

  it('the first login turns status 2 (未激活) into 1', async () => {
    expect(emulator.state.user(4)?.status).toBe(2);
    const reply = await loginAs(emulator, 4);
    expect(emulator.state.user(4)?.status).toBe(1);
    expect(reply.authKey).toBeDefined();
  });

  it('a new login of the same user ends the previous one (101 on groups, 302 on index)', async () => {
    const first = await loginAs(emulator, 5);
    expect((await first.json('/admin/groups/typeList')).code).toBe(200);
    await loginAs(emulator, 5);
    expect((await first.json('/admin/groups/typeList')).body).toEqual({ code: 101, error: '请先登录' });
    expect((await first.json('/admin/index/authList')).body).toMatchObject({ code: 302, msg: '请先登录!', data: { extra: 1 } });
  });
});

describe('auth headers and their envelopes', () => {
  it('without authKey: HTTP 200 {"code":101,"error":"请先登录"} — json_encode, so \\u-escaped', async () => {
    const reply = await admin.send('/admin/groups/typeList', { auth: false });
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('{"code":101,"error":"\\u8bf7\\u5148\\u767b\\u5f55"}');
    expect((await admin.send('/admin/groups/typeList', { auth: false, headers: { sessionId: admin.sessionId! } })).code).toBe(101);
  });

  it('authKey without sessionId: 302 with `msg` (not `error`) and data {extra, extraTime}', async () => {
    const reply = await admin.send('/admin/groups/typeList', { auth: false, headers: { authKey: admin.authKey! } });
    expect(reply.body).toEqual({ code: 302, data: { extra: 1, extraTime: expect.stringMatching(/^\d{2}:\d{2}$/) }, msg: '请先登录!' });
    expect(reply.text).toContain('\\u8bf7\\u5148\\u767b\\u5f55!');
  });

  it('the sessionId value is never checked, header names are case-insensitive', async () => {
    expect((await admin.send('/admin/groups/typeList', { auth: false, headers: { authKey: admin.authKey!, sessionId: 'xyz' } })).code).toBe(200);
    expect((await admin.send('/admin/groups/typeList', { auth: false, headers: { authkey: admin.authKey!, sessionid: admin.sessionId! } })).code).toBe(200);
  });

  it('tokens in the query string or the PHPSESSID cookie are not accepted', async () => {
    expect((await admin.send('/admin/groups/typeList', { auth: false, query: `authKey=${admin.authKey}&sessionId=${admin.sessionId}` })).code).toBe(101);
    expect((await admin.send('/admin/groups/typeList', { auth: false, headers: { cookie: `PHPSESSID=${admin.sessionId}` } })).code).toBe(101);
  });

  it('/admin/index/* runs ApiCommon first: no login there is 302, not 101', async () => {
    expect((await admin.send('/admin/index/authList', { auth: false })).code).toBe(302);
    expect((await admin.send('/admin/groups/index', { auth: false })).code).toBe(101);
  });

  it('a user disabled while logged in gets {"code":103,"data":[],"msg":"账号已被删除或禁用"}', async () => {
    const user = await loginAs(emulator, 3);
    emulator.state.mutate({ type: 'setUserStatus', userId: 3, status: 0 });
    expect((await user.json('/admin/index/authList')).body).toEqual({ code: 103, data: [], msg: '账号已被删除或禁用' });
    emulator.state.mutate({ type: 'setUserStatus', userId: 3, status: 1 });
    expect((await user.json('/admin/index/authList')).code).toBe(200);
  });

  it('a `platform` parameter moves the login to Auth_<authKey>_<platform>', async () => {
    const c = new PhpClient(emulator.url);
    const reply = await c.send<{ authKey: string; sessionId: string }>('/admin/base/login', { json: { username: '13800000007', password: emulator.userPassword, platform: 'mobile' } });
    c.authKey = reply.data.authKey;
    c.sessionId = reply.data.sessionId;
    expect((await c.json('/admin/groups/typeList')).code).toBe(101);
    expect((await c.json('/admin/groups/typeList', { platform: 'mobile' })).code).toBe(200);
  });

  it('logout forgets the login and always answers 退出成功', async () => {
    const c = await loginAs(emulator, 7);
    expect((await c.json('/admin/base/logout')).body).toEqual({ code: 200, data: '退出成功', error: '' });
    expect((await c.json('/admin/groups/typeList')).code).toBe(101);
    expect((await c.json('/admin/base/logout')).code).toBe(200);
  });
});

describe('transport', () => {
  it('only POST is routed: GET, OPTIONS and unknown paths hit admin/base/miss (200 text/html 悟空软件)', async () => {
    for (const r of [await admin.send('/admin/groups/typeList', { method: 'GET' }), await admin.json('/admin/groups/read', { id: 1 }), await admin.json('/nowhere')]) {
      expect(r).toMatchObject({ status: 200, text: '悟空软件', body: null });
      expect(r.contentType).toMatch(/^text\/html/);
    }
    expect((await admin.send('/admin/groups/typeList', { method: 'OPTIONS' })).text).toBe('');
  });

  it('routes are case-insensitive and accept an /index.php prefix and a .html suffix', async () => {
    for (const path of ['/admin/groups/typelist', '/index.php/admin/groups/typeList', '/admin/groups/typeList.html']) expect((await admin.json(path)).code).toBe(200);
  });

  it('form-urlencoded and JSON bodies both work; malformed JSON is an empty parameter set', async () => {
    expect((await admin.form('/admin/groups/index', 'pid=2')).data).toHaveLength(3);
    expect((await admin.send('/admin/groups/index', { headers: { 'content-type': 'application/json' }, form: '{"pid":2' })).data).toEqual([]);
  });

  it('success is resultArray: {"code":200,"data":…,"error":""} with raw UTF-8 and \\/ escaped', async () => {
    await admin.json('/admin/groups/save', { title: 'a/b 角色', pid: 6, type: 1 });
    const reply = await admin.json('/admin/groups/index', { pid: 6 });
    expect(reply.text).toContain('"title":"a\\/b 角色"');
    expect(reply.text.startsWith('{"code":200,"data":[')).toBe(true);
    expect(reply.text.endsWith(',"error":""}')).toBe(true);
  });
});

describe('permissions come from complete rule chains, recomputed on every request', () => {
  it('a user without admin-groups-update gets 102 on groups/save but may list roles and users', async () => {
    const seller = await loginAs(emulator, 3);
    expect((await seller.json('/admin/groups/save', { title: 'x', pid: 2 })).body).toEqual({ code: 102, error: '无权操作' });
    expect((await seller.json('/admin/groups/index', { pid: 2 })).code).toBe(200);
    expect((await seller.json('/admin/users/index', { status: 'all' })).code).toBe(200);
    expect((await seller.json('/admin/users/save', {})).code).toBe(102);
    expect((await seller.json('/admin/structures/save', { name: 'x' })).code).toBe(102);
  });

  it('the leaf rule alone grants nothing: its module and controller rules must be held too', async () => {
    const role = emulator.state.groups().find((g) => g.title === '客服专员')!;
    const agent = await loginAs(emulator, 5);
    emulator.state.mutate({ type: 'setRules', groupId: role.id, ruleIds: [146] });
    expect((await agent.json('/admin/groups/save', { title: 'x', pid: 2 })).code).toBe(102);
    const leafOnly = (await agent.json<Record<string, unknown>>('/admin/index/authList')).data;
    expect(leafOnly).not.toHaveProperty('manage');
    // The same leaf with its parents (groups 145, admin 130): granted at once, no new login needed.
    emulator.state.mutate({ type: 'setRules', groupId: role.id, ruleIds: [146, 145, 130] });
    expect((await agent.json('/admin/groups/save', { title: 'Agent made', pid: 6 })).body).toEqual({ code: 200, data: 1, error: '' });
    expect((await agent.json<Record<string, Record<string, unknown>>>('/admin/index/authList')).data.manage).toMatchObject({ permission: { update: true } });
  });

  it('a disabled role (status 0) still grants its rules', async () => {
    const manager = await loginAs(emulator, 7);
    emulator.state.db.prepare('UPDATE admin_group SET status = 0 WHERE id = 2').run();
    expect((await manager.json('/admin/groups/save', { title: 'by disabled role', pid: 6 })).code).toBe(200);
    emulator.state.db.prepare('UPDATE admin_group SET status = 1 WHERE id = 2').run();
  });
});
