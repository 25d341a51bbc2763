/** Embedding options: MySQL strict mode instead of the observed server's lenient one, a database file reopened as left. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../wukong-php-emulator';
import { PhpClient, startWithAdmin } from './client';

const dir = mkdtempSync(join(tmpdir(), 'php-emu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('strictMode', () => {
  it('lenient (default): a missing title is stored as "", a type "abc" as 0; strict: both refused by MySQL, nothing written', async () => {
    const lenient = await startWithAdmin();
    await lenient.admin.json('/admin/groups/save', { pid: 6, type: 'abc', title: '宽松' });
    expect(lenient.emulator.state.groups().at(-1)).toMatchObject({ title: '宽松', type: 0 });
    await lenient.emulator.close();

    const strict = await startWithAdmin({ strictMode: true });
    const before = strict.emulator.state.groups().length;
    const badType = await strict.admin.json('/admin/groups/save', { pid: 6, type: 'abc', title: '严格' });
    expect([badType.status, badType.text.includes("1366 Incorrect integer value: 'abc' for column 'type'")]).toEqual([500, true]);
    const noTitle = await strict.admin.json('/admin/groups/save', { pid: 6 });
    expect([noTitle.status, noTitle.text.includes("1364 Field 'title' doesn't have a default value")]).toEqual([500, true]);
    expect(strict.emulator.state.groups()).toHaveLength(before);
    // users/update without email/sex: NULL into hrm_user_det's NOT NULL columns after the commit → 编辑失败, user saved.
    const reply = await strict.admin.json('/admin/users/update', { id: 5, realname: '严格改名', group_id: [11] });
    expect(reply.error).toBe('编辑失败');
    expect(strict.emulator.state.user(5)?.realname).toBe('严格改名');
    await strict.emulator.close();
  });
});

describe('dbFile', () => {
  it('a new file is seeded; reopened, it is served as it was left, with the administrator password set again', async () => {
    const file = join(dir, 'php.sqlite');
    const first = await startWithAdmin({ dbFile: file, adminPassword: 'First1pass' });
    await first.admin.json('/admin/groups/save', { title: '持久', pid: 6 });
    await first.emulator.close();
    const second = await startEmulator({ dbFile: file, adminPassword: 'Second1pass' });
    expect(second.state.groups().at(-1)?.title).toBe('持久');
    const client = new PhpClient(second.url);
    expect((await client.send('/admin/base/login', { json: { username: second.adminUsername, password: 'First1pass' } })).error).toBe('账号或密码错误!');
    expect((await client.login(second.adminUsername, 'Second1pass')).code).toBe(200);
    await second.close();
  });
});
