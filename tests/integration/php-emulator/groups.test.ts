/** Roles: Groups.php + Group.php (OBSERVED.md §3). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-php-emulator';
import { type GroupRow, listGroups, newestGroup, type PhpClient, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: PhpClient;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

const saveRole = async (body: Record<string, unknown>, pid = 2) => {
  const reply = await admin.json('/admin/groups/save', { pid, ...body });
  return { reply, role: await newestGroup(admin, pid) };
};

describe('typeList and index', () => {
  it('typeList: four categories, the last pid a string "9"', async () => {
    const reply = await admin.json('/admin/groups/typeList');
    expect(reply.text).toBe('{"code":200,"data":[{"name":"系统管理角色","pid":1},{"name":"办公管理角色","pid":6},{"name":"客户管理角色","pid":2},{"name":"项目管理角色","pid":"9"}],"error":""}');
  });

  it('index {pid}: rules as the stored ",a,b," string; no pid at all → [] (pid IS NULL)', async () => {
    const roles = await listGroups(admin, 2);
    expect(roles.map((r) => r.id)).toEqual([9, 10, 11]);
    expect(roles[1]).toEqual({ id: 10, pid: 2, title: '销售员', rules: expect.stringMatching(/^,1,2,3,.*,82,$/), remark: '一线销售', status: 1, type: 1, types: 0, system: 0 });
    expect((await admin.json('/admin/groups/index')).data).toEqual([]);
  });

  it('index {tree: 1}: every category with its roles; category 1 leaves out types 7, category 9 takes them', async () => {
    const tree = (await admin.json<{ pid: number | string; list: GroupRow[] }[]>('/admin/groups/index', { tree: 1 })).data;
    expect(tree.map((t) => [t.pid, t.list.map((r) => r.id)])).toEqual([
      [1, [1, 2, 3, 4, 5, 6, 7]],
      [6, [12]],
      [2, [9, 10, 11]],
      ['9', [8, 15]],
    ]);
  });

  it('index {pid, rules: 1}: rules become {data, bi} of *string* ids, split by the category rule types, others dropped', async () => {
    emulator.state.mutate({ type: 'setRules', groupId: 11, ruleIds: [14, 1, 11, 82, 81, 80, 138, 99999] });
    const role = (await admin.json<GroupRow[]>('/admin/groups/index', { pid: 2, rules: 1 })).data.find((r) => r.id === 11)!;
    expect(role.rules).toEqual({ data: ['14', '1', '11'], bi: ['82', '81', '80'] });
    expect(emulator.state.group(11)?.ruleIds).toEqual([14, 1, 11, 82, 81, 80, 138, 99999]);
  });

  it('index {pid: 1, rules: 1}: the system category has no bi types, and its roles report type 0', async () => {
    const roles = (await admin.json<GroupRow[]>('/admin/groups/index', { pid: 1, rules: 1 })).data;
    expect(roles.find((r) => r.id === 3)).toMatchObject({ type: 0, rules: { data: ['130', '137', '138', '139', '140', '141', '142', '143', '144'], bi: [] } });
    expect(emulator.state.group(3)?.type).toBe(5);
  });

  it('index {pid, type}: type is an exact data-scope filter', async () => {
    expect((await admin.json<GroupRow[]>('/admin/groups/index', { pid: 2, type: 4 })).data.map((r) => r.id)).toEqual([9]);
    expect((await admin.json('/admin/groups/index', { pid: 2, type: 2 })).data).toEqual([]);
  });
});

describe('save', () => {
  it('answers {"data":1} — no id — and stores the rules exactly as given (no parent ids)', async () => {
    const { reply, role } = await saveRole({ title: '只看客户', type: 2, remark: 'r', rules: [14, 13, 14, 0, ''] });
    expect(reply.body).toEqual({ code: 200, data: 1, error: '' });
    expect(role).toMatchObject({ title: '只看客户', rules: ',14,13,', type: 2, remark: 'r', status: 1, types: 0 });
  });

  it('a rules string is wrapped, not split: ",13,14," is stored as ",,13,14,,"', async () => {
    const { role } = await saveRole({ title: '字符串规则', rules: ',13,14,' });
    expect(role.rules).toBe(',,13,14,,');
    expect(emulator.state.group(role.id)?.ruleIds).toEqual([13, 14]);
  });

  it('a customer role (pid 2) gets its eight field grants; other categories none', async () => {
    const { role } = await saveRole({ title: '有字段授权' });
    expect(emulator.state.fieldGrants(role.id).map((g) => g.column)).toEqual(['leads', 'customer', 'contacts', 'business', 'contract', 'receivables', 'product', 'visit']);
    const office = await saveRole({ title: '办公角色' }, 6);
    expect(emulator.state.fieldGrants(office.role.id)).toEqual([]);
  });

  it('types is dropped; any type value is stored; title duplicates are fine; no pid/type → 0 / 1', async () => {
    const { role } = await saveRole({ title: '有字段授权', types: 1, type: 9 });
    expect(emulator.state.group(role.id)).toMatchObject({ types: 0, type: 9, title: '有字段授权' });
    await admin.json('/admin/groups/save', { title: '无分类' });
    expect(emulator.state.groups().at(-1)).toMatchObject({ title: '无分类', pid: 0, type: 1 });
    await admin.json('/admin/groups/save', { title: '坏类型', pid: 2, type: 'abc' });
    expect(emulator.state.groups().at(-1)).toMatchObject({ title: '坏类型', type: 0 });
  });

  it('a key that is no column: HTTP 500 (fields_strict), nothing inserted', async () => {
    const before = emulator.state.groups().length;
    const reply = await admin.json('/admin/groups/save', { title: 'x', pid: 2, foo: 'bar' });
    expect(reply.status).toBe(500);
    expect(reply.contentType).toMatch(/^text\/html/);
    expect(reply.text).toContain('<h1>数据表字段不存在:[foo]</h1>');
    expect(emulator.state.groups()).toHaveLength(before);
  });

  it('without a title: HTTP 500 from the system log (target_name NULL), yet the role row exists — without field grants', async () => {
    const before = emulator.state.groups().length;
    const reply = await admin.json('/admin/groups/save', { pid: 2, type: 1, rules: [13] });
    expect(reply.status).toBe(500);
    expect(reply.text).toContain("1048 Column 'target_name' cannot be null");
    const created = emulator.state.groups().at(-1)!;
    expect(emulator.state.groups()).toHaveLength(before + 1);
    expect(created).toMatchObject({ title: '', pid: 2, rules: ',13,' });
    expect(emulator.state.fieldGrants(created.id)).toEqual([]);
  });
});

describe('update', () => {
  let id: number;
  beforeAll(async () => {
    id = (await saveRole({ title: '更新对象', type: 1, rules: [13] })).role.id;
  });
  const stored = () => emulator.state.group(id)!;
  const update = (body: Record<string, unknown>) => admin.json('/admin/groups/update', { id, ...body });

  it('without title: rules get their parent and grandparent ids appended (level 3 → 2 → 1, level 2 → 1)', async () => {
    expect((await update({ rules: [16, 17] })).body).toEqual({ code: 200, data: '编辑成功', error: '' });
    expect(stored().rules).toBe(',16,17,11,1,');
    await update({ rules: [13, 14, 82], type: 3 });
    expect(stored()).toMatchObject({ rules: ',13,14,82,11,1,81,80,', type: 3 });
    await update({ rules: [2, 80] });
    expect(stored().rules).toBe(',2,80,1,');
  });

  it('with a title: rules are ignored entirely, while title and type are written', async () => {
    await update({ rules: [13] });
    await update({ title: '改名了', rules: [5, 6], type: 5 });
    expect(stored()).toMatchObject({ title: '改名了', rules: ',13,11,1,', type: 5 });
  });

  it('without title and without rules (or with []), the rules are wiped', async () => {
    await update({ rules: [13] });
    await update({ type: 2 });
    expect(stored()).toMatchObject({ rules: '', type: 2 });
    await update({ rules: [13] });
    await update({ rules: [] });
    expect(stored().rules).toBe('');
  });

  it('title "" counts as no title: the title is emptied and the rules applied', async () => {
    await update({ title: '', rules: [13] });
    expect(stored()).toMatchObject({ title: '', rules: ',13,11,1,' });
    await update({ title: '更新对象' });
  });

  it('keeps unknown and foreign rule ids, maps type "work" to 1, accepts a comma string and form lists', async () => {
    await update({ rules: [99999, 138] });
    expect(stored().rules).toBe(',99999,138,137,130,');
    await update({ rules: [13], type: 'work' });
    expect(stored().type).toBe(1);
    await update({ rules: '13,14' });
    expect(stored().rules).toBe(',13,14,11,1,');
    await admin.form('/admin/groups/update', `id=${id}&rules%5B%5D=5&type=4`);
    expect(stored()).toMatchObject({ rules: ',5,2,1,', type: 4 });
  });

  it('answers 编辑成功 also when nothing changed; an unknown, non-numeric or missing id is 参数错误', async () => {
    await update({ rules: [13] });
    expect((await update({ rules: [13] })).data).toBe('编辑成功');
    for (const body of [{ id: 99999, rules: [13] }, { id: 'abc', rules: [13] }, { rules: [13] }]) {
      expect((await admin.json('/admin/groups/update', body)).body).toEqual({ code: 400, data: '', error: '参数错误' });
    }
  });

  it('an unknown key: HTTP 500 and nothing changed', async () => {
    const before = stored();
    expect((await update({ rules: [14], foo: 1 })).status).toBe(500);
    expect(stored()).toEqual(before);
  });
});

describe('delete, enables, copy', () => {
  it('delete: built-in admin roles (types ≠ 0) refused; others removed with their grants, their users keep the dangling access row', async () => {
    expect((await admin.json('/admin/groups/delete', { id: 2 })).body).toEqual({ code: 400, data: '', error: '系统角色，不能删除' });
    expect((await admin.json('/admin/groups/delete', { id: 10 })).body).toEqual({ code: 200, data: '删除成功', error: '' });
    expect(emulator.state.group(10)).toBeUndefined();
    expect(emulator.state.fieldGrants(10)).toEqual([]);
    expect(emulator.state.user(3)?.groupIds).toEqual([10]);
    expect((await admin.json('/admin/groups/delete', { id: 10 })).error).toBe('参数错误');
    expect((await admin.json('/admin/groups/delete', {})).error).toBe('参数错误');
  });

  it('delete {id: [a, b]}: found by IN, then "id = Array" → HTTP 500, nothing deleted', async () => {
    const reply = await admin.json('/admin/groups/delete', { id: [9, 11] });
    expect(reply.status).toBe(500);
    expect(reply.text).toContain("Unknown column 'Array'");
    expect(emulator.state.group(9)).toBeDefined();
  });

  it('enables: JSON status 0 disables; built-in roles get the *delete* message', async () => {
    expect((await admin.json('/admin/groups/enables', { id: 9, status: 0 })).data).toBe('操作成功');
    expect(emulator.state.group(9)?.status).toBe(0);
    await admin.json('/admin/groups/enables', { id: 9, status: 1 });
    expect(emulator.state.group(9)?.status).toBe(1);
    expect((await admin.json('/admin/groups/enables', { id: 2, status: 0 })).error).toBe('系统角色，不能删除');
  });

  it('enables with the *string* "0" and a scalar id (a form) answers 操作成功 and changes nothing', async () => {
    expect((await admin.form('/admin/groups/enables', 'id=9&status=0')).data).toBe('操作成功');
    expect(emulator.state.group(9)?.status).toBe(1);
  });

  it('copy: title + "(count of that exact title)", built-in marker dropped, customer grants copied, no id returned', async () => {
    expect((await admin.json('/admin/groups/copy', { id: 9 })).body).toEqual({ code: 200, data: '操作成功', error: '' });
    await admin.json('/admin/groups/copy', { id: 9 });
    const copies = emulator.state.groups().filter((g) => g.title === '销售经理(1)');
    expect(copies).toHaveLength(2);
    expect(copies[0]).toMatchObject({ pid: 2, rules: emulator.state.group(9)!.rules, type: 4, types: 0 });
    expect(emulator.state.fieldGrants(copies[0]!.id).map((g) => g.content)).toEqual(emulator.state.fieldGrants(9).map((g) => g.content));
    await admin.json('/admin/groups/copy', { id: 2 });
    const sysCopy = emulator.state.groups().at(-1)!;
    expect(sysCopy).toMatchObject({ title: '系统设置管理员(1)', pid: 1, types: 0 });
    expect((await admin.json('/admin/groups/delete', { id: sysCopy.id })).code).toBe(200);
    expect((await admin.json('/admin/groups/copy', { id: 99999 })).error).toBe('参数错误');
  });
});
