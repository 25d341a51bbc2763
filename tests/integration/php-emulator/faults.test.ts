/**
 * Fault injection, the "another admin" hook, the call log and the control API over HTTP — and what a
 * failure in the middle of a call leaves behind where the PHP has no transaction (Groups.php#save,
 * Structures.php#save) versus where it has one (User.php#createData, Structure.php#delStrById).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-php-emulator';
import { type PhpClient, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: PhpClient;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());
afterEach(() => {
  emulator.control.clearFaults();
  emulator.control.clearCalls();
});

const roleCount = () => emulator.state.groups().length;

describe('failNext / dropNext', () => {
  it('HTTP 500 (ThinkPHP error page) before the call changes nothing; after it, the change is applied', async () => {
    const before = roleCount();
    emulator.control.failNext(1, { path: '/admin/groups/save' });
    const refused = await admin.json('/admin/groups/save', { title: '故障前', pid: 6 });
    expect([refused.status, refused.contentType.startsWith('text/html'), refused.text.includes('<title>System Error</title>')]).toEqual([500, true, true]);
    expect(roleCount()).toBe(before);
    emulator.control.failNext(1, { path: '/admin/groups/save', when: 'after' });
    expect((await admin.json('/admin/groups/save', { title: '故障后', pid: 6 })).status).toBe(500);
    expect(emulator.state.groups().at(-1)?.title).toBe('故障后');
  });

  it('drops the connection without an answer: after → applied, before → not', async () => {
    emulator.control.dropNext(1, { path: '/admin/groups/update', when: 'after' });
    await expect(admin.json('/admin/groups/update', { id: 12, rules: [102] })).rejects.toThrow();
    expect(emulator.state.group(12)?.rules).toBe(',102,101,100,');
    emulator.control.dropNext(1, { path: '/admin/groups/update' });
    await expect(admin.json('/admin/groups/update', { id: 12, rules: [104] })).rejects.toThrow();
    expect(emulator.state.group(12)?.rules).toBe(',102,101,100,');
    expect(emulator.control.calls('/admin/groups/update').map((c) => [c.code, c.faults, c.writes])).toEqual([
      [null, ['drop:after'], 2],
      [null, ['drop:before'], 0],
    ]);
  });
});

describe('failWrite: a write failing mid-call', () => {
  it('groups/save has no transaction: the role row stays when the system log (write 2) fails — without field grants', async () => {
    const before = roleCount();
    emulator.control.failWrite(2, { path: '/admin/groups/save' });
    const reply = await admin.json('/admin/groups/save', { title: '半途', pid: 2, rules: [14] });
    expect(reply.status).toBe(500);
    expect(reply.text).toContain('2006 MySQL server has gone away');
    const created = emulator.state.groups().at(-1)!;
    expect([roleCount() - before, created.title]).toEqual([1, '半途']);
    expect(emulator.state.fieldGrants(created.id)).toEqual([]);
    // Write 5 = the third field grant: two grants exist, the other six never come.
    emulator.control.failWrite(5, { path: '/admin/groups/save' });
    await admin.json('/admin/groups/save', { title: '半途二', pid: 2 });
    expect(emulator.state.fieldGrants(emulator.state.groups().at(-1)!.id).map((g) => g.column)).toEqual(['leads', 'customer']);
    expect(emulator.control.calls('/admin/groups/save').map((c) => [c.httpStatus, c.writes, c.faults])).toEqual([
      [500, 2, ['failWrite:2']],
      [500, 5, ['failWrite:5']],
    ]);
  });

  it('users/save runs in a transaction: a failing write inside it rolls everything back and answers 添加失败', async () => {
    const users = emulator.state.users().length;
    emulator.control.failWrite(3, { path: '/admin/users/save' });
    const reply = await admin.json('/admin/users/save', { username: '13900000011', password: 'abc12345', realname: '事务', structure_id: 2, group_id: [9] });
    expect(reply.body).toEqual({ code: 400, data: '', error: '添加失败' });
    expect(emulator.state.users()).toHaveLength(users);
    expect(emulator.state.access().filter((a) => a.userId > 7)).toEqual([]);
  });

  it('…but its system log is written after the commit, still inside the try: 添加失败 with the user created', async () => {
    emulator.control.failWrite(4, { path: '/admin/users/save' });
    const reply = await admin.json('/admin/users/save', { username: '13900000012', password: 'abc12345', realname: '已提交', structure_id: 2, group_id: [9] });
    expect(reply.error).toBe('添加失败');
    expect(emulator.state.users().at(-1)).toMatchObject({ username: '13900000012', status: 2, groupIds: [9] });
  });

  it('users/update: a failure inside Access#userGroup is swallowed — roles unchanged, the rest saved, 编辑成功', async () => {
    emulator.control.failWrite(1, { path: '/admin/users/update' });
    const reply = await admin.json('/admin/users/update', { id: 5, realname: '赵客服改', group_id: [9] });
    expect(reply.data).toBe('编辑成功');
    expect(emulator.state.user(5)).toMatchObject({ realname: '赵客服改', groupIds: [11] });
  });

  it('structures/delete is one transaction: a failing sub-department delete keeps the whole subtree', async () => {
    await admin.json('/admin/structures/save', { name: '子部门', pid: 6 });
    emulator.control.failWrite(2, { path: '/admin/structures/delete' });
    expect((await admin.json('/admin/structures/delete', { id: 6 })).error).toBe('删除失败');
    expect(emulator.state.structure(6)).toBeDefined();
    expect(emulator.state.structures().at(-1)).toMatchObject({ name: '子部门', pid: 6 });
  });
});

describe('another admin, sessions, latency', () => {
  it('beforeCall: a grant made by another admin between a read and a write is lost (rules are replaced)', async () => {
    await admin.json('/admin/groups/update', { id: 11, rules: [14] });
    const read = emulator.state.group(11)!.ruleIds;
    emulator.control.beforeCall({ path: '/admin/groups/update' }, { type: 'grantRules', groupId: 11, ruleIds: [65, 62] });
    await admin.json('/admin/groups/update', { id: 11, rules: [...read, 15] });
    expect(emulator.state.group(11)?.ruleIds).toEqual([14, 11, 1, 15]);
    expect(emulator.control.calls().map((c) => c.faults)).toEqual([[], ['hook']]);
  });

  it('evictNext drops the caller’s login first, as a login elsewhere would: 101 until a new login', async () => {
    emulator.control.evictNext(1, { path: '/admin/groups/typeList' });
    expect((await admin.json('/admin/groups/typeList')).code).toBe(101);
    expect((await admin.json('/admin/index/authList')).code).toBe(302);
    await admin.login(emulator.adminUsername, emulator.adminPassword);
    expect((await admin.json('/admin/groups/typeList')).code).toBe(200);
    expect(emulator.control.evictSessions(1)).toBeGreaterThan(0);
    expect((await admin.json('/admin/groups/typeList')).code).toBe(101);
    await admin.login(emulator.adminUsername, emulator.adminPassword);
  });

  it('latency, optionally for one path', async () => {
    emulator.control.latency(300, '/admin/groups/typeList');
    const timed = async (path: string) => {
      const start = performance.now();
      await admin.json(path);
      return performance.now() - start;
    };
    expect(await timed('/admin/groups/typeList')).toBeGreaterThanOrEqual(295);
    expect(await timed('/admin/rules/index')).toBeLessThan(250);
  });

  it('logs every call with seq, method, path, parameters, code, HTTP status, caller and writes', async () => {
    await admin.json('/admin/groups/save', { title: '日志', pid: 6 });
    await admin.send('/admin/groups/typeList', { auth: false });
    await admin.json('/admin/groups/save', { title: 'x', foo: 1 });
    const calls = emulator.control.calls();
    expect(calls.map((c) => [c.path, c.code, c.httpStatus, c.userId, c.writes])).toEqual([
      ['/admin/groups/save', 200, 200, 1, 2],
      ['/admin/groups/typeList', 101, 200, null, 0],
      ['/admin/groups/save', null, 500, 1, 0],
    ]);
    expect(calls[0]).toMatchObject({ seq: expect.any(Number), method: 'POST', body: { title: '日志', pid: 6 }, faults: [] });
    expect(calls[2]?.error).toBe('Exception: 数据表字段不存在:[foo]');
  });
});

describe('control API over HTTP', () => {
  const control = (method: string, path: string, body?: unknown, token = emulator.controlToken) =>
    fetch(`${emulator.url}/__emulator/${path}`, { method, headers: { 'content-type': 'application/json', 'x-emulator-control': token }, body: body === undefined ? undefined : JSON.stringify(body) });

  it('refuses calls without the control token', async () => {
    expect((await control('GET', 'calls', undefined, 'nope')).status).toBe(403);
  });

  it('installs faults (failWrite included), lists calls, applies mutations, evicts logins', async () => {
    const added = await control('POST', 'faults', { rules: [{ kind: 'failWrite', path: '/admin/structures/save', write: 2 }] });
    expect(await added.json()).toEqual({ added: [expect.any(Number)] });
    expect((await admin.json('/admin/structures/save', { name: '控制', pid: 1 })).status).toBe(500);
    expect(emulator.state.structures().at(-1)?.name).toBe('控制');
    const calls = (await (await control('GET', 'calls')).json()) as { path: string; faults: string[] }[];
    expect(calls.map((c) => [c.path, c.faults])).toEqual([['/admin/structures/save', ['failWrite:2']]]);
    expect((await control('POST', 'mutate', { type: 'renameGroup', groupId: 12, title: '外部改名' })).status).toBe(200);
    expect(emulator.state.group(12)?.title).toBe('外部改名');
    expect((await control('POST', 'mutate', { type: 'nonsense' })).status).toBe(400);
    expect(await (await control('POST', 'evict', { userId: 1 })).json()).toMatchObject({ evicted: expect.any(Number) });
    expect((await admin.json('/admin/groups/typeList')).code).toBe(101);
    await admin.login(emulator.adminUsername, emulator.adminPassword);
  });
});
