import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../domain';
import { apply } from './apply';
import type { CellChange } from './cells';
import { readCell } from './cellValue';
import { diffSnapshots } from './diff';
import { normaliseOps } from './normalise';
import { arbValidOps } from './testing/arbitraries';
import { sampleSnapshot } from './testing/builders';
import { WorkingSnapshot } from './workingSnapshot';

const diffOf = (ops: Parameters<typeof apply>[1]) => {
  const s = sampleSnapshot();
  return diffSnapshots(s, apply(s, ops)).map(({ key: _key, ...rest }) => rest);
};

describe('diffSnapshots lists the changed cells', () => {
  it('reports role × permission cells, scope and name', () => {
    expect(
      diffOf([
        { type: 'grantPermissions', roleIds: ['r-sales'], permissionIds: ['13', '11'] },
        { type: 'revokePermissions', roleIds: ['r-mgr'], permissionIds: ['12'] },
        { type: 'setDataScope', roleId: 'r-sales', dataScope: 2 },
        { type: 'renameRole', roleId: 'r-sales', name: 'S' },
      ]),
    ).toEqual([
      { kind: 'roleName', roleId: 'r-sales', before: 'Sales', after: 'S' },
      { kind: 'roleScope', roleId: 'r-sales', before: 1, after: 2 },
      { kind: 'rolePermission', roleId: 'r-sales', permissionId: '13', before: false, after: true },
      { kind: 'rolePermission', roleId: 'r-mgr', permissionId: '12', before: true, after: false },
    ]);
  });

  it('reports a created role with its grants and members, a deleted one with its lost members only', () => {
    expect(
      diffOf([
        { type: 'createRole', roleId: 'n', name: 'N', groupId: 'crm', dataScope: 3, permissionIds: ['11'] },
        { type: 'assignRoles', userIds: ['dan'], roleIds: ['n'] },
        { type: 'deleteRole', roleId: 'r-mgr' },
      ]),
    ).toEqual([
      { kind: 'role', roleId: 'n', before: null, after: { name: 'N', groupId: 'crm', dataScope: 3 } },
      { kind: 'rolePermission', roleId: 'n', permissionId: '11', before: false, after: true },
      { kind: 'role', roleId: 'r-mgr', before: { name: 'Manager', groupId: 'crm', dataScope: 5 }, after: null },
      { kind: 'membership', userId: 'ann', roleId: 'r-mgr', before: true, after: false },
      { kind: 'membership', userId: 'cai', roleId: 'r-mgr', before: true, after: false },
      { kind: 'membership', userId: 'dan', roleId: 'n', before: false, after: true },
    ]);
  });

  it('reports people, departments and field rules', () => {
    expect(
      diffOf([
        { type: 'moveUsers', userIds: ['dan'], departmentId: 'sales' },
        { type: 'setManager', userId: 'dan', managerId: 'ann' },
        { type: 'setUserStatus', userIds: ['bob'], status: 'disabled' },
        { type: 'createDepartment', departmentId: 'x', parentId: 'hq', name: 'X' },
        { type: 'renameDepartment', departmentId: 'ops', name: 'Ops' },
        { type: 'moveDepartment', departmentId: 'east', parentId: 'ops' },
        { type: 'setDepartmentHead', departmentId: 'ops', headUserId: 'dan' },
        { type: 'setFieldRules', cells: [{ roleId: 'r-sales', module: 'customer', field: 'mobile', access: 'edit' }, { roleId: 'r-mgr', module: 'customer', field: 'level', remove: true }] },
      ]),
    ).toEqual([
      { kind: 'userStatus', userId: 'bob', before: 'active', after: 'disabled' },
      { kind: 'userDepartment', userId: 'dan', before: 'ops', after: 'sales' },
      { kind: 'userManager', userId: 'dan', before: null, after: 'ann' },
      { kind: 'departmentParent', departmentId: 'east', before: 'sales', after: 'ops' },
      { kind: 'departmentName', departmentId: 'ops', before: 'ops', after: 'Ops' },
      { kind: 'departmentHead', departmentId: 'ops', before: null, after: 'dan' },
      { kind: 'department', departmentId: 'x', before: null, after: { name: 'X', parentId: 'hq', headUserId: null } },
      { kind: 'fieldRule', roleId: 'r-sales', module: 'customer', field: 'mobile', before: { access: 'read', mask: 'list' }, after: { access: 'edit', mask: 'list' } },
      { kind: 'fieldRule', roleId: 'r-mgr', module: 'customer', field: 'level', before: { access: 'edit', mask: 'none' }, after: null },
    ]);
  });

  it('property: every reported cell holds its before value before and its after value after', () => {
    fc.assert(
      fc.property(arbValidOps, ({ snapshot, ops }) => {
        const after = apply(snapshot, ops);
        const [b, a] = [new WorkingSnapshot(snapshot), new WorkingSnapshot(after)];
        for (const c of diffSnapshots(snapshot, after)) {
          expect(readCell(b, c as never)).toEqual(c.before);
          expect(readCell(a, c as never)).toEqual(c.after);
          expect(c.before).not.toEqual(c.after);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('property: no reported change means nothing changed (up to list order)', () => {
    const canonical = (s: Snapshot) =>
      JSON.stringify({
        roles: s.roles.map((r) => ({ ...r, permissionIds: [...r.permissionIds].sort() })).sort((x, y) => x.id.localeCompare(y.id)),
        users: s.users.map((u) => ({ ...u, roleIds: [...u.roleIds].sort() })).sort((x, y) => x.id.localeCompare(y.id)),
        departments: [...s.departments].sort((x, y) => x.id.localeCompare(y.id)),
        fieldRules: s.fieldRules.map((r) => JSON.stringify(r)).sort(),
      });
    fc.assert(
      fc.property(arbValidOps, ({ snapshot, ops }) => {
        const after = apply(snapshot, ops);
        const changes: CellChange[] = diffSnapshots(snapshot, after);
        expect(changes.length === 0).toBe(canonical(snapshot) === canonical(after));
      }),
      { numRuns: 100 },
    );
  });
});

describe('normaliseOps drops no-op cells', () => {
  it('keeps only the cells that change something, splitting a rectangle where needed', () => {
    const s = sampleSnapshot();
    expect(
      normaliseOps(s, [
        { type: 'grantPermissions', roleIds: ['r-sales', 'r-mgr'], permissionIds: ['11', '13'] },
        { type: 'renameRole', roleId: 'r-mgr', name: 'Manager' },
        { type: 'moveUsers', userIds: ['bob', 'dan'], departmentId: 'ops' },
        { type: 'setFieldRules', cells: [{ roleId: 'r-sales', module: 'customer', field: 'mobile', access: 'read' }] },
      ]),
    ).toEqual([
      { type: 'grantPermissions', roleIds: ['r-sales'], permissionIds: ['13'] },
      { type: 'moveUsers', userIds: ['bob'], departmentId: 'ops' },
    ]);
  });

  it('returns operations that change everything they name untouched (same objects)', () => {
    const op = { type: 'setDataScope' as const, roleId: 'r-sales', dataScope: 4 as const };
    expect(normaliseOps(sampleSnapshot(), [op])[0]).toBe(op);
  });

  it('property: the normalised draft has the same effect and is already normal', () => {
    fc.assert(
      fc.property(arbValidOps, ({ snapshot, ops }) => {
        const normal = normaliseOps(snapshot, ops);
        expect(apply(snapshot, normal)).toEqual(apply(snapshot, ops));
        expect(normaliseOps(snapshot, normal)).toEqual(normal);
      }),
      { numRuns: 100 },
    );
  });
});
