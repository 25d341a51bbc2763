import { describe, expect, it } from 'vitest';
import type { Snapshot, User } from '../../../common/domain';
import type { DraftOperation } from '../../../common/draft';
import { loadBundledCatalogue } from '../../../services/resources';
import { planPush } from './planPush';

/** The WukongCRM 11 catalogue and default roles with a handful of people. */
function organisation(): Snapshot {
  const catalogue = loadBundledCatalogue();
  const user = (id: string, departmentId: string, roleIds: string[], managerId: string | null = null): User => ({
    id,
    login: `1380000${id}`,
    name: `user ${id}`,
    departmentId,
    managerId,
    status: 'active',
    title: '',
    roleIds,
  });
  return {
    schemaVersion: 1,
    source: { kind: 'generated', takenAt: '2026-01-01T00:00:00.000Z' },
    departments: [
      { id: '1', parentId: null, name: '全公司', headUserId: null, sort: 0 },
      { id: '2', parentId: '1', name: '销售部', headUserId: null, sort: 0 },
      { id: '3', parentId: '1', name: '技术部', headUserId: null, sort: 0 },
    ],
    users: [user('14773', '1', ['180162']), user('101', '2', ['180169']), user('102', '2', ['180170', '180168'], '101'), user('103', '3', ['180170'])],
    permissions: catalogue.permissions,
    roleGroups: catalogue.roleGroups,
    roles: catalogue.defaultRoles,
    fields: catalogue.fields,
    fieldRules: [{ roleId: '180170', module: 'customer', field: 'mobile', access: 'read', mask: 'list' }],
    superUserIds: ['14773'],
  };
}

const kinds = (ops: DraftOperation[]) => planPush(organisation(), ops).steps.map((s) => s.step.kind);

