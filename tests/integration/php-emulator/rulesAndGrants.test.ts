/** The rule tree (Rules.php, Rule.php, Category.php, Tree.php) and field grants (FieldGrant.php, FieldGrantLogic.php). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-php-emulator';
import { loginAs, type PhpClient, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: PhpClient;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

interface Node {
  id: number;
  name: string;
  level: number;
  children?: Node[];
  [key: string]: unknown;
}
const ids = (nodes: Node[]): number[] => nodes.flatMap((n) => [n.id, ...ids(n.children ?? [])]);

describe('rules/index', () => {
  it('type "tree": nested under children, no pid key, label = name, structure_id = id, check false', async () => {
    const tree = (await admin.json<Node[]>('/admin/rules/index', { type: 'tree', pid: 1 })).data;
    expect(tree).toHaveLength(1);
    const [root] = tree;
    expect(Object.keys(root!)).toEqual(['id', 'types', 'title', 'name', 'level', 'status', 'label', 'structure_id', 'check', 'children']);
    expect(root).toMatchObject({ id: 130, name: 'admin', level: 1, label: 'admin', structure_id: 130, check: false });
    const groups = root!.children!.find((c) => c.name === 'groups')!;
    expect(groups.children).toEqual([{ id: 146, types: 0, title: '角色权限设置', name: 'update', level: 3, status: 1, label: 'update', structure_id: 146, check: false }]);
  });

  it('the tree leaves out disabled rules (and their children); the flat list keeps them and has pid', async () => {
    const tree = ids((await admin.json<Node[]>('/admin/rules/index', { type: 'tree', pid: 2 })).data);
    expect(tree).toContain(80);
    expect(tree).not.toContain(85);
    expect(tree).not.toContain(86);
    const flat = (await admin.json<Node[]>('/admin/rules/index', { pid: 2 })).data;
    expect(flat.find((r) => r.id === 85)).toEqual({ id: 85, types: 6, title: '产品分析', name: 'product', level: 2, pid: 80, status: 0 });
    expect(flat.every((r) => r.types === 2 || r.types === 6)).toBe(true);
  });

  it('category → rule types: 0/2 → 2+6 (the default), 1 → 0, 5 → 3, 6 → 1+7, other X → X', async () => {
    const typesOf = async (pid?: number) => [...new Set((await admin.json<Node[]>('/admin/rules/index', pid === undefined ? {} : { pid })).data.map((r) => r.types))];
    expect(await typesOf()).toEqual([2, 6]);
    expect(await typesOf(1)).toEqual([0]);
    expect(await typesOf(5)).toEqual([3]);
    expect(await typesOf(6)).toEqual([7, 1]);
    expect(await typesOf(9)).toEqual([]);
  });

  it('rule id 31 is hidden from the tree whatever it is (hard-coded in Rule.php)', async () => {
    emulator.state.mutate({ type: 'addRule', id: 31, pid: 25, name: 'excelExport', title: '导出', level: 3, types: 2 });
    const contacts = (await admin.json<Node[]>('/admin/rules/index', { type: 'tree' })).data[0]!.children!.find((c) => c.name === 'contacts')!;
    expect(ids(contacts.children!)).not.toContain(31);
    expect((await admin.json<Node[]>('/admin/rules/index', {})).data.map((r) => r.id)).toContain(31);
  });

  it('`type: 0` is a tree too (PHP 7: 0 == "tree")', async () => {
    expect((await admin.json<Node[]>('/admin/rules/index', { type: 0, pid: 1 })).data[0]).toHaveProperty('children');
  });
});

interface Grant {
  grant_id: number;
  content: Record<string, unknown>[] | null;
}

describe('fieldGrant', () => {
  it('index: {grant_id, content} of one role × module × column, content unserialized', async () => {
    const reply = await admin.json<Grant>('/admin/fieldGrant/index', { module: 'crm', column: 'customer', role_id: 9 });
    expect(Object.keys(reply.data)).toEqual(['grant_id', 'content']);
    expect(reply.data.content![0]).toEqual({ field: 'name', read: 1, read_operation: 0, write: 1, write_operation: 1, is_diy: 0, name: '客户名称' });
    // admin_field's custom CRM field of the column comes last, all flags 1.
    expect(reply.data.content!.at(-1)).toEqual({ name: '客户标签', field: 'crm_tag', read: 1, read_operation: 1, write: 1, write_operation: 1, is_diy: 1 });
  });

  it('index for a role without grants creates all eight first; unknown role or params → []', async () => {
    expect(emulator.state.fieldGrants(12)).toEqual([]);
    const reply = await admin.json<Grant>('/admin/fieldGrant/index', { module: 'crm', column: 'leads', role_id: 12 });
    expect(reply.data.grant_id).toBeGreaterThan(0);
    expect(emulator.state.fieldGrants(12)).toHaveLength(8);
    expect((await admin.json('/admin/fieldGrant/index', { module: 'crm', column: 'leads', role_id: 99999 })).data).toEqual([]);
    expect((await admin.json('/admin/fieldGrant/index', {})).data).toEqual([]);
  });

  it('index for a column that never gets a row inserts eight duplicates on every call', async () => {
    const before = emulator.state.fieldGrants(9).length;
    expect((await admin.json('/admin/fieldGrant/index', { module: 'oa', column: 'x', role_id: 9 })).data).toEqual([]);
    await admin.json('/admin/fieldGrant/index', { module: 'crm', column: 'nosuch', role_id: 9 });
    expect(emulator.state.fieldGrants(9)).toHaveLength(before + 16);
  });

  it('update replaces the whole list by grant_id (values as sent), index reads it back', async () => {
    const { grant_id } = (await admin.json<Grant>('/admin/fieldGrant/index', { module: 'crm', column: 'leads', role_id: 11 })).data;
    const content = [{ field: 'name', read: 1, read_operation: 0, write: 0, write_operation: 0, is_diy: 0, name: '线索名称' }];
    expect((await admin.json('/admin/fieldGrant/update', { grant_id, content })).body).toEqual({ code: 200, data: '更新授权信息成功！', error: '' });
    expect((await admin.json<Grant>('/admin/fieldGrant/index', { module: 'crm', column: 'leads', role_id: 11 })).data).toEqual({ grant_id, content });
    // An object keyed by anything: its values, verbatim.
    await admin.json('/admin/fieldGrant/update', { grant_id, content: { a: { field: 'name', read: 1 }, b: { field: 'x', junk: true } } });
    expect(emulator.state.fieldGrants(11).find((g) => g.grantId === grant_id)?.content).toEqual([{ field: 'name', read: 1 }, { field: 'x', junk: true }]);
    // A form keeps strings.
    await admin.form('/admin/fieldGrant/update', `grant_id=${grant_id}&content%5B0%5D%5Bfield%5D=name&content%5B0%5D%5Bread%5D=1`);
    expect(emulator.state.fieldGrants(11).find((g) => g.grantId === grant_id)?.content).toEqual([{ field: 'name', read: '1' }]);
  });

  it('update: unknown grant_id still succeeds; a string content stores null; empty content or id are refused', async () => {
    expect((await admin.json('/admin/fieldGrant/update', { grant_id: 99999, content: [{ field: 'name' }] })).data).toBe('更新授权信息成功！');
    const { grant_id } = (await admin.json<Grant>('/admin/fieldGrant/index', { module: 'crm', column: 'visit', role_id: 11 })).data;
    expect((await admin.json('/admin/fieldGrant/update', { grant_id, content: 'abc' })).code).toBe(200);
    expect((await admin.json<Grant>('/admin/fieldGrant/index', { module: 'crm', column: 'visit', role_id: 11 })).data).toEqual({ grant_id, content: null });
    expect((await admin.json('/admin/fieldGrant/update', { grant_id, content: [] })).body).toEqual({ code: 400, data: '', error: '缺少授权数据！' });
    expect((await admin.json('/admin/fieldGrant/update', { content: [{ field: 'name' }] })).body).toEqual({ code: 400, data: '', error: '缺少授权ID！' });
  });

  it('any logged-in user may rewrite any role’s field grants (both actions are in `allow`)', async () => {
    const seller = await loginAs(emulator, 3);
    const { grant_id } = (await seller.json<Grant>('/admin/fieldGrant/index', { module: 'crm', column: 'customer', role_id: 9 })).data;
    expect((await seller.json('/admin/fieldGrant/update', { grant_id, content: [{ field: 'name', read: 0 }] })).code).toBe(200);
    expect(emulator.state.fieldGrants(9).find((g) => g.grantId === grant_id)?.content).toEqual([{ field: 'name', read: 0 }]);
  });
});
