/** Role endpoints: no ids returned, 1117 through update, full-replace updateRoleMenu, rules levels 2–3 (reference §4.2). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, startWithAdmin } from './client';

interface Role {
  roleId: number;
  roleName: string;
  roleType: number;
  dataType: number;
  status: number;
  remark: string | null;
  rules: { data: number[]; bi: number[] };
  menuIds: number[];
}

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

const rolesOfType = async (type: number) => (await admin.json<Role[]>(`/adminRole/getRoleByType/${type}`)).data;

describe('reading roles', () => {
  it('lists the hard-coded role types and every group with getAllRoleList', async () => {
    expect((await admin.json('/adminRole/getRoleTypeList')).data).toEqual([
      { name: '系统管理角色', roleType: 1 },
      { name: '办公管理角色', roleType: 7 },
      { name: '客户管理角色', roleType: 2 },
      { name: '项目管理角色', roleType: 8 },
    ]);
    const groups = (await admin.json<{ pid: number; list: Role[] }[]>('/adminRole/getAllRoleList')).data;
    expect(groups.map((g) => g.pid)).toEqual([1, 2, 7, 8, 9, 10]);
    expect(groups.find((g) => g.pid === 2)?.list.map((r) => r.roleId)).toEqual([180169, 180170]);
  });

  it('returns only levels 2–3 of the granted menus in rules.data / rules.bi, and menuIds empty', async () => {
    const seller = (await rolesOfType(2)).find((r) => r.roleId === 180170)!;
    const granted = emulator.state.role(180170)!.menuIds;
    expect(seller.menuIds).toEqual([]);
    expect(new Set([...seller.rules.data, ...seller.rules.bi])).toEqual(new Set(granted.filter((id) => id !== 1 && id !== 2)));
    await emulator.state.mutate({ type: 'grantMenus', roleId: 180170, menuIds: [1, 760, 761, 762] });
    const after = (await rolesOfType(2)).find((r) => r.roleId === 180170)!;
    expect(after.rules.data).not.toContain(1); // the root itself
    expect(after.rules.bi).toContain(760);
    expect(after.rules.bi).toContain(761);
    expect(after.rules.bi).not.toContain(762); // level 4
    emulator.state.mutate({ type: 'revokeMenus', roleId: 180170, menuIds: [1, 760, 761, 762] });
  });

  it('answers [] for types 0/3/4/5 and code 500 for a value with no enum constant', async () => {
    expect(await rolesOfType(5)).toEqual([]);
    expect((await admin.json('/adminRole/getRoleByType/6')).code).toBe(500);
  });
});

describe('add and update', () => {
  it('adds without returning an id; a re-read finds it with dataType 5 and status 1', async () => {
    const added = await admin.json('/adminRole/add', { roleName: '区域经理', roleType: 2 });
    expect(added).toMatchObject({ code: 0, data: null });
    expect((await rolesOfType(2)).find((r) => r.roleName === '区域经理')).toMatchObject({ dataType: 5, status: 1, remark: null, rules: { data: [], bi: [] } });
  });

  it('refuses a duplicate (name, type) with 1117 but allows the name in another type', async () => {
    expect((await admin.json('/adminRole/add', { roleName: '区域经理', roleType: 2 })).code).toBe(1117);
    expect((await admin.json('/adminRole/add', { roleName: '区域经理', roleType: 7 })).code).toBe(0);
  });

  it('fails with 1117 when update re-sends the unchanged name, and renames otherwise', async () => {
    const role = (await rolesOfType(2)).find((r) => r.roleName === '区域经理')!;
    expect((await admin.json('/adminRole/update', { roleId: role.roleId, roleName: '区域经理', roleType: 2 })).code).toBe(1117);
    expect((await admin.json('/adminRole/update', { roleId: role.roleId, roleName: '大区经理', roleType: 2, dataType: 4 })).code).toBe(0);
    expect(emulator.state.role(role.roleId)).toMatchObject({ roleName: '大区经理', dataType: 4 });
    // add with a roleId is an update too
    expect((await admin.json('/adminRole/add', { roleId: role.roleId, roleName: '区域经理二', roleType: 2 })).code).toBe(0);
    expect(emulator.state.role(role.roleId)?.roleName).toBe('区域经理二');
  });
});

describe('updateRoleMenu', () => {
  it('replaces every grant with menuIds (full replace) and updates the role fields', async () => {
    const before = emulator.state.role(180169)!.menuIds;
    expect(before).toContain(29);
    const answer = await admin.json('/adminRole/updateRoleMenu', { roleId: 180169, roleName: '销售经理角色', dataType: 3, menuIds: [10, 28, 26] });
    expect(answer).toMatchObject({ code: 0, data: null });
    expect(emulator.state.role(180169)).toMatchObject({ menuIds: [10, 28, 26], dataType: 3 });
  });

  it('keeps dataType when it is "" and keeps duplicates and unknown ids as sent', async () => {
    await admin.json('/adminRole/updateRoleMenu', { roleId: 180169, roleName: '销售经理角色', dataType: '', menuIds: [28, 28, 99999] });
    expect(emulator.state.role(180169)).toMatchObject({ menuIds: [28, 28, 99999], dataType: 3 });
  });
});

describe('copy and delete', () => {
  it('copies as "<name>(1)" with the same grants and scope', async () => {
    expect((await admin.form('/adminRole/copy', { roleId: 180170 })).code).toBe(0);
    const copy = emulator.state.roles().find((r) => r.roleName === '销售员角色(1)')!;
    expect(copy).toMatchObject({ roleType: 2, dataType: 1, remark: null, menuIds: emulator.state.role(180170)!.menuIds });
    await admin.form('/adminRole/copy', { roleId: copy.roleId });
    expect(emulator.state.roles().filter((r) => r.roleName === '销售员角色(1)')).toHaveLength(2);
  });

  it('deletes the role with its menus and user links, leaving users possibly without a role', async () => {
    expect((await admin.form('/adminRole/delete', { roleId: 180164 })).code).toBe(0);
    expect(emulator.state.role(180164)).toBeUndefined();
    expect(emulator.state.user(104)?.roleIds).toEqual([]);
    expect(emulator.state.db.prepare('SELECT count(*) AS n FROM wk_admin_role_menu WHERE role_id = 180164').get()).toEqual({ n: 0 });
  });
});
