/** Department tree, writes without ids, and the 1110 / 1111 / 1112 / 400 rules (reference §2). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, startWithAdmin } from './client';

interface Dept {
  deptId: number;
  pid: number;
  name: string;
  currentNum?: number;
  children?: Dept[];
}

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

describe('queryDeptTree', () => {
  it('nests with type "tree" (children omitted when empty, currentNum = members not disabled)', async () => {
    const { data } = await admin.json<Dept[]>('/adminDept/queryDeptTree', { type: 'tree' });
    expect(data).toHaveLength(1);
    const root = data[0]!;
    expect(root).toMatchObject({ deptId: 14852, pid: 0, name: '全公司' });
    expect(root.children?.map((d) => d.deptId)).toEqual([2, 4, 5]);
    const sales = root.children![0]!;
    expect(sales.children?.[0]).toMatchObject({ deptId: 3, currentNum: 2 });
    expect(sales.children?.[0]).not.toHaveProperty('children');
    expect(root.children![1]).toMatchObject({ deptId: 4, currentNum: 2 }); // 孙七 is disabled
  });

  it('is flat without a type, and "update" leaves out the subtree of id', async () => {
    expect((await admin.json<Dept[]>('/adminDept/queryDeptTree', {})).data.map((d) => d.deptId).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 14852]);
    expect((await admin.json<Dept[]>('/adminDept/queryDeptTree', { type: 'update', id: 2 })).data.map((d) => d.deptId).sort((a, b) => a - b)).toEqual([4, 5, 14852]);
  });
});

describe('department writes', () => {
  it('adds without returning the id; a re-read finds it', async () => {
    const added = await admin.json('/adminDept/addDept', { pid: 4, name: '测试组', ownerUserId: 104 });
    expect(added).toMatchObject({ code: 0, data: null });
    const flat = (await admin.json<Dept[]>('/adminDept/queryDeptTree', {})).data;
    expect(flat.find((d) => d.name === '测试组')).toMatchObject({ pid: 4 });
  });

  it('refuses a second top-level department with 400', async () => {
    expect((await admin.json('/adminDept/addDept', { pid: 0, name: '另一个公司' })).code).toBe(400);
    expect((await admin.json('/adminDept/setDept', { deptId: 3, pid: 0, name: '华东销售组' })).code).toBe(400);
  });

  it('refuses itself or a descendant as parent with 1110', async () => {
    expect((await admin.json('/adminDept/setDept', { deptId: 2, pid: 2, name: '销售部' })).code).toBe(1110);
    expect((await admin.json('/adminDept/setDept', { deptId: 2, pid: 3, name: '销售部' })).code).toBe(1110);
    expect(emulator.state.departments().find((d) => d.deptId === 2)?.pid).toBe(14852);
  });

  it('writes exactly name, pid and owner (a missing owner clears it)', async () => {
    expect((await admin.json('/adminDept/setDept', { deptId: 2, pid: 14852, name: '销售一部' })).code).toBe(0);
    expect(emulator.state.departments().find((d) => d.deptId === 2)).toMatchObject({ name: '销售一部', ownerUserId: null });
  });

  it('refuses to delete a department with users (1111, disabled users count) or children (1112)', async () => {
    expect((await admin.json('/adminDept/deleteDept/3')).code).toBe(1111);
    expect((await admin.json('/adminDept/addDept', { pid: 5, name: '子部门' })).code).toBe(0);
    expect((await admin.json('/adminDept/deleteDept/5')).code).toBe(1112);
    const child = emulator.state.departments().find((d) => d.pid === 5)!;
    expect((await admin.json(`/adminDept/deleteDept/${child.deptId}`)).code).toBe(0);
    expect((await admin.json('/adminDept/deleteDept/5')).code).toBe(0);
    expect(emulator.state.departments().some((d) => d.deptId === 5)).toBe(false);
  });
});
