/** People, their roles and the data scope: Users.php, User.php, Access.php (OBSERVED.md §6, §8.4). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-php-emulator';
import { loginAs, type PhpClient, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: PhpClient;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

interface Row {
  id: number;
  realname: string;
  status: number;
  parent_id: number;
  parent_name: string | null;
  structure_id: number | '';
  s_name: string;
  groups: string;
  groupids: string;
  userIdentity: number;
  status_name: string;
  create_time: string;
}
const list = async (body: Record<string, unknown>) => (await admin.json<{ list: Row[]; dataCount: number }>('/admin/users/index', body)).data;

describe('index', () => {
  it('without status (or group_id) only disabled users are listed', async () => {
    const { list: rows, dataCount } = await list({});
    expect(rows.map((r) => r.id)).toEqual([6]);
    expect(dataCount).toBe(1);
  });

  it('status "all": everyone, with superior, department and roles as comma strings', async () => {
    const { list: rows, dataCount } = await list({ status: 'all' });
    expect(dataCount).toBe(7);
    expect(rows.find((r) => r.id === 3)).toMatchObject({ parent_id: 2, parent_name: '张经理', structure_id: 3, s_name: '销售一组', groups: '销售员', groupids: '10', status_name: '启用' });
    expect(rows.find((r) => r.id === 2)).toMatchObject({ groups: '销售经理,部门与员工管理员', groupids: '9,3', parent_name: '管理员' });
    expect(rows.find((r) => r.id === 4)?.status_name).toBe('未激活');
    expect(rows.find((r) => r.id === 6)?.status_name).toBe('停用');
    expect(rows[0]?.create_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(Object.keys(rows[0]!)).toEqual([
      'id', 'username', 'img', 'thumb_img', 'realname', 'num', 'email', 'mobile', 'sex', 'structure_id', 'post', 'status', 'parent_id', 'type', 'create_time', 's_name',
      'status_name', 'parent_name', 'groups', 'groupids', 'userIdentity',
    ]);
  });

  it('status 1 / 2, group_id (then status > 0), structure_id with and without isNeedChild, search', async () => {
    expect((await list({ status: 2 })).list.map((r) => r.id)).toEqual([4]);
    expect((await list({ group_id: 10 })).list.map((r) => r.id)).toEqual([3, 4]);
    expect((await list({ status: 'all', structure_id: 2 })).list.map((r) => r.id)).toEqual([2]);
    expect((await list({ status: 'all', structure_id: 2, isNeedChild: 1 })).list.map((r) => r.id)).toEqual([2, 3, 4, 6]);
    expect((await list({ status: 'all', search: '销售' })).list.map((r) => r.id)).toEqual([3]);
  });

  it('userIdentity: 0 for user 1, 1 for the owner of the filtered department; the page is sorted by it, then id', async () => {
    const rows = (await list({ status: 'all', structure_id: 1, isNeedChild: 1 })).list;
    expect(rows.map((r) => [r.id, r.userIdentity])).toEqual([
      [1, 0],
      [2, 2],
      [3, 2],
      [4, 2],
      [5, 2],
      [6, 2],
      [7, 2],
    ]);
    const sales = (await list({ status: 'all', structure_id: 2, isNeedChild: 1 })).list;
    expect(sales.map((r) => [r.id, r.userIdentity])).toEqual([
      [2, 1],
      [3, 2],
      [4, 2],
      [6, 2],
    ]);
  });

  it('SQL pages by status 1, 2, 0 then id, each page then re-sorted by id; pageType = no paging', async () => {
    // SQL order 1, 2, 3, 5, 7 (status 1), 4 (status 2), 6 (status 0): page 2 holds 5, 7, 4 and shows them as 4, 5, 7.
    expect((await list({ status: 'all', page: 2, limit: 3 })).list.map((r) => r.id)).toEqual([4, 5, 7]);
    expect((await list({ status: 'all', page: 3, limit: 3 })).list.map((r) => r.id)).toEqual([6]);
    expect((await list({ status: 'all', limit: 2, pageType: 'all' })).list).toHaveLength(7);
  });

  it('any other key becomes a WHERE condition: a column filters, an unknown one or `id` (ambiguous) is HTTP 500; page 0 is a LIMIT syntax error', async () => {
    expect((await list({ status: 'all', realname: '李销售' })).list.map((r) => r.id)).toEqual([3]);
    const unknown = await admin.json('/admin/users/index', { status: 'all', foo: 1 });
    expect([unknown.status, unknown.text.includes("Unknown column 'foo' in 'where clause'")]).toEqual([500, true]);
    expect((await admin.json('/admin/users/index', { status: 'all', id: 1 })).text).toContain("Column 'id' in where clause is ambiguous");
    expect((await admin.json('/admin/users/index', { status: 'all', page: 0 })).text).toContain("near '-15,15'");
  });
});

describe('save', () => {
  const valid = { username: '13900000001', password: 'abc12345', realname: '新同事', structure_id: 3, parent_id: 2, group_id: [10] };

  it('validation messages in rule order, group_id must be an array', async () => {
    const error = async (body: Record<string, unknown>) => (await admin.json('/admin/users/save', body)).error;
    expect(await error({ ...valid, group_id: 10 })).toBe('请至少勾选一个用户组');
    expect(await error({ ...valid, realname: '' })).toBe('姓名必须填写');
    expect(await error({ ...valid, username: '13800000002' })).toBe('手机号码已存在');
    expect(await error({ ...valid, username: 'alice' })).toBe('手机号码格式错误');
    expect(await error({ ...valid, structure_id: undefined })).toBe('请选择所属部门');
    expect(await error({ ...valid, password: undefined })).toBe('密码必须填写');
    expect(await error({ ...valid, password: '12345678' })).toBe('密码由6-20位字母、数字组成');
  });

  it('answers 添加成功 (no id); the user is status 2 with mobile = username, its roles as sent (unknown ones too)', async () => {
    expect((await admin.json('/admin/users/save', { ...valid, status: 1, group_id: [10, 99999] })).body).toEqual({ code: 200, data: '添加成功', error: '' });
    const created = emulator.state.users().at(-1)!;
    expect(created).toMatchObject({ username: '13900000001', realname: '新同事', status: 2, mobile: '13900000001', structureId: 3, parentId: 2, groupIds: [10, 99999] });
  });

  it('a realname in use gets a number appended', async () => {
    await admin.json('/admin/users/save', { ...valid, username: '13900000002' });
    expect(emulator.state.users().at(-1)?.realname).toBe('新同事1');
  });
});

describe('update', () => {
  it('replaces the roles; group_id is required; username is ignored; fields not sent stay', async () => {
    expect((await admin.json('/admin/users/update', { id: 5, realname: '赵客服', group_id: [11, 9] })).data).toBe('编辑成功');
    expect(emulator.state.user(5)?.groupIds).toEqual([11, 9]);
    expect((await admin.json('/admin/users/update', { id: 5, realname: 'x' })).error).toBe('请至少勾选一个用户组');
    await admin.json('/admin/users/update', { id: 5, username: '13999999999', post: '组长', group_id: [11] });
    expect(emulator.state.user(5)).toMatchObject({ username: '13800000005', post: '组长', parentId: 1, structureId: 5, groupIds: [11] });
  });

  it('a scalar group_id (a plain form field) deletes every role and inserts none — and answers 编辑成功', async () => {
    expect((await admin.form('/admin/users/update', 'id=5&realname=%E8%B5%B5%E5%AE%A2%E6%9C%8D&group_id=11')).data).toBe('编辑成功');
    expect(emulator.state.user(5)?.groupIds).toEqual([]);
    await admin.form('/admin/users/update', 'id=5&group_id%5B%5D=11');
    expect(emulator.state.user(5)?.groupIds).toEqual([11]);
  });

  it('the superior may not be the user or one of their subordinates (user 1 excepted)', async () => {
    expect((await admin.json('/admin/users/update', { id: 2, parent_id: 2, group_id: [9] })).error).toBe('直属上级不能是自己');
    expect((await admin.json('/admin/users/update', { id: 2, parent_id: 6, group_id: [9] })).error).toBe('直属上级不能是自己或下属');
    expect((await admin.json('/admin/users/update', { id: 9999, group_id: [9] })).error).toBe('暂无此数据');
    expect((await admin.json('/admin/users/update', { id: 'abc', group_id: [9] })).error).toBe('暂无此数据');
  });

  it('without id: the caller edits their own email, sex, realname and post only', async () => {
    const seller = await loginAs(emulator, 3);
    await seller.json('/admin/users/update', { realname: '李销售', post: '高级销售', email: 'li@example.com', structure_id: 1 });
    expect(emulator.state.user(3)).toMatchObject({ post: '高级销售', email: 'li@example.com', structureId: 3 });
  });
});

describe('enables', () => {
  it('any status is written; a missing status disables; user 1 is left out of a disable', async () => {
    expect((await admin.json('/admin/users/enables', { id: [4, 7], status: 2 })).data).toBe('操作成功');
    expect([emulator.state.user(4)?.status, emulator.state.user(7)?.status]).toEqual([2, 2]);
    await admin.json('/admin/users/enables', { id: [4] });
    expect(emulator.state.user(4)?.status).toBe(0);
    expect((await admin.json('/admin/users/enables', { id: 1, status: 0 })).body).toEqual({ code: 400, data: '', error: '参数错误' });
    await admin.json('/admin/users/enables', { id: [1, 7], status: 0 });
    expect([emulator.state.user(1)?.status, emulator.state.user(7)?.status]).toEqual([1, 0]);
    await admin.json('/admin/users/enables', { id: [4, 7], status: 1 });
  });

  it('needs admin-users-enables', async () => {
    expect((await (await loginAs(emulator, 3)).json('/admin/users/enables', { id: [4], status: 0 })).code).toBe(102);
  });
});

describe('role assignment', () => {
  it('users/groups adds roles to users and to everyone directly in the departments', async () => {
    expect((await admin.json('/admin/users/groups', { users: [3], structures: [5], groups: [12] })).data).toBe('创建成功');
    expect(emulator.state.user(3)?.groupIds).toEqual([10, 12]);
    expect(emulator.state.user(5)?.groupIds).toEqual([11, 12]);
    expect((await admin.json('/admin/users/groups', { groups: [12] })).error).toBe('请选择员工');
    expect((await admin.json('/admin/users/groups', { users: [3] })).error).toBe('请选择角色');
  });

  it('users/groups with a user id that does not exist: access row written, then HTTP 500 from the system log', async () => {
    const reply = await admin.json('/admin/users/groups', { users: [3, 9999, 4], groups: [7] });
    expect(reply.status).toBe(500);
    expect(emulator.state.access().filter((a) => a.groupId === 7).map((a) => a.userId)).toEqual([3, 9999]);
  });

  it('users/groupsDel removes one role but never the last one', async () => {
    expect((await admin.json('/admin/users/groupsDel', { user_id: 3, group_id: 12 })).data).toBe('删除成功');
    expect((await admin.json('/admin/users/groupsDel', { user_id: 3, group_id: 12 })).error).toBe('操作失败，请重试');
    expect((await admin.json('/admin/users/groupsDel', { user_id: 9999, group_id: 7 })).error).toBe('员工至少保留一个角色！');
  });

  it('users/copyRole replaces roles without any permission check', async () => {
    const seller = await loginAs(emulator, 3);
    expect((await seller.json('/admin/users/copyRole', { user_id: [4], group_id: [9, 2] })).data).toBe('操作成功！');
    expect(emulator.state.user(4)?.groupIds).toEqual([9, 2]);
    await admin.json('/admin/users/copyRole', { user_id: [4], group_id: [10] });
  });

  it('users/setUserDept answers by the *last* user only: unchanged → 修改失败 though the others moved', async () => {
    expect((await admin.json('/admin/users/setUserDept', { id: [4, 3], structure_id: 3 })).error).toBe('修改失败，请稍后重试');
    expect(emulator.state.user(4)?.structureId).toBe(3);
    expect((await admin.json('/admin/users/setUserDept', { id: [4], structure_id: 4 })).data).toBe('操作成功');
  });

  it('users/read: the row without password, with structure_name / parent_name, no roles', async () => {
    const { data } = await admin.json<Record<string, unknown>>('/admin/users/read', { id: 3 });
    expect(data).toMatchObject({ id: 3, structure_name: '销售一组', parent_name: '张经理', create_time: expect.any(Number) });
    expect(data).not.toHaveProperty('password');
    expect((await admin.json('/admin/users/read', { id: 'abc' })).error).toBe('暂无此数据');
  });
});

describe('data scope (admin_group.type) through users/getUserList {m, c, a}', () => {
  const scopeOf = async (client: PhpClient) =>
    (await client.json<{ id: number }[]>('/admin/users/getUserList', { m: 'crm', c: 'customer', a: 'index' })).data.map((u) => u.id).sort((a, b) => a - b);

  it('1 本人, 2 本人及下属, 3 本部门, 4 本部门及下属部门, 5 全部; no grant of the action → nobody', async () => {
    const manager = await loginAs(emulator, 2);
    const setScope = (dataScope: number) => emulator.state.mutate({ type: 'setDataScope', groupId: 9, dataScope });
    setScope(1);
    expect(await scopeOf(manager)).toEqual([2]);
    // Users 8 and 9 (created above) report to user 2 and sit in department 3; user 6 is disabled (listed users have status > 0).
    setScope(2);
    expect(await scopeOf(manager)).toEqual([2, 3, 4, 8, 9]);
    setScope(3);
    expect(await scopeOf(manager)).toEqual([2]);
    emulator.state.mutate({ type: 'moveUser', userId: 4, structureId: 5 });
    setScope(4);
    expect(await scopeOf(manager)).toEqual([2, 3, 8, 9]);
    setScope(5);
    expect(await scopeOf(manager)).toEqual([1, 2, 3, 4, 5, 7, 8, 9]);
    const agent = await loginAs(emulator, 5);
    expect((await agent.json('/admin/users/getUserList', { m: 'crm', c: 'leads', a: 'index' })).data).toEqual([]);
  });

  it('with several roles holding the action the *last* one wins, not the widest', async () => {
    emulator.state.mutate({ type: 'assignGroup', userId: 3, groupId: 9 });
    emulator.state.mutate({ type: 'setDataScope', groupId: 9, dataScope: 1 });
    emulator.state.mutate({ type: 'setDataScope', groupId: 10, dataScope: 4 });
    expect(await scopeOf(await loginAs(emulator, 3))).toEqual([3]);
  });

  it('"everyone" is whoever the parent_id tree reaches from 0: a user with a missing superior is left out', async () => {
    emulator.state.mutate({ type: 'setParent', userId: 5, parentId: 999 });
    expect(await scopeOf(admin)).toEqual([1, 2, 3, 4, 7, 8, 9]);
    emulator.state.mutate({ type: 'setParent', userId: 5, parentId: 1 });
  });
});
