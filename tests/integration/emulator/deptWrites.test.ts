/**
 * Department writes as `AdminDeptServiceImpl` performs them (admin/.../service/impl/AdminDeptServiceImpl.java)
 * behind `@Valid AdminDeptBO`, with the `wk_admin_dept` column rules of DB/wk_crm_single.sql.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

const dept = (deptId: number) => emulator.state.departments().find((d) => d.deptId === deptId);

describe('setDept', () => {
  it('answers 500 for a department that is gone or a missing deptId (getById → null → NPE), writing nothing', async () => {
    expect((await admin.json('/adminDept/setDept', { deptId: 999, pid: 2, name: '幽灵' })).code).toBe(500);
    expect((await admin.json('/adminDept/setDept', { pid: 2, name: '幽灵' })).code).toBe(500);
    expect(emulator.state.departments().some((d) => d.name === '幽灵')).toBe(false);
  });

  it('refuses a 4-byte character in the name at the database (utf8 column): 500, name unchanged', async () => {
    expect((await admin.json('/adminDept/setDept', { deptId: 3, pid: 2, name: '华东😀' })).code).toBe(500);
    expect(dept(3)?.name).toBe('华东销售组');
  });

  it('answers the SYSTEM_NO_VALID text for a second top-level department', async () => {
    expect(await admin.json('/adminDept/setDept', { deptId: 3, pid: 0, name: '华东销售组' })).toMatchObject({ code: 400, msg: '参数验证错误' });
    expect(await admin.json('/adminDept/addDept', { pid: 0, name: '另一个公司' })).toMatchObject({ code: 400, msg: '参数验证错误' });
  });
});

describe('addDept', () => {
  it('stores an empty name (@NotNull and @Size allow it), ignores a sent deptId, checks neither parent nor owner', async () => {
    expect((await admin.json('/adminDept/addDept', { deptId: 3, pid: 5, name: '' })).code).toBe(0);
    expect(emulator.state.departments().filter((d) => d.pid === 5)).toEqual([expect.objectContaining({ name: '', pid: 5 })]);
    expect(dept(3)?.name).toBe('华东销售组');
    // Neither the parent nor the owner is checked.
    expect((await admin.json('/adminDept/addDept', { pid: 777, name: '孤儿部门', ownerUserId: 888 })).code).toBe(0);
    expect(emulator.state.departments().find((d) => d.name === '孤儿部门')).toMatchObject({ pid: 777, ownerUserId: 888 });
  });
});

describe('deleteDept', () => {
  it('counts deleted user rows as members (1111) and answers 0 for an unknown id', async () => {
    emulator.state.db.prepare("INSERT INTO wk_admin_user (username, mobile, dept_id, is_del) VALUES ('x', 'x', 5, 1)").run();
    const child = emulator.state.departments().find((d) => d.pid === 5)!;
    expect((await admin.json(`/adminDept/deleteDept/${child.deptId}`)).code).toBe(0);
    expect((await admin.json('/adminDept/deleteDept/5')).code).toBe(1111);
    expect((await admin.json('/adminDept/deleteDept/4242')).code).toBe(0);
  });
});