describe('planPush', () => {
  it('sends nothing for a rename to the current name (update would answer 1117)', () => {
    const plan = planPush(organisation(), [{ type: 'renameRole', roleId: '180170', name: '销售员角色' }]);
    expect(plan.refusals).toEqual([]);
    expect(plan.steps).toEqual([]);
  });

  it('renames the role that gives up a name before the role that takes it', () => {
    const plan = planPush(organisation(), [
      { type: 'renameRole', roleId: '180170', name: '一线销售' },
      { type: 'renameRole', roleId: '180169', name: '销售员角色' },
    ]);
    expect(plan.steps.map((s) => [s.step.kind, 'role' in s.step ? s.step.role : null])).toEqual([
      ['renameRole', '180170'],
      ['renameRole', '180169'],
    ]);
  });

  it('refuses a name swap and a name freed only by a deletion, with reasons', () => {
    const swap = planPush(organisation(), [
      { type: 'renameRole', roleId: '180169', name: '临时' },
      { type: 'renameRole', roleId: '180170', name: '销售经理角色' },
      { type: 'renameRole', roleId: '180169', name: '销售员角色' },
    ]);
    expect(swap.refusals.map((r) => r.code)).toEqual(['NAME_ORDER']);
    expect(swap.steps).toEqual([]);
    const reuse = planPush(organisation(), [
      { type: 'deleteRole', roleId: '180168' },
      { type: 'createRole', roleId: 'new-role:a', name: '公告管理员', groupId: '7', dataScope: 5, permissionIds: [] },
    ]);
    expect(reuse.refusals.map((r) => r.code)).toEqual(['NAME_ORDER']);
    expect(reuse.refusals[0]!.reason.en).toContain('push the deletion first');
  });

  it('refuses what WukongCRM cannot store: a deleted field rule, a grant getRoleByType never reports', () => {
    const plan = planPush(organisation(), [
      { type: 'setFieldRules', cells: [{ roleId: '180170', module: 'customer', field: 'mobile', remove: true }] },
      // 762 sits at level 4 (bi › jxc › purchasing › read) and 1 is the crm root: neither is ever read back (§4.2).
      { type: 'grantPermissions', roleIds: ['180170'], permissionIds: ['1', '762', '32'] },
    ]);
    expect(plan.refusals.map((r) => [r.code, r.cellKey])).toEqual([
      ['UNREPORTED_GRANT', 'rolePermission\u0000180170\u00001'],
      ['UNREPORTED_GRANT', 'rolePermission\u0000180170\u0000762'],
      ['FIELD_RULE_REMOVAL', 'fieldRule\u0000180170\u0000customer\u0000mobile'],
    ]);
    expect(plan.steps).toEqual([]);
  });

  it("refuses what the server's own rules reject (department names of more than 20 characters, §2)", () => {
    const plan = planPush(organisation(), [{ type: 'createDepartment', departmentId: 'new-dept:x', parentId: '1', name: '一个名字超过二十个字的部门名称一个名字超过二十个字' }]);
    expect(plan.refusals.map((r) => r.code)).toEqual(['RULES']);
    expect(plan.steps).toEqual([]);
  });

  it('refuses operations the rules reject on the server state, quoting them', () => {
    const plan = planPush(organisation(), [{ type: 'setUserStatus', userIds: ['14773'], status: 'disabled' }]);
    expect(plan.refusals.map((r) => r.code)).toEqual(['RULES']);
    expect(plan.refusals[0]!.reason.en).toMatch(/cannot be disabled/);
  });

  it('creates nested departments parents first, before anyone moves in, and deletes children first', () => {
    const plan = planPush(organisation(), [
      { type: 'createDepartment', departmentId: 'new-dept:a', parentId: '2', name: '华北' },
      { type: 'createDepartment', departmentId: 'new-dept:b', parentId: 'new-dept:a', name: '北京组' },
      { type: 'moveUsers', userIds: ['103'], departmentId: 'new-dept:b' },
    ]);
    expect(plan.steps.map((s) => [s.step.kind, 'ref' in s.step ? s.step.ref : null])).toEqual([
      ['createDepartment', 'new-dept:a'],
      ['createDepartment', 'new-dept:b'],
      ['moveUsers', null],
    ]);
    expect(plan.steps.map((s) => s.seq)).toEqual([1, 2, 3]);
  });

  it('takes a role away early when the person keeps another, late when a new one must be assigned first (1133)', () => {
    expect(
      kinds([
        { type: 'assignRoles', userIds: ['103'], roleIds: ['180169'] },
        { type: 'unassignRoles', userIds: ['103'], roleIds: ['180170'] },
        { type: 'unassignRoles', userIds: ['102'], roleIds: ['180170'] },
      ]),
    ).toEqual(['unassignRole', 'assignRole', 'unassignRole']);
    const deleting = planPush(organisation(), [{ type: 'deleteRole', roleId: '180168' }]);
    expect(deleting.steps.map((s) => s.step.kind)).toEqual(['deleteRole']);
    expect(deleting.steps[0]!.summary).toEqual({ 'zh-CN': '删除角色「公告管理员」', en: 'Delete role "公告管理员"' });
    expect(deleting.propagation.map((n) => [n.delay, n.userIds])).toEqual([['nextLogin', ['102']]]);
  });

  it('turns a new role into create (with its scope), assignment, then grants; copies become creates with the copied grants', () => {
    const plan = planPush(organisation(), [
      { type: 'createRole', roleId: 'new-role:a', name: '审计员', groupId: '2', dataScope: 4, permissionIds: ['28'] },
      { type: 'assignRoles', userIds: ['103'], roleIds: ['new-role:a'] },
      { type: 'copyRole', roleId: 'new-role:b', sourceRoleId: '180170', name: '销售员（复制）' },
    ]);
    expect(plan.steps.map((s) => s.step.kind)).toEqual(['createRole', 'createRole', 'assignRole', 'setRoleAccess', 'setRoleAccess']);
    const sales = organisation().roles.find((r) => r.id === '180170')!;
    // The scope goes with add itself: a new role never sits at the column default 5 (全部), even for a moment.
    expect(plan.steps.filter((s) => s.step.kind === 'createRole').map((s) => s.step)).toEqual([
      { kind: 'createRole', ref: 'new-role:a', roleType: 2, name: '审计员', label: null, dataScope: 4, existing: [] },
      expect.objectContaining({ ref: 'new-role:b', dataScope: sales.dataScope }),
    ]);
    const access = plan.steps.filter((s) => s.step.kind === 'setRoleAccess').map((s) => s.step);
    expect(access[0]).toEqual({ kind: 'setRoleAccess', role: 'new-role:a', roleType: 2, grant: ['28'], revoke: [] });
    expect(access[1]).toMatchObject({ role: 'new-role:b', grant: sales.permissionIds });
  });

  it('narrows first (revokes, lower scope) and widens last (grants), one delta write per role and phase', () => {
    const plan = planPush(organisation(), [
      { type: 'grantPermissions', roleIds: ['180170'], permissionIds: ['32'] },
      { type: 'grantPermissions', roleIds: ['180168'], permissionIds: ['151'] },
      { type: 'revokePermissions', roleIds: ['180170'], permissionIds: ['28'] },
      { type: 'setDataScope', roleId: '180170', dataScope: 2 },
    ]);
    // 销售员角色 goes from scope 1 to 2: a wider scope, so it goes out with the grants, after every narrowing.
    expect(plan.steps.map((s) => s.step)).toEqual([
      { kind: 'setRoleAccess', role: '180170', roleType: 2, grant: [], revoke: ['28'] },
      { kind: 'setRoleAccess', role: '180168', roleType: 7, grant: ['151'], revoke: [] },
      { kind: 'setRoleAccess', role: '180170', roleType: 2, grant: ['32'], revoke: [], dataScope: 2 },
    ]);
    expect(plan.steps.every((s) => s.endpoint === 'POST /adminRole/updateRoleMenu')).toBe(true);
  });
});
