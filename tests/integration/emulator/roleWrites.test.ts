/**
 * Role writes as `AdminRoleServiceImpl` performs them (admin/.../service/impl/AdminRoleServiceImpl.java):
 * `updateById` needs a non-null column, `updateRoleMenu` is one transaction, `add` stores what it is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, startWithAdmin } from './client';

interface Role {
  roleId: number;
  roleName: string;
  dataType: number;
  status: number;
  remark: string | null;
  isHidden: number;
  label: number | null;
  rules: { data: number[]; bi: number[] };
}

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

/** The role as the API shows it again (getRoleByType), not as the table holds it. */
const reRead = async (type: number, roleId: number) => (await admin.json<Role[]>(`/adminRole/getRoleByType/${type}`)).data.find((r) => r.roleId === roleId)!;
const reason = () => emulator.control.calls().at(-1)?.reason;

describe('updateRoleMenu', () => {
  it('refuses {roleId, menuIds}: updateById has no column to SET → code 500, grants unchanged', async () => {
    const before = await reRead(2, 180170);
    const answer = await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, menuIds: [28] });
    expect(answer).toMatchObject({ status: 200, code: 500, msg: '网络错误，请稍候再试', data: null });
    expect(reason()).toMatch(/^MySQL 1064: .*UPDATE wk_admin_role WHERE role_id=\?/);
    expect(await reRead(2, 180170)).toEqual(before);

    // The same grants with the role's own fields along are applied: name and scope written, grants replaced.
    const applied = await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, roleName: '销售员角色', dataType: 2, menuIds: [10, 28, 29] });
    expect(applied).toMatchObject({ code: 0, data: null });
    expect(await reRead(2, 180170)).toMatchObject({ roleName: '销售员角色', dataType: 2, rules: { data: [10, 28, 29], bi: [] } });
  });

  it('counts dataType "" as no column (Jackson binds it as null): {roleId, dataType: "", menuIds} is refused too', async () => {
    const before = emulator.state.role(180170)!.menuIds;
    expect((await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, dataType: '', menuIds: [28] })).code).toBe(500);
    expect(emulator.state.role(180170)!.menuIds).toEqual(before);
  });

  it('rolls the role update back when saveRoleMenu fails: menuIds null → NPE → 500', async () => {
    const answer = await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, roleName: '改名不生效', dataType: 4, menuIds: null });
    expect(answer.code).toBe(500);
    expect(reason()).toMatch(/NullPointerException/);
    expect(emulator.state.role(180170)).toMatchObject({ roleName: '销售员角色', dataType: 2, menuIds: [10, 28, 29] });
  });

  it('keeps the field initialiser when menuIds is missing, and accepts []: all grants removed, code 0', async () => {
    expect((await admin.json('/adminRole/updateRoleMenu', { roleId: 180168, roleName: '公告管理员' })).code).toBe(0);
    expect(emulator.state.role(180168)?.menuIds).toEqual([]);
    expect((await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, roleName: '销售员角色', menuIds: [] })).code).toBe(0);
    expect((await reRead(2, 180170)).rules).toEqual({ data: [], bi: [] });
  });

  it('rolls everything back on a name MySQL refuses (varchar(255)), and on a 4-byte character (utf8)', async () => {
    await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, roleName: '销售员角色', menuIds: [28] });
    expect((await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, roleName: '长'.repeat(256), menuIds: [29] })).code).toBe(500);
    expect(reason()).toMatch(/^MySQL 1406: Data too long for column 'role_name'/);
    expect((await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, roleName: '销售😀', menuIds: [29] })).code).toBe(500);
    expect(reason()).toMatch(/^MySQL 1366: Incorrect string value/);
    expect(emulator.state.role(180170)).toMatchObject({ roleName: '销售员角色', menuIds: [28] });
    expect((await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, roleName: '长'.repeat(255), menuIds: [29] })).code).toBe(0);
    await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, roleName: '销售员角色', menuIds: [28] });
  });

  it('stores a dataType outside 1–5 (no range check anywhere) and writes status/remark when sent', async () => {
    expect((await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, dataType: 9, status: 0, remark: '备注', menuIds: [28] })).code).toBe(0);
    expect(emulator.state.role(180170)).toMatchObject({ dataType: 9, status: 0, remark: '备注' });
    await admin.json('/adminRole/updateRoleMenu', { roleId: 180170, dataType: 1, status: 1, menuIds: [28] });
  });
});

