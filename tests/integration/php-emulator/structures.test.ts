/** Departments: Structures.php, Structure.php, Common.php (OBSERVED.md §5). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-php-emulator';
import { loginAs, type PhpClient, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: PhpClient;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

interface Dept {
  id: number;
  name: string;
  pid: number;
  level: number;
  owner_user_name?: string | null;
  children?: Dept[];
}

const flat = async () => (await admin.json<Dept[]>('/admin/structures/index')).data;

describe('index', () => {
  it('flat: depth-first, with level, label, structure_id and owner_user_name on every row', async () => {
    const rows = await flat();
    expect(rows.map((d) => [d.id, d.level])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 3],
      [5, 2],
      [6, 2],
    ]);
    expect(rows[0]).toEqual({ id: 1, name: '星河科技', pid: 0, owner_user_id: 1, level: 1, label: '星河科技', structure_id: 1, owner_user_name: '管理员' });
    expect(rows[3]?.owner_user_name).toBeNull();
  });

  it('tree (any truthy type): nested under children, owner_user_name only on the top level', async () => {
    const [root] = (await admin.json<Dept[]>('/admin/structures/index', { type: 1 })).data;
    expect(root?.owner_user_name).toBe('管理员');
    const sales = root!.children!.find((d) => d.id === 2)!;
    expect(sales).not.toHaveProperty('owner_user_name');
    expect(sales.children!.map((d) => d.id)).toEqual([3, 4]);
  });
});

describe('save', () => {
  it('answers 添加成功 without an id; no pid → a second top-level department; a missing parent is accepted', async () => {
    expect((await admin.json('/admin/structures/save', { name: '无上级' })).body).toEqual({ code: 200, data: '添加成功', error: '' });
    expect(emulator.state.structures().at(-1)).toMatchObject({ name: '无上级', pid: 0, ownerUserId: 0 });
    await admin.json('/admin/structures/save', { name: '孤儿', pid: 999 });
    expect(emulator.state.structures().at(-1)).toMatchObject({ name: '孤儿', pid: 999 });
    const names = (await flat()).map((d) => d.name);
    expect(names).toContain('无上级');
    expect(names).not.toContain('孤儿');
  });

  it('without a name: HTTP 500 (system log target_name NULL) but the department exists, named ""', async () => {
    const before = emulator.state.structures().length;
    const reply = await admin.json('/admin/structures/save', { pid: 1 });
    expect(reply.status).toBe(500);
    expect(emulator.state.structures()).toHaveLength(before + 1);
    expect(emulator.state.structures().at(-1)).toMatchObject({ name: '', pid: 1 });
  });

  it('needs admin-users-structures_save', async () => {
    expect((await (await loginAs(emulator, 3)).json('/admin/structures/save', { name: 'x', pid: 1 })).body).toEqual({ code: 102, error: '无权操作' });
    // Role 3 (部门与员工管理员) has it.
    expect((await (await loginAs(emulator, 2)).json('/admin/structures/save', { name: '经理建的', pid: 2 })).code).toBe(200);
  });
});

describe('update', () => {
  it('renames and moves; the root keeps pid 0; name is required', async () => {
    expect((await admin.json('/admin/structures/update', { id: 4, name: '销售二组改', pid: 5, owner_user_id: 4 })).data).toBe('编辑成功');
    expect(emulator.state.structure(4)).toEqual({ id: 4, name: '销售二组改', pid: 5, ownerUserId: 4 });
    await admin.json('/admin/structures/update', { id: 1, name: '星河科技', pid: 2 });
    expect(emulator.state.structure(1)?.pid).toBe(0);
    expect((await admin.json('/admin/structures/update', { id: 4, pid: 2 })).body).toEqual({ code: 400, data: '', error: '部门名称必须填写' });
  });

  it('no cycle check: a department made its own parent vanishes from index', async () => {
    await admin.json('/admin/structures/update', { id: 6, name: '行政部', pid: 6 });
    expect(emulator.state.structure(6)?.pid).toBe(6);
    expect((await flat()).map((d) => d.id)).not.toContain(6);
    await admin.json('/admin/structures/update', { id: 6, name: '行政部', pid: 1 });
  });

  it('unknown id → 暂无此数据; a non-numeric or missing id is concatenated into SQL → HTTP 500', async () => {
    expect((await admin.json('/admin/structures/update', { id: 9999, name: 'x' })).body).toEqual({ code: 400, data: '', error: '暂无此数据' });
    const word = await admin.json('/admin/structures/update', { id: 'abc', name: 'x' });
    expect(word.status).toBe(500);
    expect(word.text).toContain("Unknown column 'abc'");
    expect((await admin.json('/admin/structures/update', { name: 'x' })).text).toContain('1064 You have an error in your SQL syntax');
  });
});

describe('delete', () => {
  it('deletes the department and every sub-department (one transaction)', async () => {
    await admin.json('/admin/structures/save', { name: '临时', pid: 6 });
    const tmp = emulator.state.structures().at(-1)!;
    await admin.json('/admin/structures/save', { name: '临时子', pid: tmp.id });
    expect((await admin.json('/admin/structures/delete', { id: 6 })).body).toEqual({ code: 200, data: '删除成功', error: '' });
    expect(emulator.state.structures().filter((d) => [6, tmp.id, tmp.id + 1].includes(d.id))).toEqual([]);
  });

  it('refuses departments with users below (disabled ones count), top-level ones, unknown and missing ids', async () => {
    emulator.state.mutate({ type: 'moveUser', userId: 6, structureId: 3 });
    expect((await admin.json('/admin/structures/delete', { id: 2 })).error).toBe('该部门或其下属部门已存在员工，不能删除');
    expect((await admin.json('/admin/structures/delete', { id: 1 })).error).toBe('删除失败');
    expect((await admin.json('/admin/structures/delete', { id: 9999 })).error).toBe('删除失败');
    expect((await admin.json('/admin/structures/delete', {})).error).toBe('删除失败');
    expect((await admin.json('/admin/structures/delete', { id: 'abc' })).status).toBe(500);
  });
});
