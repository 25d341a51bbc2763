/** Paged user list with filters, and the user rules 1109 / 1130 / 1141 / 1107 / 1106 / 1142 / 1116 / 1113 (reference §3). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, loginAs, startWithAdmin } from './client';

interface Page {
  list: { userId: number; roleId: string | null; roleName: string | null; parentId: number; userIdentity: number; deptName: string }[];
  totalRow: number;
  totalPage: number;
  pageSize: number;
  pageNumber: number;
  firstPage: boolean;
  lastPage: boolean;
}

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

describe('queryUserList', () => {
  it('pages as BasePage', async () => {
    const first = await admin.json<Page>('/adminUser/queryUserList', { page: 1, limit: 3 });
    expect(first.data).toMatchObject({ totalRow: 7, totalPage: 3, pageSize: 3, pageNumber: 1, firstPage: true, lastPage: false });
    const last = await admin.json<Page>('/adminUser/queryUserList', { page: 3, limit: 3 });
    expect(last.data).toMatchObject({ pageNumber: 3, firstPage: false, lastPage: true });
    expect(last.data.list).toHaveLength(1);
    const all = await admin.json<Page>('/adminUser/queryUserList', { pageType: 0 });
    // ORDER BY user_id = 14773 DESC, status DESC (AdminUserMapper.xml): the super admin, then inactive (2),
    // active (1), disabled (0).
    expect(all.data.list.map((u) => u.userId)).toEqual([14773, 106, 101, 102, 103, 104, 105]);
    expect((await admin.json<Page>('/adminUser/queryUserList', { limit: 1000 })).data.pageSize).toBe(100);
  });

  it('renders roles as comma-separated strings and marks the super admin', async () => {
    const all = (await admin.json<Page>('/adminUser/queryUserList', { pageType: 0 })).data.list;
    // Role ids in primary-key order (listByIds), not assignment order.
    expect(all.find((u) => u.userId === 103)).toMatchObject({ roleId: '180168,180170', roleName: '公告管理员,销售员角色', parentId: 102, deptName: '华东销售组' });
    expect(all.find((u) => u.userId === 14773)?.userIdentity).toBe(0);
  });

  it('filters by department (with or without sub-departments), role, name or mobile, and label', async () => {
    const ids = async (filter: object) => (await admin.json<Page>('/adminUser/queryUserList', { pageType: 0, ...filter })).data.list.map((u) => u.userId);
    expect(await ids({ deptId: 2 })).toEqual([101]);
    expect(await ids({ deptId: 2, isNeedChild: 1 })).toEqual([101, 102, 103]);
    expect(await ids({ roleId: 180170 })).toEqual([106, 102, 103, 105]);
    expect(await ids({ realname: '王' })).toEqual([103]);
    expect(await ids({ realname: '0104' })).toEqual([104]);
    expect(await ids({ label: 3 })).toEqual([105]);
    expect((await admin.json<Page>('/adminUser/queryUserList', { pageType: 0, deptId: 2 })).data.list[0]?.userIdentity).toBe(1);
  });
});

describe('setUser', () => {
  const base = { userId: 102, realname: '李四', deptId: 3, roleId: '180170' };

  it('refuses a subordinate as superior (1109) and the user itself (1130)', async () => {
    expect((await admin.json('/adminUser/setUser', { ...base, userId: 101, realname: '张三', deptId: 2, roleId: '180169', parentId: 103 })).code).toBe(1109);
    expect((await admin.json('/adminUser/setUser', { ...base, parentId: 102 })).code).toBe(1130);
  });

  it('refuses a real name another user has (1141)', async () => {
    expect((await admin.json('/adminUser/setUser', { ...base, realname: '王五', parentId: 101 })).code).toBe(1141);
  });

  it('replaces the roles with the roleId CSV, and a missing parentId clears the superior', async () => {
    expect((await admin.json('/adminUser/setUser', { ...base, roleId: '180170,180168', post: '销售' })).code).toBe(0);
    expect(emulator.state.user(102)).toMatchObject({ parentId: 0, post: '销售', roleIds: [180170, 180168] });
    await admin.json('/adminUser/setUser', { ...base, parentId: 101 });
    expect(emulator.state.user(102)).toMatchObject({ parentId: 101, roleIds: [180170] });
  });
});

describe('other user writes', () => {
  it('moves users with setUserDept; an unknown department is 1142', async () => {
    expect((await admin.json('/adminUser/setUserDept', { deptId: 999, userIdList: [106] })).code).toBe(1142);
    expect((await admin.json('/adminUser/setUserDept', { deptId: 2, userIdList: [106] })).code).toBe(0);
    expect(emulator.state.user(106)?.deptId).toBe(2);
    expect((await admin.json('/adminUser/setUserDept', { deptId: 999, userIdList: [] })).code).toBe(0);
  });

  it('disables (super admin 1116; the user is logged out) and enables (needs a role, 1113)', async () => {
    expect((await admin.json('/adminUser/setUserStatus', { ids: [14773], status: 0 })).code).toBe(1116);
    const user = await loginAs(emulator, '13800000103');
    expect((await admin.json('/adminUser/setUserStatus', { ids: [103], status: 0 })).code).toBe(0);
    expect(await user.json('/adminUser/queryLoginUser')).toMatchObject({ code: 302, data: null });
    emulator.state.db.prepare('DELETE FROM wk_admin_user_role WHERE user_id = 103').run();
    expect((await admin.json('/adminUser/setUserStatus', { ids: [103], status: 1 })).code).toBe(1113);
  });

  it('adds a user (status 2, no id returned): 1107 for a taken login, 1106 for a weak password', async () => {
    const user = { username: '13900000001', password: 'abc12345', realname: '新人', deptId: 4, roleId: '180170' };
    expect((await admin.json('/adminUser/addUser', user)).data).toBeNull();
    expect(emulator.state.users().find((u) => u.username === '13900000001')).toMatchObject({ status: 2, roleIds: [180170] });
    expect((await admin.json('/adminUser/addUser', { ...user, realname: '新人二' })).code).toBe(1107);
    expect((await admin.json('/adminUser/addUser', { ...user, username: '13900000002', realname: '新人三', password: '123456' })).code).toBe(1106);
  });
});