describe('add and update', () => {
  it('stores the dataType, label and isHidden sent with add (only status 1 and remark null are forced)', async () => {
    expect((await admin.json('/adminRole/add', { roleName: '范围二', roleType: 2, dataType: 2, label: 3, isHidden: 0, status: 0, remark: 'x' })).code).toBe(0);
    const role = (await admin.json<Role[]>('/adminRole/getRoleByType/2')).data.find((r) => r.roleName === '范围二');
    expect(role).toMatchObject({ dataType: 2, label: 3, isHidden: 0, status: 1, remark: null });
  });

  it('falls back to the column default dataType 5 only when none is sent ("" counts as none)', async () => {
    await admin.json('/adminRole/add', { roleName: '默认范围', roleType: 2 });
    await admin.json('/adminRole/add', { roleName: '空串范围', roleType: 2, dataType: '' });
    const roles = (await admin.json<Role[]>('/adminRole/getRoleByType/2')).data;
    expect(roles.find((r) => r.roleName === '默认范围')).toMatchObject({ dataType: 5, isHidden: 1, label: null });
    expect(roles.find((r) => r.roleName === '空串范围')?.dataType).toBe(5);
  });

  it('compares names in utf8_general_ci: case and trailing spaces do not make a new name (1117)', async () => {
    await admin.json('/adminRole/add', { roleName: 'Region', roleType: 7 });
    expect((await admin.json('/adminRole/add', { roleName: 'region ', roleType: 7 })).code).toBe(1117);
  });

  it('update: only {roleId} has nothing to SET → 500; an unknown roleId answers 0; status and remark are written', async () => {
    expect((await admin.json('/adminRole/update', { roleId: 180170 })).code).toBe(500);
    expect((await admin.json('/adminRole/update', { roleId: 999999, roleName: '幽灵', roleType: 2 })).code).toBe(0);
    expect(emulator.state.roles().some((r) => r.roleName === '幽灵')).toBe(false);

    // With a changed name, every non-null column sent is written, status and remark included.
    const role = emulator.state.roles().find((r) => r.roleName === '默认范围')!;
    expect((await admin.json('/adminRole/update', { roleId: role.roleId, roleName: '默认范围改', roleType: 2, status: 0, remark: '停用' })).code).toBe(0);
    expect(emulator.state.role(role.roleId)).toMatchObject({ roleName: '默认范围改', status: 0, remark: '停用' });
  });
});

describe('copy', () => {
  it('trims the name before adding "(1)"', async () => {
    const { roleId } = emulator.state.roles().find((r) => r.roleName === 'Region')!;
    emulator.state.mutate({ type: 'renameRole', roleId, roleName: '  Region  ' });
    expect((await admin.form('/adminRole/copy', { roleId })).code).toBe(0);
    expect(emulator.state.roles().some((r) => r.roleName === 'Region(1)')).toBe(true);
  });

  it('fails (500, nothing copied) for an unknown role, a name that is only "(n)", and a name that outgrows varchar(255)', async () => {
    const count = () => emulator.state.roles().length;
    const n = count();
    expect((await admin.form('/adminRole/copy', { roleId: 999999 })).code).toBe(500);
    const { roleId } = emulator.state.roles().find((r) => r.roleName === 'Region(1)')!;
    emulator.state.mutate({ type: 'renameRole', roleId, roleName: '(3)' });
    expect((await admin.form('/adminRole/copy', { roleId })).code).toBe(500);
    expect(reason()).toMatch(/^MySQL 1064: .*regexp/);
    emulator.state.mutate({ type: 'renameRole', roleId, roleName: '名'.repeat(254) });
    expect((await admin.form('/adminRole/copy', { roleId })).code).toBe(500);
    expect(reason()).toMatch(/^MySQL 1406/);
    expect(count()).toBe(n);
  });
});
