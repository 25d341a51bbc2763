import fc from 'fast-check';
import type { DataScope, FieldRule, Role, Snapshot } from '../../domain';
import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER } from '../../domain';
import { TEST_FIELDS, TEST_PERMISSIONS } from './orgBuilder';

/**
 * Draft-like gestures for the incremental-compile property: each returns a new snapshot that shares every row
 * and array it did not touch, as common/draft's copy-on-write apply does. Role gestures (what the update
 * patches) are frequent; structural ones (what it must hand to a full compile) are mixed in.
 */
export const gestureArb = fc.record({
  kind: fc.constantFrom(
    'scope', 'grant', 'revoke', 'assign', 'unassign', 'remark', 'createRole', 'copyRole', 'field', 'status', 'noop',
    'scope', 'grant', 'assign', 'unassign', 'reorder', 'types',
    'move', 'manager', 'moveDepartment', 'deleteRole', 'addUser',
  ),
  a: fc.nat(),
  b: fc.nat(),
  people: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
  scope: fc.constantFrom(1, 2, 3, 4, 5, 5, 3, 6, -1),
  access: fc.constantFrom(...FIELD_ACCESS_ORDER),
  mask: fc.constantFrom(...FIELD_MASK_ORDER),
});

export type Gesture = typeof gestureArb extends fc.Arbitrary<infer T> ? T : never;

const permIds = TEST_PERMISSIONS.map((p) => p.id);

export function applyGesture(s: Snapshot, g: Gesture): Snapshot {
  const roleAt = s.roles.length ? g.a % s.roles.length : -1;
  const withRole = (change: (r: Role) => Role): Snapshot => {
    if (roleAt < 0) return s;
    const roles = s.roles.slice();
    roles[roleAt] = change(roles[roleAt]!);
    return { ...s, roles };
  };
  const permission = permIds[g.b % permIds.length]!;
  const people = [...new Set(g.people.map((n) => n % s.users.length))];
  const withUsers = (change: (u: Snapshot['users'][number]) => Snapshot['users'][number]): Snapshot => {
    const users = s.users.slice();
    for (const i of people) users[i] = change(users[i]!);
    return { ...s, users };
  };
  switch (g.kind) {
    case 'scope':
      return withRole((r) => ({ ...r, dataScope: g.scope as DataScope }));
    case 'grant':
      return withRole((r) => (r.permissionIds.includes(permission) ? r : { ...r, permissionIds: [...r.permissionIds, permission] }));
    case 'revoke':
      return withRole((r) => ({ ...r, permissionIds: r.permissionIds.filter((p) => p !== permission) }));
    case 'remark':
      return withRole((r) => ({ ...r, remark: r.remark === 'admin' ? null : 'admin' }));
    case 'types':
      // The PHP pull keeps `admin_group.types` in `label`: 1 = the super-admin kind (editionRules.ts).
      return withRole((r) => ({ ...r, label: r.label === 1 ? null : 1 }));
    case 'reorder':
      // The same roles in another order (on PHP the order decides the scope): rotated by b.
      return withUsers((u) => {
        if (u.roleIds.length < 2) return u;
        const k = g.b % u.roleIds.length || 1;
        return { ...u, roleIds: [...u.roleIds.slice(k), ...u.roleIds.slice(0, k)] };
      });
    case 'assign':
    case 'unassign': {
      if (roleAt < 0) return s;
      const id = s.roles[roleAt]!.id;
      return withUsers((u) => (g.kind === 'assign'
        ? (u.roleIds.includes(id) ? u : { ...u, roleIds: [...u.roleIds, id] })
        : { ...u, roleIds: u.roleIds.filter((r) => r !== id) }));
    }
    case 'createRole':
    case 'copyRole': {
      // Sometimes a hard-coded super-admin role (Java 180162, PHP 1), sometimes an id someone already (dangling) lists.
      const taken = new Set(s.roles.map((r) => r.id));
      const id = [g.b % 2 ? '1' : '180162', `x${g.b % 3}`, `n${s.roles.length}-${g.b}`].find((c) => !taken.has(c))!;
      const source = g.kind === 'copyRole' && roleAt >= 0 ? s.roles[roleAt]! : null;
      const role: Role = source
        ? { ...source, id, name: `${source.name}(1)`, remark: null, permissionIds: [...source.permissionIds] }
        : { id, name: id, groupId: 'crm', dataScope: g.scope as DataScope, permissionIds: [permission], enabled: true, remark: null, label: null };
      const next = { ...s, roles: [...s.roles, role] };
      return g.a % 2 === 0 ? next : applyGesture(next, { ...g, kind: 'assign', a: s.roles.length });
    }
    case 'field': {
      const field = TEST_FIELDS[g.b % TEST_FIELDS.length]!.name;
      const roleId = roleAt < 0 || g.a % 5 === 0 ? 'deleted' : s.roles[roleAt]!.id;
      const rule: FieldRule = { roleId, module: 'customer', field, access: g.access, mask: g.mask };
      return { ...s, fieldRules: [...s.fieldRules.filter((f) => !(f.roleId === roleId && f.field === field)), rule] };
    }
    case 'status':
      return withUsers((u) => ({ ...u, status: u.status === 'disabled' ? 'active' : 'disabled' }));
    case 'noop':
      return { ...s, users: s.users.slice() };
    case 'move':
      return withUsers((u) => ({ ...u, departmentId: s.departments[g.b % s.departments.length]!.id }));
    case 'manager':
      return withUsers((u) => ({ ...u, managerId: s.users[g.b % s.users.length]!.id })); // cycles allowed
    case 'moveDepartment': {
      const departments = s.departments.slice();
      const d = g.a % departments.length;
      if (departments[d]!.parentId === null) return s;
      departments[d] = { ...departments[d]!, parentId: departments[g.b % departments.length]!.id };
      return { ...s, departments };
    }
    case 'deleteRole': {
      if (roleAt < 0) return s;
      const id = s.roles[roleAt]!.id;
      return { ...s, roles: s.roles.filter((r) => r.id !== id), users: s.users.map((u) => (u.roleIds.includes(id) ? { ...u, roleIds: u.roleIds.filter((r) => r !== id) } : u)) };
    }
    case 'addUser':
      return { ...s, users: [...s.users, { ...s.users[0]!, id: `new${s.users.length}`, login: `new${s.users.length}` }] };
  }
}
