/**
 * Employee writes as `AdminUserServiceImpl` performs them (admin/.../service/impl/AdminUserServiceImpl.java):
 * setUser replaces the roles from the CSV (none when missing) inside its transaction; setUserStatus works
 * id by id in one transaction, but its logouts are not rolled back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, loginAs, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

const reason = () => emulator.control.calls().at(-1)?.reason;
const base = { userId: 102, realname: '李四', deptId: 3, parentId: 101, roleId: '180170' };

describe('setUser', () => {
  it('leaves the user with no role when roleId is missing (splitTrim(null) is empty, the old roles are deleted)', async () => {
    const { roleId: _omit, ...withoutRoles } = base;
    expect((await admin.json('/adminUser/setUser', withoutRoles)).code).toBe(0);
    expect(emulator.state.user(102)?.roleIds).toEqual([]);
    await admin.json('/adminUser/setUser', base);
    expect(emulator.state.user(102)?.roleIds).toEqual([180170]);
  });

  it('parses the CSV like splitTrim + Integer.valueOf: spaces and empty parts are fine, "abc" is a 500 that rolls back', async () => {
    expect((await admin.json('/adminUser/setUser', { ...base, roleId: ' 180170 , ,180168,' })).code).toBe(0);
    expect(emulator.state.user(102)?.roleIds).toEqual([180170, 180168]);
    expect((await admin.json('/adminUser/setUser', { ...base, post: '不会写入', roleId: '180170,abc' })).code).toBe(500);
    expect(reason()).toMatch(/^NumberFormatException/);
    expect(emulator.state.user(102)).toMatchObject({ roleIds: [180170, 180168], post: '' });
  });

  it('rolls the role replacement back when MySQL refuses a column (post varchar(50), realname varchar(100))', async () => {
    expect((await admin.json('/adminUser/setUser', { ...base, roleId: '180168', post: '岗'.repeat(51) })).code).toBe(500);
    expect(reason()).toMatch(/^MySQL 1406: Data too long for column 'post'/);
    expect((await admin.json('/adminUser/setUser', { ...base, roleId: '180168', realname: '名'.repeat(101) })).code).toBe(500);
    expect(emulator.state.user(102)?.roleIds).toEqual([180170, 180168]);
    expect((await admin.json('/adminUser/setUser', { ...base, realname: '名'.repeat(65) })).code).toBe(0);
    expect((await admin.json('/adminUser/setUser', base)).code).toBe(0);
  });

  it('has no "user exists" check: an unknown userId answers 0 (and gets role rows); a missing one is a 500', async () => {
    expect((await admin.json('/adminUser/setUser', { ...base, userId: 999, realname: '幽灵' })).code).toBe(0);
    expect(emulator.state.db.prepare('SELECT role_id FROM wk_admin_user_role WHERE user_id = 999').pluck().all()).toEqual([180170]);
    const { userId: _omit, ...withoutId } = base;
    expect((await admin.json('/adminUser/setUser', withoutId)).code).toBe(500);
  });

  it('counts deleted users in the realname check (1141) and compares case-insensitively', async () => {
    emulator.state.db.prepare("INSERT INTO wk_admin_user (username, mobile, realname, is_del) VALUES ('gone', 'gone', 'Ghost', 1)").run();
    expect((await admin.json('/adminUser/setUser', { ...base, realname: 'ghost' })).code).toBe(1141);
  });
});

describe('setUserStatus', () => {
  it('rolls back the statuses of a batch a later id fails, but the earlier users stay logged out (Redis)', async () => {
    const user = await loginAs(emulator, '13800000103');
    const answer = await admin.json('/adminUser/setUserStatus', { ids: [103, 14773], status: 0 });
    expect(answer.code).toBe(1116);
    expect(emulator.state.user(103)?.status).toBe(1);
    expect((await user.json('/adminUser/queryLoginUser')).code).toBe(302);
  });

  it('writes any status without a check, NULL included when status is missing', async () => {
    expect((await admin.json('/adminUser/setUserStatus', { ids: [106], status: 7 })).code).toBe(0);
    expect(emulator.state.user(106)?.status).toBe(7);
    expect((await admin.json('/adminUser/setUserStatus', { ids: [106] })).code).toBe(0);
    expect(emulator.state.user(106)?.status).toBeNull();
    await admin.json('/adminUser/setUserStatus', { ids: [106], status: 2 });
  });

  it('answers 0 for ids [] and 500 for missing ids; enabling an unknown id is 1113 (no role) before anything', async () => {
    expect((await admin.json('/adminUser/setUserStatus', { ids: [], status: 0 })).code).toBe(0);
    expect((await admin.json('/adminUser/setUserStatus', { status: 0 })).code).toBe(500);
    expect((await admin.json('/adminUser/setUserStatus', { ids: [4242], status: 1 })).code).toBe(1113);
  });
});

describe('setUserDept', () => {
  it('returns early for userIdList [] or a missing deptId (no IN () is built), 1142 only for a real list', async () => {
    expect((await admin.json('/adminUser/setUserDept', { deptId: 999, userIdList: [] })).code).toBe(0);
    expect((await admin.json('/adminUser/setUserDept', { userIdList: [106] })).code).toBe(0);
    expect(emulator.state.user(106)?.deptId).toBe(4);
    expect((await admin.json('/adminUser/setUserDept', { deptId: 999, userIdList: [106] })).code).toBe(1142);
    // Unknown and null ids are simply not matched by `user_id IN (…)`.
    expect((await admin.json('/adminUser/setUserDept', { deptId: 5, userIdList: [106, 4242, null] })).code).toBe(0);
    expect(emulator.state.user(106)?.deptId).toBe(5);
  });
});

describe('addUser', () => {
  it('copies the username into mobile (varchar(20)): a longer login is a 500 and nothing is created', async () => {
    const user = { username: '1'.repeat(21), password: 'abc12345', realname: '长号', deptId: 4, roleId: '180170' };
    expect((await admin.json('/adminUser/addUser', user)).code).toBe(500);
    expect(reason()).toMatch(/Data too long for column 'mobile'/);
    expect(emulator.state.users().some((u) => u.realname === '长号')).toBe(false);
  });
});
