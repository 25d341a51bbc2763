/** Fault injection, the "another admin" hook, the call log and the control API over HTTP. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());
afterEach(() => {
  emulator.control.clearFaults();
  emulator.control.clearCalls();
});

const grant = (menuIds: number[]) => admin.json('/adminRole/updateRoleMenu', { roleId: 180168, roleName: '公告管理员', dataType: '', menuIds });

describe('faults', () => {
  it('adds a fixed latency, optionally to one path', async () => {
    emulator.control.latency(300, '/adminRole/getRoleTypeList');
    const timed = async (path: string) => {
      const start = performance.now();
      await admin.json(path);
      return performance.now() - start;
    };
    const delayed = await timed('/adminRole/getRoleTypeList');
    const other = await timed('/adminUser/queryLoginUser');
    expect(delayed).toBeGreaterThanOrEqual(295);
    expect(other).toBeLessThan(delayed - 150);
  });

  it('answers HTTP 500 to the next N matching calls, then recovers', async () => {
    emulator.control.failNext(2, { path: '/adminRole/getRoleTypeList' });
    expect(await admin.json('/adminRole/getRoleTypeList')).toMatchObject({ status: 500, code: 500 });
    expect((await admin.json('/adminUser/queryLoginUser')).status).toBe(200); // other paths unaffected
    expect((await admin.json('/adminRole/getRoleTypeList')).status).toBe(500);
    expect((await admin.json('/adminRole/getRoleTypeList')).status).toBe(200);
  });

  it('a 500 before the call changes nothing; a 500 after it has applied the change', async () => {
    const before = emulator.state.role(180168)!.menuIds;
    emulator.control.failNext(1, { path: '/adminRole/updateRoleMenu' });
    expect((await grant([187])).status).toBe(500);
    expect(emulator.state.role(180168)?.menuIds).toEqual(before);
    expect(before).not.toEqual([187]);
    emulator.control.failNext(1, { path: '/adminRole/updateRoleMenu', when: 'after' });
    expect((await grant([187])).status).toBe(500);
    expect(emulator.state.role(180168)?.menuIds).toEqual([187]);
  });

  it('drops the connection without an answer (before or after applying the call)', async () => {
    emulator.control.dropNext(1, { path: '/adminRole/updateRoleMenu', when: 'after' });
    await expect(grant([187, 188])).rejects.toThrow();
    expect(emulator.state.role(180168)?.menuIds).toEqual([187, 188]);
    emulator.control.dropNext(1, { path: '/adminRole/updateRoleMenu' });
    await expect(grant([190])).rejects.toThrow();
    expect(emulator.state.role(180168)?.menuIds).toEqual([187, 188]);
    expect(emulator.control.calls('/adminRole/updateRoleMenu').map((c) => [c.code, c.faults])).toEqual([
      [null, ['drop:after']],
      [null, ['drop:before']],
    ]);
  });

  it('evicts the session token before the nth matching call: 302 with extra 1 until a new login', async () => {
    emulator.control.evictNext(1, { path: '/adminRole/getAllRoleList', nth: 2 });
    expect((await admin.json('/adminRole/getAllRoleList')).code).toBe(0);
    const evicted = await admin.json('/adminRole/getAllRoleList');
    expect(evicted).toMatchObject({ status: 200, code: 302, data: { extra: 1 } });
    expect((await admin.json('/adminUser/queryLoginUser')).code).toBe(302);
    await admin.login(emulator.adminUsername, emulator.adminPassword);
    expect((await admin.json('/adminUser/queryLoginUser')).code).toBe(0);
  });

  it('runs another admin’s change before the nth call: a read-then-write sees the grant only if it re-reads', async () => {
    await grant([187]);
    emulator.control.beforeCall({ path: '/adminRole/updateRoleMenu' }, { type: 'grantMenus', roleId: 180168, menuIds: [189] });
    // A client that read [187] earlier and now writes [187, 188] wipes the concurrent grant (full replace).
    await grant([187, 188]);
    expect(emulator.state.role(180168)?.menuIds).toEqual([187, 188]);

    emulator.control.beforeCall({ path: '/adminRole/updateRoleMenu', nth: 1 }, () => emulator.state.mutate({ type: 'renameRole', roleId: 180168, roleName: '公告管理员2' }));
    emulator.control.beforeCall({ path: '/adminRole/getRoleByType/7' }, { type: 'grantMenus', roleId: 180168, menuIds: [189] });
    const fresh = (await admin.json<{ roleId: number; rules: { data: number[] } }[]>('/adminRole/getRoleByType/7')).data.find((r) => r.roleId === 180168)!;
    expect(fresh.rules.data).toEqual([187, 188, 189]);
    // The role's own fields go along (without one the server's updateById fails); the name re-read too.
    await admin.json('/adminRole/updateRoleMenu', { roleId: 180168, roleName: '公告管理员2', menuIds: [...fresh.rules.data, 190] });
    expect(emulator.state.role(180168)).toMatchObject({ roleName: '公告管理员2', menuIds: [187, 188, 189, 190] });
    expect(emulator.control.calls().map((c) => [c.path, c.faults])).toEqual([
      ['/adminRole/updateRoleMenu', []],
      ['/adminRole/updateRoleMenu', ['hook']],
      ['/adminRole/getRoleByType/7', ['hook']],
      ['/adminRole/updateRoleMenu', ['hook']],
    ]);
  });

  it('logs every call with path, body and code', async () => {
    await admin.json('/adminRole/add', { roleName: '日志角色', roleType: 7 });
    await admin.json('/adminRole/add', { roleName: '日志角色', roleType: 7 });
    await admin.form('/adminRole/unbindingUser', { userId: 102, roleId: 180170 });
    const calls = emulator.control.calls();
    expect(calls.map((c) => [c.path, c.code])).toEqual([
      ['/adminRole/add', 0],
      ['/adminRole/add', 1117],
      ['/adminRole/unbindingUser', 1133],
    ]);
    expect(calls[0]).toMatchObject({ method: 'POST', body: { roleName: '日志角色', roleType: 7 }, userId: emulator.adminUserId, httpStatus: 200 });
    expect(calls[2]?.body).toEqual({ userId: '102', roleId: '180170' });
  });
});

describe('control API over HTTP', () => {
  const control = (method: string, path: string, body?: unknown, token = emulator.controlToken) =>
    fetch(`${emulator.url}/__emulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-emulator-control': token },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('refuses calls without the control token', async () => {
    expect((await control('GET', 'calls', undefined, 'nope')).status).toBe(403);
    expect((await control('POST', 'faults', { rules: [] }, '')).status).toBe(403);
  });

  it('installs faults, hooks and latency, lists the calls and applies mutations', async () => {
    const added = await control('POST', 'faults', {
      latencyMs: 0,
      rules: [
        { kind: 'http500', path: '/adminRole/getRoleTypeList' },
        { kind: 'hook', path: '/adminRole/getRoleByType/*', mutation: { type: 'renameRole', roleId: 180168, roleName: '公告管理员X' } },
      ],
    });
    expect(await added.json()).toEqual({ added: [expect.any(Number), expect.any(Number)] });
    expect((await admin.json('/adminRole/getRoleTypeList')).status).toBe(500);
    const office = (await admin.json<{ roleId: number; roleName: string }[]>('/adminRole/getRoleByType/7')).data;
    expect(office.find((r) => r.roleId === 180168)?.roleName).toBe('公告管理员X');
    const calls = (await (await control('GET', 'calls')).json()) as { path: string; faults: string[] }[];
    expect(calls.map((c) => [c.path, c.faults])).toEqual([
      ['/adminRole/getRoleTypeList', ['http500:before']],
      ['/adminRole/getRoleByType/7', ['hook']],
    ]);
    expect((await control('POST', 'mutate', { type: 'assignRole', userId: 106, roleId: 180168 })).status).toBe(200);
    expect(emulator.state.user(106)?.roleIds).toContain(180168);
    expect((await control('POST', 'mutate', { type: 'nonsense' })).status).toBe(400);
    expect((await control('POST', 'evict', { userId: emulator.adminUserId })).status).toBe(200);
    expect((await admin.json('/adminUser/queryLoginUser')).data).toMatchObject({ extra: 1 });
    await admin.login(emulator.adminUsername, emulator.adminPassword);
    expect((await control('DELETE', 'faults')).status).toBe(200);
  });
});
