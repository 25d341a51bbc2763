/**
 * relatedUser / unbindingUser / relatedDeptUser edge cases from `AdminRoleServiceImpl`
 * (admin/.../service/impl/AdminRoleServiceImpl.java #relatedUser, #unbindingUser, #relatedDeptUser).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../wukong-emulator';
import { type Client, startWithAdmin } from './client';

let emulator: RunningEmulator;
let admin: Client;
beforeAll(async () => ({ emulator, admin } = await startWithAdmin()));
afterAll(() => emulator.close());

const rows = (userId: number) => emulator.state.db.prepare('SELECT role_id FROM wk_admin_user_role WHERE user_id = ? ORDER BY id').pluck().all(userId);

describe('relatedUser', () => {
  it('answers 500 when userIds is missing (for-each over null) and 0 for userIds []', async () => {
    expect((await admin.json('/adminRole/relatedUser', { roleIds: [180168] })).code).toBe(500);
    expect((await admin.json('/adminRole/relatedUser', { userIds: [], roleIds: [180168] })).code).toBe(0);
  });

  it('inserts a pair twice when the same user id is listed twice (existence is checked before the batch)', async () => {
    expect((await admin.json('/adminRole/relatedUser', { userIds: [106, 106], roleIds: [180168] })).code).toBe(0);
    expect(rows(106)).toEqual([180170, 180168, 180168]);
  });

  it('refuses a null role id at the database (role_id NOT NULL): 500, none of the batch inserted', async () => {
    expect((await admin.json('/adminRole/relatedUser', { userIds: [101], roleIds: [180168, null] })).code).toBe(500);
    expect(rows(101)).toEqual([180169]);
  });
});

describe('unbindingUser', () => {
  it('counts the roles other than the one removed: 1133 only when there is none', async () => {
    // 106 holds 180170 and 180168 twice: removing 180168 deletes both rows.
    expect((await admin.form('/adminRole/unbindingUser', { userId: 106, roleId: 180168 })).code).toBe(0);
    expect(rows(106)).toEqual([180170]);
    // A role the user does not hold: allowed, nothing deleted.
    expect((await admin.form('/adminRole/unbindingUser', { userId: 106, roleId: 180169 })).code).toBe(0);
    expect(rows(106)).toEqual([180170]);
    expect((await admin.form('/adminRole/unbindingUser', { userId: 106, roleId: 180170 })).code).toBe(1133);
  });

  it('answers 500 for a missing form parameter', async () => {
    expect((await admin.form('/adminRole/unbindingUser', { userId: 106 })).code).toBe(500);
  });
});

describe('relatedDeptUser', () => {
  it('replaces the roles of every user row of the department, deleted users included', async () => {
    emulator.state.db.prepare("INSERT INTO wk_admin_user (user_id, username, mobile, dept_id, is_del) VALUES (500, 'del', 'del', 5, 1)").run();
    expect((await admin.json('/adminRole/relatedDeptUser', { deptIds: [5], roleIds: [180168] })).code).toBe(0);
    expect(rows(500)).toEqual([180168]);
  });
});
