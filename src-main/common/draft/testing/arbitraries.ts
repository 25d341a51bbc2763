import fc from 'fast-check';
import type { DataScope, Department, FieldRule, Role, Snapshot, User } from '../../domain';
import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER } from '../../domain';
import type { DraftOperation } from '../operations';
import { applyChecked } from '../apply';
import { sampleSnapshot } from './builders';

/**
 * fast-check generators for the draft property tests: small random organisations over the sample catalogue,
 * and random operations whose ids are drawn mostly from the snapshot (plus a few new and unknown ones, so the
 * rules get exercised too).
 */
const CRM_PERMISSIONS = ['10', '11', '12', '13'];
const MANAGE_PERMISSIONS = ['30', '31'];
const FIELDS = [
  ['customer', 'mobile'],
  ['customer', 'level'],
] as const;
const scope = fc.constantFrom<DataScope>(1, 2, 3, 4, 5);
const access = fc.constantFrom(...FIELD_ACCESS_ORDER);
const mask = fc.constantFrom(...FIELD_MASK_ORDER);
const status = fc.constantFrom('active', 'inactive', 'disabled' as const);

export const arbSnapshot: fc.Arbitrary<Snapshot> = fc
  .record({
    departmentParents: fc.array(fc.nat(), { minLength: 1, maxLength: 5 }),
    roles: fc.array(
      fc.record({ crm: fc.boolean(), perms: fc.subarray(CRM_PERMISSIONS), managePerms: fc.subarray(MANAGE_PERMISSIONS), scope, name: fc.constantFrom('A', 'B', 'C', 'D') }),
      { minLength: 1, maxLength: 5 },
    ),
    users: fc.array(
      fc.record({ dept: fc.nat(), manager: fc.option(fc.nat(), { nil: null }), roles: fc.array(fc.nat(), { maxLength: 3 }), status }),
      { minLength: 1, maxLength: 8 },
    ),
    rules: fc.array(fc.record({ role: fc.nat(), field: fc.constantFrom(...FIELDS), access, mask }), { maxLength: 4 }),
  })
  .map(({ departmentParents, roles, users, rules }) => {
    const sample = sampleSnapshot();
    // Parents point to an earlier department, so the tree has one root and no cycle.
    const departments: Department[] = [{ id: 'd0', parentId: null, name: 'd0', headUserId: null, sort: 0 }];
    departmentParents.forEach((p, i) => departments.push({ id: `d${i + 1}`, parentId: `d${p % (i + 1)}`, name: `d${i + 1}`, headUserId: null, sort: 0 }));
    const seenNames = new Set<string>();
    const roleRows: Role[] = [];
    roles.forEach((r, i) => {
      const groupId = r.crm ? 'crm' : 'manage';
      if (seenNames.has(`${groupId}/${r.name}`)) return;
      seenNames.add(`${groupId}/${r.name}`);
      roleRows.push({ id: `r${i}`, name: r.name, groupId, dataScope: r.scope, permissionIds: r.crm ? r.perms : r.managePerms, enabled: true, remark: null, label: null });
    });
    // Managers point to an earlier user: the reporting lines form a forest.
    const people: User[] = users.map((u, i) => ({
      id: `u${i}`,
      login: `u${i}`,
      name: `u${i}`,
      departmentId: `d${u.dept % departments.length}`,
      managerId: u.manager === null || i === 0 ? null : `u${u.manager % i}`,
      status: u.status,
      title: '',
      roleIds: [...new Set(u.roles.map((r) => roleRows[r % roleRows.length]!.id))],
    }));
    const fieldRules: FieldRule[] = [];
    const ruleKeys = new Set<string>();
    for (const r of rules) {
      const roleId = roleRows[r.role % roleRows.length]!.id;
      const key = `${roleId}/${r.field[1]}`;
      if (ruleKeys.has(key)) continue;
      ruleKeys.add(key);
      fieldRules.push({ roleId, module: r.field[0], field: r.field[1], access: r.access, mask: r.field[1] === 'mobile' ? r.mask : 'none' });
    }
    return { ...sample, departments, roles: roleRows, users: people, fieldRules };
  });

/** A view of the snapshot with only its first entities, to draw ids from (see `arbValidOpsOf`). */
export function focusOn(s: Snapshot): Snapshot {
  return { ...s, roles: s.roles.slice(0, 2), users: s.users.slice(0, 2), departments: s.departments.slice(0, 3) };
}

