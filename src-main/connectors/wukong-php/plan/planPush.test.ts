import { beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../common/domain';
import type { CellChange, DraftOperation } from '../../../common/draft';
import { fixtureSnapshot } from '../testing/fixtures';
import { planPush } from './planPush';
import { refusalsFor } from './refusals';
import type { PhpPushStep } from './steps';

let server: Snapshot;
beforeAll(async () => {
  server = (await fixtureSnapshot()).snapshot;
});

const plan = (ops: DraftOperation[]) => planPush(server, ops);
const steps = (ops: DraftOperation[]) => plan(ops).steps.map((s) => s.step);
const kinds = (ops: DraftOperation[]) => steps(ops).map((s) => s.kind);
const codes = (ops: DraftOperation[]) => plan(ops).refusals.map((r) => [r.code, r.cellKey?.replaceAll('\u0000', '/') ?? null]);

describe('planPush (WukongCRM PHP)', () => {
  it('closes grants over their parents: the server adds them, and an action without them grants nothing', () => {
    const p = plan([{ type: 'grantPermissions', roleIds: ['15'], permissionIds: ['5'] }]);
    // Role 15 holds leaves 13, 14 only; saving it makes the server add 10 and 1 for them, and 2 and 1 for 5.
    expect(p.steps.map((s) => s.step)).toEqual([{ kind: 'setRoleAccess', role: '15', grant: ['5', '10', '1', '2'], revoke: [] }]);
    expect(p.steps[0]!.endpoint).toBe('POST /admin/groups/update');
    expect(p.projection.roles.find((r) => r.id === '15')!.permissionIds).toEqual(['13', '14', '5', '10', '1', '2']);
    expect(p.changes.filter((c) => c.kind === 'rolePermission').map((c) => c.key.split('\u0000')[2])).toEqual(['5', '10', '1', '2']);
  });

  it('refuses a revoke the server would undo (a controller revoked while its actions stay)', () => {
    expect(codes([{ type: 'revokePermissions', roleIds: ['10'], permissionIds: ['10'] }])).toEqual([['NOT_STORABLE', 'rolePermission/10/10']]);
    // Revoking the actions too is fine; the controller and module may stay (they grant nothing alone).
    expect(steps([{ type: 'revokePermissions', roleIds: ['10'], permissionIds: ['10', '11', '13', '14', '17'] }])).toEqual([
      { kind: 'setRoleAccess', role: '10', grant: [], revoke: ['10', '11', '13', '14', '17'] },
    ]);
  });

  it('narrows first and widens last, one groups/update per role and phase; a data-scope change alone rewrites the same rules', () => {
    expect(
      steps([
        { type: 'revokePermissions', roleIds: ['10'], permissionIds: ['17'] },
        { type: 'grantPermissions', roleIds: ['10'], permissionIds: ['12'] },
        { type: 'setDataScope', roleId: '10', dataScope: 1 },
        { type: 'setDataScope', roleId: '15', dataScope: 5 },
      ]),
    ).toEqual([
      { kind: 'setRoleAccess', role: '10', grant: [], revoke: ['17'], dataScope: 1 },
      { kind: 'setRoleAccess', role: '10', grant: ['12'], revoke: [] },
      // Role 15's leaves get their parents: groups/update adds them whenever the rules are written.
      { kind: 'setRoleAccess', role: '15', grant: ['10', '1'], revoke: [], dataScope: 5 },
    ]);
  });

  it('creates a role with its scope and no rules, sets a new CRM role’s field rules before anyone holds it, then assigns, then grants', () => {
    const p = plan([
      { type: 'createRole', roleId: 'new-role:a', name: '审计员', groupId: '2', dataScope: 4, permissionIds: ['13'], enabled: false },
      { type: 'setFieldRules', cells: [{ roleId: 'new-role:a', module: 'customer', field: 'mobile', access: 'hidden' }] },
      { type: 'assignRoles', userIds: ['3'], roleIds: ['new-role:a'] },
    ]);
    expect(p.refusals).toEqual([]);
    expect(p.steps.map((s) => [s.seq, s.endpoint, s.step.kind])).toEqual([
      [1, 'POST /admin/groups/save', 'createRole'],
      [2, 'POST /admin/fieldGrant/update', 'setFieldGrant'],
      [3, 'POST /admin/users/groups', 'assignRole'],
      [4, 'POST /admin/groups/update', 'setRoleAccess'],
      [5, 'POST /admin/groups/enables', 'setRoleStatus'],
    ]);
    expect(p.steps[0]!.step).toEqual({ kind: 'createRole', ref: 'new-role:a', category: 2, name: '审计员', dataScope: 4, existing: [] });
    // A new role's cells carry no `from`: its entries are the server's defaults.
    expect(p.steps[1]!.step).toEqual({ kind: 'setFieldGrant', role: 'new-role:a', column: 'customer', cells: [{ field: 'mobile', label: '手机', set: { read: 0, write: 0 } }] });
    expect(p.steps[3]!.step).toEqual({ kind: 'setRoleAccess', role: 'new-role:a', grant: ['13', '10', '1'], revoke: [] });
  });

  it('copies a role as a create with the source’s scope and closed grants', () => {
    const s = steps([{ type: 'copyRole', roleId: 'new-role:c', sourceRoleId: '15', name: 'Leaf copy' }]);
    expect(s).toEqual([
      { kind: 'createRole', ref: 'new-role:c', category: 2, name: 'Leaf copy', dataScope: 1, existing: [] },
      { kind: 'setRoleAccess', role: 'new-role:c', grant: ['13', '14', '10', '1'], revoke: [] },
    ]);
  });

  it('takes a role away early when the person keeps another, late when a new one must be assigned first', () => {
    expect(
      kinds([
        { type: 'assignRoles', userIds: ['2'], roleIds: ['15'] },
        { type: 'unassignRoles', userIds: ['2'], roleIds: ['10'] },
        { type: 'unassignRoles', userIds: ['3'], roleIds: ['15'] },
      ]),
    ).toEqual(['unassignRole', 'assignRole', 'unassignRole']);
  });

  it('moves people, sets superiors through setParent (update to clear one), statuses by batch', () => {
    const p = plan([
      { type: 'setManager', userId: '3', managerId: '1' },
      { type: 'setManager', userId: '2', managerId: null },
      { type: 'moveUsers', userIds: ['3'], departmentId: '2' },
      { type: 'setUserStatus', userIds: ['3'], status: 'disabled' },
    ]);
    expect(p.steps.map((s) => [s.endpoint, s.step])).toEqual([
      ['POST /admin/users/enables', { kind: 'setUserStatus', userIds: ['3'], status: 'disabled' }],
      ['POST /admin/users/setUserDept', { kind: 'moveUsers', department: '2', userIds: ['3'], from: { '3': '1' } }],
      ['POST /admin/users/update', { kind: 'setManager', userId: '2', manager: null, from: '1' }],
      ['POST /admin/users/setParent', { kind: 'setManager', userId: '3', manager: '1', from: '2' }],
    ]);
    expect(p.propagation.map((n) => [n.delay, n.userIds])).toEqual([
      ['nextLogin', ['3']],
      ['immediate', ['2']],
    ]);
  });

  it('creates nested departments parents first, with their head, and deletes children first', () => {
    const created = plan([
      { type: 'createDepartment', departmentId: 'new-dept:a', parentId: '2', name: '华北' },
      { type: 'createDepartment', departmentId: 'new-dept:b', parentId: 'new-dept:a', name: '北京组' },
      { type: 'setDepartmentHead', departmentId: 'new-dept:b', headUserId: '3' },
      { type: 'renameDepartment', departmentId: '2', name: '销售一部' },
    ]);
    expect(created.steps.map((s) => s.step)).toEqual([
      { kind: 'createDepartment', ref: 'new-dept:a', parent: '2', name: '华北', head: null, existing: [] },
      { kind: 'createDepartment', ref: 'new-dept:b', parent: 'new-dept:a', name: '北京组', head: '3', existing: [] },
      { kind: 'updateDepartment', department: '2', name: '销售一部', from: { name: '销售部', parent: '1', head: '2' } },
    ]);
    const withChild: DraftOperation[] = [
      { type: 'createDepartment', departmentId: 'new-dept:a', parentId: '2', name: '华北' },
      { type: 'moveUsers', userIds: ['2'], departmentId: '1' },
    ];
    const base = planPush(server, withChild).projection;
    const deleting = planPush(base, [{ type: 'deleteDepartment', departmentId: 'new-dept:a' }, { type: 'deleteDepartment', departmentId: '2' }]);
    expect(deleting.steps.map((s) => s.step)).toEqual([
      { kind: 'deleteDepartment', department: 'new-dept:a' },
      { kind: 'deleteDepartment', department: '2' },
    ]);
  });

  it('refuses what the PHP edition cannot store: a system role deleted, a top-level department deleted or moved', () => {
    expect(codes([{ type: 'deleteRole', roleId: '3' }])).toEqual([['NOT_STORABLE', 'role/3']]);
    // A copy of the super-admin role (types 1) would be an ordinary role: groups/save drops `types`.
    expect(codes([{ type: 'copyRole', roleId: 'new-role:s', sourceRoleId: '1', name: '超管副本' }])).toEqual([['NOT_STORABLE', null]]);
    expect(codes([{ type: 'renameRole', roleId: '15', name: 'x'.repeat(101) }])).toEqual([['NOT_STORABLE', 'roleName/15']]);
    // The draft rules already refuse these for the one root there is (it holds everyone); the server refuses them
    // for any top-level department (Structure::delStrById, Structures::update).
    const root = server.departments[0]!;
    const cells: CellChange[] = [
      { kind: 'department', departmentId: '1', key: 'department\u00001', before: { name: root.name, parentId: null, headUserId: null }, after: null },
      { kind: 'departmentParent', departmentId: '1', key: 'departmentParent\u00001', before: null, after: '2' },
    ];
    expect(refusalsFor(server, server, [], cells).map((r) => [r.code, r.cellKey])).toEqual([
      ['NOT_STORABLE', 'department\u00001'],
      ['NOT_STORABLE', 'departmentParent\u00001'],
    ]);
  });

  it('refuses field rules it cannot store: masks, locked checkboxes, non-CRM roles, removing a built-in field', () => {
    expect(codes([{ type: 'setFieldRules', cells: [{ roleId: '10', module: 'customer', field: 'owner_user_id', access: 'edit' }] }])).toEqual([
      ['NOT_STORABLE', 'fieldRule/10/customer/owner_user_id'],
    ]);
    expect(codes([{ type: 'setFieldRules', cells: [{ roleId: '10', module: 'customer', field: 'name', access: 'hidden' }] }])).toEqual([
      ['NOT_STORABLE', 'fieldRule/10/customer/name'],
    ]);
    expect(codes([{ type: 'setFieldRules', cells: [{ roleId: '10', module: 'customer', field: 'mobile', remove: true }] }])).toEqual([
      ['FIELD_RULE_REMOVAL', 'fieldRule/10/customer/mobile'],
    ]);
    expect(codes([{ type: 'setFieldRules', cells: [{ roleId: '14', module: 'customer', field: 'mobile', access: 'read' }] }])).toEqual([
      ['NOT_STORABLE', 'fieldRule/14/customer/mobile'],
    ]);
    // Masks: the field is not maskable (the draft rules say so first).
    expect(plan([{ type: 'setFieldRules', cells: [{ roleId: '10', module: 'customer', field: 'mobile', mask: 'list' }] }]).refusals.map((r) => r.code)).toEqual(['RULES']);
    // A custom field's entry can go: the field is then fully open for the role (getFieldGrantStatus).
    expect(steps([{ type: 'setFieldRules', cells: [{ roleId: '10', module: 'customer', field: 'crm_abc', remove: true }] }])).toEqual([
      { kind: 'setFieldGrant', role: '10', column: 'customer', cells: [{ field: 'crm_abc', label: '自定义', set: null, from: { read: 0, write: 0 } }] },
    ]);
  });

  it('puts narrower field rules in the first phase, wider ones last', () => {
    const s = steps([
      { type: 'setFieldRules', cells: [{ roleId: '10', module: 'customer', field: 'mobile', access: 'hidden' }] },
      { type: 'setFieldRules', cells: [{ roleId: '10', module: 'customer', field: 'crm_abc', access: 'edit' }] },
      { type: 'revokePermissions', roleIds: ['10'], permissionIds: ['17'] },
    ]);
    expect(s.map((x: PhpPushStep) => (x.kind === 'setFieldGrant' ? x.cells.map((c) => c.field).join() : x.kind))).toEqual(['setRoleAccess', 'mobile', 'crm_abc']);
  });

  it('refuses what the draft rules reject, quoting them, and sends nothing', () => {
    const p = plan([{ type: 'setUserStatus', userIds: ['1'], status: 'disabled' }]);
    expect(p.refusals.map((r) => r.code)).toEqual(['RULES']);
    expect(p.steps).toEqual([]);
  });
});
