import { describe, expect, it } from 'vitest';
import { loadBundledCatalogue } from '../../services/resources';
import { snapshotSchema, validateSnapshot } from '../domain';
import { WUKONG_ROLE_GROUP, WUKONG_SUPER_USER_ID } from '../wukong';
import { createDemoSnapshot, DEMO_FACTS } from './demoSnapshot';

const catalogue = loadBundledCatalogue();
const demo = createDemoSnapshot(catalogue);
const users = new Map(demo.users.map((u) => [u.id, u]));
const roles = new Map(demo.roles.map((r) => [r.id, r]));
const user = (id: string) => users.get(id)!;
const role = (id: string) => roles.get(id)!;
const holders = (roleId: string) => demo.users.filter((u) => u.roleIds.includes(roleId));

describe('createDemoSnapshot — shape', () => {
  it('is a valid, stable 星河科技 of about 8 departments and 60 people', () => {
    expect(snapshotSchema.safeParse(demo).success).toBe(true);
    expect(validateSnapshot(demo)).toEqual([]);
    expect(createDemoSnapshot(catalogue)).toEqual(demo);
    expect(demo.source.kind).toBe('demo');
    expect(demo.users).toHaveLength(60);
    expect(demo.departments.map((d) => d.name)).toEqual(['全公司', '销售一部', '销售二部', '华东大区', '市场部', '客服部', '财务部', '技术部', '上海办事处']);
    expect(demo.departments[0]).toMatchObject({ id: '14852', parentId: null });
    expect(demo.roles).toHaveLength(14 + 5);
    expect(demo.superUserIds).toEqual([WUKONG_SUPER_USER_ID]);
    expect(new Set(demo.users.map((u) => u.login)).size).toBe(60);
  });
});

describe('createDemoSnapshot — the baked-in problems hold', () => {
  it('李雷 holds scope-2 and scope-3 roles that both grant the customer list, so the max (3) wins', () => {
    const liLei = user(DEMO_FACTS.liLeiUserId);
    expect(liLei.name).toBe('李雷');
    expect(liLei.roleIds).toEqual([...DEMO_FACTS.liLeiRoleIds]);
    const granting = liLei.roleIds.map(role).filter((r) => r.permissionIds.includes(DEMO_FACTS.customerListPermissionId));
    expect(granting.map((r) => r.dataScope).sort()).toEqual([2, 3]);
    expect(Math.max(...granting.map((r) => r.dataScope))).toBe(3);
  });

  it("李雷's two direct reports sit in another department, so scope 3 hides them", () => {
    const liLei = user(DEMO_FACTS.liLeiUserId);
    const reports = DEMO_FACTS.liLeiReportsInOtherDepartment.map(user);
    expect(reports).toHaveLength(2);
    for (const r of reports) {
      expect(r.managerId).toBe(liLei.id);
      expect(r.departmentId).not.toBe(liLei.departmentId);
    }
    const elsewhere = demo.users.filter((u) => u.managerId === liLei.id && u.departmentId !== liLei.departmentId);
    expect(elsewhere.map((u) => u.id).sort()).toEqual([...DEMO_FACTS.liLeiReportsInOtherDepartment].sort());
  });

  it('has a disabled user who still holds roles, an active user without roles and an inactive user', () => {
    expect(user(DEMO_FACTS.disabledUserWithRoles)).toMatchObject({ status: 'disabled' });
    expect(user(DEMO_FACTS.disabledUserWithRoles).roleIds.length).toBeGreaterThan(0);
    expect(user(DEMO_FACTS.activeUserWithoutRole)).toMatchObject({ status: 'active', roleIds: [] });
    expect(user(DEMO_FACTS.inactiveUser).status).toBe('inactive');
    expect(demo.users.filter((u) => u.status === 'active' && u.roleIds.length === 0).map((u) => u.id)).toEqual([DEMO_FACTS.activeUserWithoutRole]);
  });

  it('has a role nobody holds and two roles with identical grants and scope', () => {
    expect(holders(DEMO_FACTS.unusedRoleId)).toEqual([]);
    const [a, b] = DEMO_FACTS.identicalRoleIds.map(role);
    expect(a!.id).not.toBe(b!.id);
    expect([...a!.permissionIds].sort()).toEqual([...b!.permissionIds].sort());
    expect(a!.dataScope).toBe(b!.dataScope);
    expect(holders(a!.id).length).toBeGreaterThan(0);
  });

  it('has a role that edits customers without viewing them', () => {
    const editor = role(DEMO_FACTS.editWithoutViewRoleId);
    expect(editor.permissionIds).toContain('27');
    expect(editor.permissionIds).not.toContain('28');
    expect(editor.permissionIds).not.toContain('29');
    expect(holders(editor.id).length).toBeGreaterThan(0);
  });

  it('has a user whose roles disagree on a field: one hides it, the other edits it', () => {
    const { userId, module, field, editRoleId, hiddenRoleId } = DEMO_FACTS.fieldConflict;
    expect(user(userId).roleIds).toEqual(expect.arrayContaining([editRoleId, hiddenRoleId]));
    const ruleOf = (roleId: string) => demo.fieldRules.filter((r) => r.roleId === roleId && r.module === module && r.field === field);
    expect(ruleOf(editRoleId)).toEqual([expect.objectContaining({ access: 'edit' })]);
    expect(ruleOf(hiddenRoleId)).toEqual([expect.objectContaining({ access: 'hidden' })]);
  });

  it('keeps field rules to CRM roles, one per role × field', () => {
    const keys = demo.fieldRules.map((r) => `${r.roleId}/${r.module}/${r.field}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const r of demo.fieldRules) expect(role(r.roleId).groupId).toBe(WUKONG_ROLE_GROUP.crm);
  });
});
