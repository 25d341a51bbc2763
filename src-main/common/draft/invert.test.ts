import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply } from './apply';
import { invert } from './invert';
import type { DraftOperation } from './operations';
import { DRAFT_OPERATION_TYPES } from './operations';
import { arbValidOps } from './testing/arbitraries';
import { deepFreeze, sampleSnapshot } from './testing/builders';

const undoes = (ops: DraftOperation[]) => {
  const before = deepFreeze(sampleSnapshot());
  const after = apply(before, ops);
  const inverse = invert(before, ops);
  expect(apply(after, inverse, { rules: 'structural' })).toEqual(before);
  return { after, inverse };
};

/** One hand-written case per operation kind, each chosen so that a naive inverse would get the order wrong. */
const cases: Record<DraftOperation['type'], DraftOperation[]> = {
  grantPermissions: [{ type: 'grantPermissions', roleIds: ['r-sales', 'r-mgr'], permissionIds: ['13', '10'] }],
  revokePermissions: [{ type: 'revokePermissions', roleIds: ['r-mgr', 'r-sales'], permissionIds: ['11', '13'] }],
  setDataScope: [{ type: 'setDataScope', roleId: 'r-sales', dataScope: 4 }],
  createRole: [{ type: 'createRole', roleId: 'new-role:x', name: 'X', groupId: 'crm', dataScope: 3, permissionIds: ['11'] }],
  copyRole: [{ type: 'copyRole', roleId: 'new-role:x', sourceRoleId: 'r-mgr', name: 'X' }],
  renameRole: [{ type: 'renameRole', roleId: 'r-mgr', name: 'Boss' }],
  deleteRole: [{ type: 'deleteRole', roleId: 'r-sales' }],
  assignRoles: [{ type: 'assignRoles', userIds: ['bob', 'cai'], roleIds: ['r-mgr', 'r-admin'] }],
  unassignRoles: [{ type: 'unassignRoles', userIds: ['cai'], roleIds: ['r-sales'] }],
  moveUsers: [{ type: 'moveUsers', userIds: ['bob', 'dan', 'ann'], departmentId: 'east' }],
  setManager: [{ type: 'setManager', userId: 'dan', managerId: 'cai' }],
  setUserStatus: [{ type: 'setUserStatus', userIds: ['bob', 'dan'], status: 'disabled' }],
  createDepartment: [{ type: 'createDepartment', departmentId: 'new-dept:x', parentId: 'east', name: 'X' }],
  renameDepartment: [{ type: 'renameDepartment', departmentId: 'east', name: 'East' }],
  moveDepartment: [{ type: 'moveDepartment', departmentId: 'east', parentId: 'ops' }],
  deleteDepartment: [
    { type: 'setDepartmentHead', departmentId: 'sales', headUserId: 'ann' },
    { type: 'moveUsers', userIds: ['ann', 'bob', 'cai'], departmentId: 'ops' },
    { type: 'moveDepartment', departmentId: 'east', parentId: 'hq' },
    { type: 'deleteDepartment', departmentId: 'sales' },
  ],
  setDepartmentHead: [{ type: 'setDepartmentHead', departmentId: 'ops', headUserId: 'dan' }],
  setFieldRules: [
    {
      type: 'setFieldRules',
      cells: [
        { roleId: 'r-sales', module: 'customer', field: 'mobile', remove: true },
        { roleId: 'r-mgr', module: 'customer', field: 'level', access: 'hidden' },
        { roleId: 'r-sales', module: 'customer', field: 'level', access: 'read' },
        { roleId: 'r-sales', module: 'customer', field: 'mobile', access: 'edit', mask: 'listDetail' },
      ],
    },
  ],
};

describe('invert restores exactly, for every operation kind', () => {
  it('has a case for every kind', () => {
    expect(Object.keys(cases).sort()).toEqual([...DRAFT_OPERATION_TYPES].sort());
  });

  it.each(Object.entries(cases))('%s', (_type, ops) => {
    undoes(ops);
  });

  it('restores a revoked permission and a removed role at their old positions', () => {
    const { inverse } = undoes([
      { type: 'revokePermissions', roleIds: ['r-mgr'], permissionIds: ['11'] },
      { type: 'unassignRoles', userIds: ['cai'], roleIds: ['r-sales'] },
    ]);
    expect(inverse).toEqual([
      { type: 'assignRoles', userIds: ['cai'], roleIds: ['r-sales'], at: [0] },
      { type: 'grantPermissions', roleIds: ['r-mgr'], permissionIds: ['11'], at: [0] },
    ]);
  });

  it('undoes only the cells a gesture really changed', () => {
    const { inverse } = undoes([{ type: 'grantPermissions', roleIds: ['r-sales', 'r-mgr'], permissionIds: ['11', '13'] }]);
    // r-mgr already had both; r-sales had 11: only (r-sales, 13) comes back out.
    expect(inverse).toEqual([{ type: 'revokePermissions', roleIds: ['r-sales'], permissionIds: ['13'] }]);
  });

  it('brings a deleted role back with its members, in place, and its field rules', () => {
    const { inverse } = undoes([{ type: 'deleteRole', roleId: 'r-mgr' }]);
    expect(inverse.map((op) => op.type)).toEqual(['createRole', 'assignRoles', 'assignRoles', 'setFieldRules']);
  });

  it('keeps the batch id and label', () => {
    const batch = { id: 'b7', label: 'paint', ops: cases.setDataScope };
    expect(invert(sampleSnapshot(), batch)).toMatchObject({ id: 'b7:undo', label: 'paint' });
  });

  it('property: apply(apply(s, b), invert(s, b)) deep-equals s', () => {
    fc.assert(
      fc.property(arbValidOps, ({ snapshot, ops }) => {
        const after = apply(snapshot, ops);
        expect(apply(after, invert(snapshot, ops), { rules: 'structural' })).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });

  it('property: the inverse of the inverse redoes the batch', () => {
    fc.assert(
      fc.property(arbValidOps, ({ snapshot, ops }) => {
        const after = apply(snapshot, ops);
        const inverse = invert(snapshot, ops);
        expect(apply(snapshot, invert(after, inverse), { rules: 'structural' })).toEqual(after);
      }),
      { numRuns: 100 },
    );
  });
});
