/** Envelope, login rules, 302 on expiry/eviction, 401 on the wrong method and at the gateway (reference §1). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { Client, loginAs, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin({ lockWindowMs: 60_000 })));
afterAll(() => emulator.close());

describe('envelope and login', () => {
  it('answers {code: 0, msg: "success", data} and a 32-hex token on login', async () => {
    const answer = await new Client(emulator.url).json('/login', { username: emulator.adminUsername, password: emulator.adminPassword });
    expect(answer).toMatchObject({ status: 200, code: 0, msg: 'success' });
    expect((answer.data as { adminToken: string }).adminToken).toMatch(/^[0-9a-f]{32}$/);
    await admin.login(emulator.adminUsername, emulator.adminPassword); // that login evicted the shared token
  });

  it('reports a wrong password as code 1004 with HTTP 200, then locks with 1010 after three failures', async () => {
    const client = new Client(emulator.url);
    for (let i = 0; i < 3; i++) {
      expect(await client.json('/login', { username: '13800000101', password: 'wrong1' })).toMatchObject({ status: 200, code: 1004, data: null });
    }
    const locked = await client.json('/login', { username: '13800000101', password: emulator.userPassword });
    expect(locked.code).toBe(1010);
    expect(locked.msg).toMatch(/\d+秒/);
    emulator.control.unlockLogins();
    expect((await client.json('/login', { username: '13800000101', password: emulator.userPassword })).code).toBe(0);
  });

  it('refuses a disabled user with 1007 and activates an inactive one on its first login', async () => {
    expect((await new Client(emulator.url).json('/login', { username: '13800000105', password: emulator.userPassword })).code).toBe(1007);
    expect(emulator.state.user(106)?.status).toBe(2);
    await loginAs(emulator, '13800000106');
    expect(emulator.state.user(106)?.status).toBe(1);
  });

  it('checks md5(username + password + "erp" + salt) against the stored hash', async () => {
    const { createHash } = await import('node:crypto');
    const row = emulator.state.db.prepare('SELECT username, password, salt FROM wk_admin_user WHERE user_id = 102').get() as { username: string; password: string; salt: string };
    expect(createHash('md5').update(`${row.username}${emulator.userPassword}erp${row.salt}`).digest('hex')).toBe(row.password);
  });

  it('returns the current user from queryLoginUser', async () => {
    const me = await admin.json<{ userId: number; isAdmin: boolean }>('/adminUser/queryLoginUser');
    expect(me.data).toMatchObject({ userId: emulator.adminUserId, isAdmin: true });
  });
});

describe('tokens', () => {
  it('answers 302 without a token and after logout', async () => {
    const anonymous = new Client(emulator.url);
    expect(await anonymous.json('/adminRole/getRoleTypeList')).toMatchObject({ status: 200, code: 302, msg: '请先登录！' });
    const user = await loginAs(emulator, '13800000103');
    expect((await user.json('/adminUser/queryLoginUser')).code).toBe(0);
    expect((await user.json('/logout')).code).toBe(0);
    expect((await user.json('/adminUser/queryLoginUser')).code).toBe(302);
  });

  it('evicts the old token when the same user logs in again: 302 with data {extra: 1, extraTime}', async () => {
    const first = await loginAs(emulator, '13800000102');
    const second = await loginAs(emulator, '13800000102');
    const evicted = await first.json('/adminUser/queryLoginUser');
    expect(evicted.code).toBe(302);
    expect(evicted.data).toEqual({ extra: 1, extraTime: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/) });
    expect((await second.json('/adminUser/queryLoginUser')).code).toBe(0);
  });

  it('keeps a PC and a mobile session side by side (one live session per login type)', async () => {
    const pc = await loginAs(emulator, '13800000101');
    const mobile = new Client(emulator.url);
    const answer = await mobile.json<{ adminToken: string }>('/login', { username: '13800000101', password: emulator.userPassword, type: 2 });
    mobile.token = answer.data.adminToken;
    expect((await pc.json('/adminUser/queryLoginUser')).code).toBe(0);
    expect((await mobile.json('/adminUser/queryLoginUser')).code).toBe(0);
  });

  it('expires a token whose TTL ran out (plain 302, no data)', async () => {
    const user = await loginAs(emulator, '13800000101');
    emulator.control.expireSessions(101);
    expect(await user.json('/adminUser/queryLoginUser')).toMatchObject({ code: 302, data: null });
  });
});

describe('wrong method and gateway permission', () => {
  it('answers code 401 with HTTP 200 for a GET on a POST endpoint', async () => {
    expect(await admin.call('/adminRole/getRoleTypeList', { method: 'GET' })).toMatchObject({ status: 200, code: 401, msg: '无权操作' });
  });

  it('answers HTTP 404 for a path with no route', async () => {
    expect((await admin.json('/adminRole/nope')).status).toBe(404);
  });

  it('denies with HTTP 401 a realm_url the user lacks (menu 175 guards getRoleByType)', async () => {
    const seller = await loginAs(emulator, '13800000102');
    expect(await seller.json('/adminRole/getRoleByType/2')).toMatchObject({ status: 401, code: 401 });
    // Not listed in any realm_url: any logged-in user passes the gateway (reference §1.2).
    expect((await seller.json('/adminRole/getRoleTypeList')).code).toBe(0);
  });
});
