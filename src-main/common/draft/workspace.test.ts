import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundledCatalogue } from '../../services/resources';
import type { Snapshot } from '../domain';
import { validateSnapshot } from '../domain';
import { createDemoSnapshot, generateOrganisation } from '../generator';
import { apply } from './apply';
import { diffSnapshots } from './diff';
import type { DraftOperation } from './operations';
import { rebase } from './rebase';
import { validate } from './validate';

/** Drafts on real data: the built-in demo workspace and a generated 20k-person organisation (WukongCRM catalogue). */
const catalogue = loadBundledCatalogue();
const demo = createDemoSnapshot(catalogue);
const codes = (ops: DraftOperation[]) => validate(demo, ops).map((p) => p.code);
const underRoot = (root: string) => demo.permissions.find((p) => p.parentId === root && p.kind === 'action')?.id ?? demo.permissions.find((p) => p.parentId === root)!.id;

describe('the server rules on the demo workspace', () => {
  it('keeps grants inside the role type catalogue: system-management menus only for system roles', () => {
    const manageMenu = underRoot('3');
    expect(codes([{ type: 'grantPermissions', roleIds: ['180170'], permissionIds: [manageMenu] }])).toEqual(['PERMISSION_OUTSIDE_GROUP']);
    expect(codes([{ type: 'grantPermissions', roleIds: ['180163'], permissionIds: [manageMenu] }])).toEqual([]);
  });

  it('allows a data scope only where the role type has one', () => {
    expect(codes([{ type: 'setDataScope', roleId: '180163', dataScope: 1 }])).toEqual(['NO_DATA_SCOPE']);
    expect(codes([{ type: 'setDataScope', roleId: '180170', dataScope: 3 }])).toEqual([]);
  });

  it('refuses a role name already used in the same role type only (1117)', () => {
    expect(codes([{ type: 'renameRole', roleId: '180170', name: '销售经理角色' }])).toEqual(['ROLE_NAME_TAKEN']);
    expect(codes([{ type: 'renameRole', roleId: '180170', name: '上级角色' }])).toEqual([]);
    expect(codes([{ type: 'renameRole', roleId: '180170', name: '销售员角色' }])).toEqual([]);
  });

  it('protects the hard-coded super admin (1116) and warns about the built-in admin role', () => {
    expect(codes([{ type: 'setUserStatus', userIds: ['14773'], status: 'disabled' }])).toEqual(['SUPER_ADMIN_DISABLE']);
    expect(validate(demo, [{ type: 'renameRole', roleId: '180162', name: 'Root' }]).map((p) => [p.code, p.severity])).toEqual([['PROTECTED_ROLE', 'warning']]);
  });

  it('applies a mixed batch and leaves a consistent snapshot', () => {
    const crmRole = demo.roles.find((r) => r.id === '180176')!;
    const someone = demo.users.find((u) => u.roleIds.includes(crmRole.id) && u.roleIds.length > 1)!;
    const ops: DraftOperation[] = [
      { type: 'createRole', roleId: 'new-role:t', name: '测试角色', groupId: '2', dataScope: 2, permissionIds: crmRole.permissionIds.slice(0, 5) },
      { type: 'assignRoles', userIds: demo.users.slice(0, 10).map((u) => u.id), roleIds: ['new-role:t'] },
      { type: 'revokePermissions', roleIds: ['180169', '180170'], permissionIds: crmRole.permissionIds.slice(0, 10) },
      { type: 'unassignRoles', userIds: [someone.id], roleIds: [crmRole.id] },
      { type: 'deleteRole', roleId: '180178' },
      { type: 'moveUsers', userIds: demo.users.slice(20, 30).map((u) => u.id), departmentId: demo.departments[1]!.id },
    ];
    const after = apply(demo, ops);
    expect(validateSnapshot(after)).toEqual([]);
    expect(after.roles.some((r) => r.id === '180178')).toBe(false);
    expect(after.users.find((u) => u.id === someone.id)!.roleIds).not.toContain(crmRole.id);
  });
});

describe('a generated 20k-person organisation', () => {
  let big: Snapshot;
  beforeAll(() => {
    big = generateOrganisation(catalogue, { seed: 11, users: 20_000, departments: 300, customRoles: 286 });
  });

  it('paints 100 cells in a few milliseconds, sharing everything it does not touch', () => {
    const roles = big.roles.filter((r) => r.groupId === '2').slice(0, 5).map((r) => r.id);
    const permissions = big.permissions.filter((p) => p.kind === 'action' && p.key.startsWith('crm:')).slice(0, 20).map((p) => p.id);
    const paint: DraftOperation[] = [{ type: 'grantPermissions', roleIds: roles, permissionIds: permissions }];
    apply(big, paint); // first edit of a session builds the id indexes
    const started = performance.now();
    const after = apply(big, paint);
    const elapsed = performance.now() - started;
    console.log(`draft apply on 20k people: 100-cell paint in ${elapsed.toFixed(2)} ms`);
    expect(after.users).toBe(big.users);
    expect(after.fieldRules).toBe(big.fieldRules);
    expect(diffSnapshots(big, after).every((c) => c.kind === 'rolePermission')).toBe(true);
  });

  it('moves 500 people and rebases the move over an unrelated server change', () => {
    const movers = big.users.slice(1000, 1500).map((u) => u.id);
    const target = big.departments[5]!.id;
    const ours: DraftOperation[] = [{ type: 'moveUsers', userIds: movers, departmentId: target }];
    const theirs = apply(big, [{ type: 'setDataScope', roleId: big.roles.find((r) => r.groupId === '2')!.id, dataScope: 4 }]);
    const started = performance.now();
    const result = rebase(big, theirs, ours);
    console.log(`draft rebase on 20k people: 500 moves in ${(performance.now() - started).toFixed(1)} ms`);
    expect(result.conflicts).toEqual([]);
    const merged = apply(theirs, result.ops);
    expect(merged.users.filter((u) => u.departmentId === target).length).toBeGreaterThanOrEqual(500);
  });
});