/** Random operations over a snapshot's ids. Many will be refused by the rules; `arbValidBatch` keeps the rest. */
export function arbOperation(s: Snapshot): fc.Arbitrary<DraftOperation> {
  // Mostly existing ids; new ones now and then (creations, and unknown-id refusals).
  const mostly = <T>(existing: T[], fresh: T[]) => fc.oneof({ arbitrary: fc.constantFrom(...existing), weight: 5 }, { arbitrary: fc.constantFrom(...fresh), weight: 1 });
  const roleId = mostly(s.roles.map((r) => r.id), ['new-role:a', 'new-role:b']);
  const userId = fc.constantFrom(...s.users.map((u) => u.id));
  const deptId = mostly(s.departments.map((d) => d.id), ['new-dept:a']);
  const permissionId = fc.constantFrom(...CRM_PERMISSIONS, ...MANAGE_PERMISSIONS);
  const roleIds = fc.uniqueArray(roleId, { minLength: 1, maxLength: 3 });
  const inGroup = (groupId: string, extra: string[]) => fc.uniqueArray(fc.constantFrom(...s.roles.filter((r) => r.groupId === groupId).map((r) => r.id), ...extra), { minLength: 1, maxLength: 3 });
  const crmRoleIds = inGroup('crm', ['new-role:a', 'new-role:b']);
  const manageRoleIds = inGroup('manage', ['new-role:c']);
  const userIds = fc.uniqueArray(userId, { minLength: 1, maxLength: 3 });
  const name = fc.constantFrom('A', 'B', 'E', 'F');
  const field = fc.constantFrom(...FIELDS);
  const cell = fc.record({ roleId, field, access: fc.option(access, { nil: undefined }), mask: fc.option(fc.constantFrom('none' as const), { nil: undefined }), remove: fc.boolean() });
  return fc.oneof(
    // Grants drawn within one group's catalogue, or most would be refused as PERMISSION_OUTSIDE_GROUP.
    fc.record({ type: fc.constant('grantPermissions' as const), roleIds: crmRoleIds, permissionIds: fc.uniqueArray(fc.constantFrom(...CRM_PERMISSIONS), { minLength: 1, maxLength: 4 }) }),
    fc.record({ type: fc.constant('grantPermissions' as const), roleIds: manageRoleIds, permissionIds: fc.uniqueArray(fc.constantFrom(...MANAGE_PERMISSIONS), { minLength: 1 }) }),
    fc.record({ type: fc.constant('revokePermissions' as const), roleIds, permissionIds: fc.uniqueArray(permissionId, { minLength: 1, maxLength: 4 }) }),
    fc.record({ type: fc.constant('setDataScope' as const), roleId, dataScope: scope }),
    fc.record({ type: fc.constant('createRole' as const), roleId, name, groupId: fc.constant('crm'), dataScope: scope, permissionIds: fc.subarray(CRM_PERMISSIONS) }),
    fc.record({ type: fc.constant('copyRole' as const), roleId, sourceRoleId: roleId, name }),
    fc.record({ type: fc.constant('renameRole' as const), roleId, name }),
    fc.record({ type: fc.constant('deleteRole' as const), roleId }),
    fc.record({ type: fc.constant('assignRoles' as const), userIds, roleIds }),
    fc.record({ type: fc.constant('unassignRoles' as const), userIds, roleIds }),
    fc.record({ type: fc.constant('moveUsers' as const), userIds, departmentId: deptId }),
    fc.record({ type: fc.constant('setManager' as const), userId, managerId: fc.option(userId, { nil: null }) }),
    fc.record({ type: fc.constant('setUserStatus' as const), userIds, status: fc.constantFrom('active', 'disabled' as const) }),
    fc.record({ type: fc.constant('createDepartment' as const), departmentId: deptId, parentId: deptId, name }),
    fc.record({ type: fc.constant('renameDepartment' as const), departmentId: deptId, name }),
    fc.record({ type: fc.constant('moveDepartment' as const), departmentId: deptId, parentId: deptId }),
    fc.record({ type: fc.constant('deleteDepartment' as const), departmentId: deptId }),
    fc.record({ type: fc.constant('setDepartmentHead' as const), departmentId: deptId, headUserId: fc.option(userId, { nil: null }) }),
    fc.record({ type: fc.constant('setFieldRules' as const), cells: fc.array(cell, { minLength: 1, maxLength: 3 }) }).map((op) => ({
      type: op.type,
      cells: op.cells.map((c) => ({
        roleId: c.roleId,
        module: c.field[0],
        field: c.field[1],
        ...(c.remove ? { remove: true } : {}),
        ...(c.access === undefined ? {} : { access: c.access }),
        ...(c.mask === undefined ? {} : { mask: c.mask }),
      })),
    })),
  );
}

/** A snapshot and a list of operations that all apply to it under the server rules. */
export const arbValidOps: fc.Arbitrary<{ snapshot: Snapshot; ops: DraftOperation[] }> = arbSnapshot.chain((snapshot) =>
  fc.array(arbOperation(snapshot), { minLength: 1, maxLength: 8 }).map((candidates) => {
    const { applied } = applyChecked(snapshot, candidates);
    return { snapshot, ops: applied.map((i) => candidates[i]!) };
  }),
);

/** Operations that edit cells of existing entities only (no creation or deletion): cell-exact properties. */
export const CELL_OPERATION_TYPES: ReadonlySet<DraftOperation['type']> = new Set<DraftOperation['type']>([
  'grantPermissions',
  'revokePermissions',
  'setDataScope',
  'renameRole',
  'assignRoles',
  'unassignRoles',
  'moveUsers',
  'setManager',
  'setUserStatus',
  'renameDepartment',
  'moveDepartment',
  'setDepartmentHead',
  'setFieldRules',
]);

/**
 * Valid operations on `snapshot`, drawn only from `types`. Ids come from `idsFrom` (default: the snapshot):
 * passing a few of its entities makes two independent lists collide on the same cells often.
 */
export function arbValidOpsOf(
  snapshot: Snapshot,
  types: ReadonlySet<DraftOperation['type']>,
  maxLength = 6,
  idsFrom: Snapshot = snapshot,
): fc.Arbitrary<DraftOperation[]> {
  return fc
    .array(arbOperation(idsFrom).filter((op) => types.has(op.type)), { maxLength })
    .map((candidates) => applyChecked(snapshot, candidates).applied.map((i) => candidates[i]!));
}
