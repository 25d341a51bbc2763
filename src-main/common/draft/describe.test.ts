import { describe, expect, it } from 'vitest';
import { apply } from './apply';
import { describeOperation, describeOperations } from './describe';
import { describeChange } from './describeChange';
import { diffSnapshots } from './diff';
import type { DraftOperation } from './operations';
import { DRAFT_OPERATION_TYPES } from './operations';
import { sampleSnapshot } from './testing/builders';

describe('describeOperation speaks plainly in both languages', () => {
  const s = sampleSnapshot();

  it('names roles, people, departments and permissions as the snapshot knows them', () => {
    const grant: DraftOperation = { type: 'grantPermissions', roleIds: ['r-sales'], permissionIds: ['13'] };
    expect(describeOperation(grant, s, 'en')).toBe('Grant 1 permission (crm:customer:delete) to "Sales"');
    expect(describeOperation(grant, s, 'zh-CN')).toBe('为 「Sales」 授予权限 crm:customer:delete');
    expect(describeOperation({ type: 'setDataScope', roleId: 'r-mgr', dataScope: 3 }, s, 'en')).toBe(
      'Set the data scope of "Manager" to "own department"',
    );
    expect(describeOperation({ type: 'setDataScope', roleId: 'r-mgr', dataScope: 2 }, s, 'zh-CN')).toContain('本人及下属');
    expect(describeOperation({ type: 'setManager', userId: 'dan', managerId: 'ann' }, s, 'en')).toBe('Make ann the manager of dan');
  });

  it('shortens long lists', () => {
    const op: DraftOperation = { type: 'moveUsers', userIds: ['ann', 'bob', 'cai', 'dan', 'boss'], departmentId: 'ops' };
    expect(describeOperation(op, s, 'en')).toBe('Move ann, bob, cai and 2 more to "ops"');
    expect(describeOperation(op, s, 'zh-CN')).toBe('把 ann、bob、cai 等 5 项 调到部门 「ops」');
  });

  it('describes field rule cells with the field label', () => {
    const op: DraftOperation = { type: 'setFieldRules', cells: [{ roleId: 'r-sales', module: 'customer', field: 'mobile', access: 'read', mask: 'list' }] };
    expect(describeOperation(op, s, 'en')).toBe('Set field rules: Sales · Mobile → read only, masked in lists');
    expect(describeOperation(op, s, 'zh-CN')).toBe('设置字段权限：Sales · 手机 → 只读，列表脱敏');
  });

  it('has a sentence for every operation kind in both languages', () => {
    const samples: DraftOperation[] = [
      { type: 'grantPermissions', roleIds: ['r-sales'], permissionIds: ['13'] },
      { type: 'revokePermissions', roleIds: ['r-sales'], permissionIds: ['11'] },
      { type: 'setDataScope', roleId: 'r-sales', dataScope: 5 },
      { type: 'createRole', roleId: 'n', name: 'N', groupId: 'crm', dataScope: 1, permissionIds: [] },
      { type: 'copyRole', roleId: 'n', sourceRoleId: 'r-sales', name: 'N' },
      { type: 'renameRole', roleId: 'r-sales', name: 'N' },
      { type: 'deleteRole', roleId: 'r-sales' },
      { type: 'assignRoles', userIds: ['bob'], roleIds: ['r-mgr'] },
      { type: 'unassignRoles', userIds: ['cai'], roleIds: ['r-mgr'] },
      { type: 'moveUsers', userIds: ['bob'], departmentId: 'ops' },
      { type: 'setManager', userId: 'bob', managerId: null },
      { type: 'setUserStatus', userIds: ['bob'], status: 'disabled' },
      { type: 'createDepartment', departmentId: 'x', parentId: 'hq', name: 'X' },
      { type: 'renameDepartment', departmentId: 'ops', name: 'X' },
      { type: 'moveDepartment', departmentId: 'east', parentId: 'ops' },
      { type: 'deleteDepartment', departmentId: 'east' },
      { type: 'setDepartmentHead', departmentId: 'ops', headUserId: null },
      { type: 'setFieldRules', cells: [{ roleId: 'r-sales', module: 'customer', field: 'mobile', remove: true }] },
    ];
    expect(new Set(samples.map((o) => o.type))).toEqual(new Set(DRAFT_OPERATION_TYPES));
    const en = samples.map((o) => describeOperation(o, s, 'en'));
    const zh = samples.map((o) => describeOperation(o, s, 'zh-CN'));
    expect(new Set(en).size).toBe(samples.length);
    expect(new Set(zh).size).toBe(samples.length);
    for (const text of zh) expect(text).toMatch(/[\u4e00-\u9fff]/);
  });

  it('names a role created earlier in the same draft', () => {
    expect(
      describeOperations(
        s,
        [
          { type: 'createRole', roleId: 'new-role:1', name: 'Auditors', groupId: 'crm', dataScope: 1, permissionIds: [] },
          { type: 'deleteRole', roleId: 'new-role:1' },
        ],
        'en',
      ),
    ).toEqual(['Create role "Auditors" in "crm" with 0 permissions', 'Delete role "Auditors"']);
  });
});

describe('describeChange puts each changed cell in words', () => {
  it('has a distinct sentence for every kind of change a draft makes, in both languages', () => {
    const before = sampleSnapshot();
    const after = apply(before, [
      { type: 'createRole', roleId: 'n', name: 'Auditor', groupId: 'crm', dataScope: 1, permissionIds: [] },
      { type: 'grantPermissions', roleIds: ['r-sales'], permissionIds: ['13'] },
      { type: 'setDataScope', roleId: 'r-sales', dataScope: 4 },
      { type: 'renameRole', roleId: 'r-mgr', name: 'Lead' },
      { type: 'assignRoles', userIds: ['dan'], roleIds: ['r-mgr'] },
      { type: 'moveUsers', userIds: ['bob'], departmentId: 'ops' },
      { type: 'setManager', userId: 'dan', managerId: 'ann' },
      { type: 'setUserStatus', userIds: ['cai'], status: 'disabled' },
      { type: 'createDepartment', departmentId: 'x', parentId: 'hq', name: 'X' },
      { type: 'renameDepartment', departmentId: 'ops', name: 'Ops' },
      { type: 'moveDepartment', departmentId: 'east', parentId: 'ops' },
      { type: 'setDepartmentHead', departmentId: 'ops', headUserId: 'dan' },
      { type: 'setFieldRules', cells: [{ roleId: 'r-sales', module: 'customer', field: 'mobile', access: 'edit' }] },
      { type: 'deleteRole', roleId: 'r-admin' },
    ]);
    const changes = diffSnapshots(before, after);
    const en = changes.map((c) => describeChange(c, before, after, 'en'));
    const zh = changes.map((c) => describeChange(c, before, after, 'zh-CN'));
    expect(new Set(en).size).toBe(changes.length);
    expect(new Set(zh).size).toBe(changes.length);
    expect(en).toContain('Data scope of "Sales": self → department tree');
    expect(en).toContain('bob moves from "east" to "Ops"');
    expect(en).toContain('"Sales" gains "crm:customer:delete"');
    expect(en).toContain('boss loses role "Admin"');
    expect(en).toContain('"Sales", field "Mobile": read only, masked in lists → editable, masked in lists');
    expect(zh).toContain('「Sales」 的数据权限：本人 → 本部门及下属部门');
    expect(zh).toContain('boss 失去角色 「Admin」');
  });
});
