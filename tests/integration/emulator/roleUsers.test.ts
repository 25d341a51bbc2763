/** relatedUser / relatedDeptUser / unbindingUser and the silently filtered assignable roles (reference §4.2, §4.3). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, loginAs, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

describe('assigning roles from the role side', () => {
  it('relatedUser adds the missing pairs and keeps existing roles', async () => {
    expect((await admin.json('/adminRole/relatedUser', { userIds: [102, 103], roleIds: [180168] })).code).toBe(0);
    expect(emulator.state.user(102)?.roleIds).toEqual([180170, 180168]);
    expect(emulator.state.user(103)?.roleIds).toEqual([180170, 180168]);
  });

  it('answers 1136 for empty roleIds', async () => {
    expect((await admin.json('/adminRole/relatedUser', { userIds: [102], roleIds: [] })).code).toBe(1136);
  });

  it('unbindingUser removes one pair, and refuses the last role with 1133', async () => {
    expect((await admin.form('/adminRole/unbindingUser', { userId: 102, roleId: 180168 })).code).toBe(0);
    expect(emulator.state.user(102)?.roleIds).toEqual([180170]);
    expect((await admin.form('/adminRole/unbindingUser', { userId: 102, roleId: 180170 })).code).toBe(1133);
    expect(emulator.state.user(102)?.roleIds).toEqual([180170]);
  });

  it('relatedDeptUser replaces the roles of the listed users and of the exact departments', async () => {
    expect((await admin.json('/adminRole/relatedDeptUser', { userIds: [101], deptIds: [3], roleIds: [180169] })).code).toBe(0);
    for (const id of [101, 102, 103]) expect(emulator.state.user(id)?.roleIds).toEqual([180169]);
    expect(emulator.state.user(104)?.roleIds).toEqual([180164]);
  });
});

describe('a caller without menu 175 may assign only its configured roles', () => {
  it('drops the other role ids without an error', async () => {
    const hr = await loginAs(emulator, '13800000104'); // 部门与员工管理员: no 175, no auth roles yet
    expect((await hr.json('/adminRole/relatedUser', { userIds: [106], roleIds: [180168, 180169] })).code).toBe(0);
    expect(emulator.state.user(106)?.roleIds).toEqual([180170]);

    emulator.state.mutate({ type: 'setAuthRoles', roleId: 180164, authRoleIds: [180168] });
    expect((await hr.json('/adminRole/relatedUser', { userIds: [106], roleIds: [180168, 180169] })).code).toBe(0);
    expect(emulator.state.user(106)?.roleIds).toEqual([180170, 180168]);
  });

  it('getRoleList shows such a caller only its assignable roles', async () => {
    const hr = await loginAs(emulator, '13800000104');
    const groups = (await hr.json<{ pid: number; list: { roleId: number }[] }[]>('/adminRole/getRoleList')).data;
    expect(groups).toEqual([{ pid: 7, name: '办公管理角色', list: [expect.objectContaining({ roleId: 180168 })] }]);
    expect((await admin.json<unknown[]>('/adminRole/getRoleList')).data).toHaveLength(6);
  });

  it('with setUser the dropped roles are lost: the user ends up with only the allowed ones', async () => {
    const hr = await loginAs(emulator, '13800000104');
    expect((await hr.json('/adminUser/setUser', { userId: 106, realname: '周八', deptId: 4, roleId: '180170,180168' })).code).toBe(0);
    expect(emulator.state.user(106)?.roleIds).toEqual([180168]);
  });

  it('judges by the roles frozen in the token: a role granted after login counts from the next login', async () => {
    const hr = await loginAs(emulator, '13800000104');
    await admin.json('/adminRole/relatedUser', { userIds: [104], roleIds: [180163] }); // grants menu 175
    await hr.json('/adminRole/relatedUser', { userIds: [101], roleIds: [180165] });
    expect(emulator.state.user(101)?.roleIds).not.toContain(180165);
    const again = await loginAs(emulator, '13800000104');
    await again.json('/adminRole/relatedUser', { userIds: [101], roleIds: [180165] });
    expect(emulator.state.user(101)?.roleIds).toContain(180165);
  });
});
