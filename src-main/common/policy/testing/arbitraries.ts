// eslint-disable-next-line gatehouse/layers -- test-only import, never bundled into the pure core
import fc from 'fast-check';
import type { DataScope, FieldRule, Snapshot, UserStatus } from '../../domain';
import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER } from '../../domain';
import { buildOrg, TEST_FIELDS, TEST_PERMISSIONS } from './orgBuilder';

const scopeArb = fc.constantFrom<DataScope>(1, 2, 3, 4, 5);
const statusArb = fc.constantFrom<UserStatus>('active', 'active', 'active', 'inactive', 'disabled');
const permIds = TEST_PERMISSIONS.map((p) => p.id);

/**
 * Random organisations: random or chain-shaped department trees (some departments left empty), manager
 * forests that are bushy, flat or one long chain, users with zero to three roles (repeats included),
 * disabled and inactive users, super admins by role remark and by id, and field rules.
 */
export const organisationArb: fc.Arbitrary<Snapshot> = fc
  .record({
    deptShape: fc.constantFrom('random', 'chain'),
    deptParents: fc.array(fc.nat(), { maxLength: 9 }),
    managerShape: fc.constantFrom('forest', 'chain', 'flat'),
    roles: fc.array(
      fc.record({
        scope: scopeArb,
        grants: fc.subarray(permIds),
        admin: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
        enabled: fc.boolean(),
      }),
      { maxLength: 7 },
    ),
    users: fc.array(
      fc.record({
        dept: fc.nat(),
        manager: fc.option(fc.nat(), { freq: 4 }),
        roles: fc.array(fc.nat(), { maxLength: 3 }),
        status: statusArb,
      }),
      { minLength: 1, maxLength: 30 },
    ),
    superUsers: fc.array(fc.nat(), { maxLength: 1 }),
    fieldRules: fc.array(
      fc.record({
        role: fc.nat(),
        field: fc.constantFrom(...TEST_FIELDS.map((f) => f.name)),
        access: fc.constantFrom(...FIELD_ACCESS_ORDER),
        mask: fc.constantFrom(...FIELD_MASK_ORDER),
      }),
      { maxLength: 8 },
    ),
  })
  .map((r) => {
    const departments: Array<[string, string | null]> = [['d0', null]];
    r.deptParents.forEach((p, i) => departments.push([`d${i + 1}`, `d${r.deptShape === 'chain' ? i : p % (i + 1)}`]));
    const roleIds = r.roles.map((_, i) => `r${i}`);
    const roles = Object.fromEntries(r.roles.map((role, i) => [roleIds[i]!, {
      scope: role.scope, grants: role.grants, remark: role.admin ? 'admin' : null, enabled: role.enabled,
    }]));
    const users = r.users.map((u, i): [string, string, string | null, string[], UserStatus] => {
      let manager: string | null = null;
      if (i > 0 && r.managerShape === 'chain') manager = `u${i - 1}`;
      if (i > 0 && r.managerShape === 'forest' && u.manager !== null) manager = `u${u.manager % i}`;
      const held = roleIds.length ? u.roles.map((n) => roleIds[n % roleIds.length]!) : [];
      return [`u${i}`, departments[u.dept % departments.length]![0], manager, held, u.status];
    });
    const seen = new Set<string>();
    const fieldRules: FieldRule[] = [];
    if (roleIds.length) {
      for (const f of r.fieldRules) {
        const roleId = roleIds[f.role % roleIds.length]!;
        if (seen.has(`${roleId}/${f.field}`)) continue;
        seen.add(`${roleId}/${f.field}`);
        fieldRules.push({ roleId, module: 'customer', field: f.field, access: f.access, mask: f.mask });
      }
    }
    const superUserIds = r.superUsers.map((n) => `u${n % users.length}`);
    return buildOrg({ departments, roles, users, fieldRules, superUserIds });
  });

/** The server's depth (20) and small depths that the generated chains exceed, plus unbounded. */
export const depthArb = fc.constantFrom(1, 2, 3, 20, Number.POSITIVE_INFINITY);

/** A one-step change to an organisation, as a draft would make it. */
export const mutationArb = fc.record({
  kind: fc.constantFrom('scope', 'grant', 'revoke', 'assign', 'move', 'manager', 'field', 'remark'),
  a: fc.nat(),
  b: fc.nat(),
  scope: scopeArb,
  access: fc.constantFrom(...FIELD_ACCESS_ORDER),
  mask: fc.constantFrom(...FIELD_MASK_ORDER),
});

export type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

export function mutate(s: Snapshot, m: Mutation): Snapshot {
  const roles = s.roles.slice();
  const users = s.users.slice();
  let fieldRules = s.fieldRules;
  const role = roles.length ? m.a % roles.length : -1;
  const user = m.a % users.length;
  const permission = permIds[m.b % permIds.length]!;
  switch (m.kind) {
    case 'scope':
      if (role >= 0) roles[role] = { ...roles[role]!, dataScope: m.scope };
      break;
    case 'grant':
      if (role >= 0 && !roles[role]!.permissionIds.includes(permission)) roles[role] = { ...roles[role]!, permissionIds: [...roles[role]!.permissionIds, permission] };
      break;
    case 'revoke':
      if (role >= 0) roles[role] = { ...roles[role]!, permissionIds: roles[role]!.permissionIds.filter((p) => p !== permission) };
      break;
    case 'remark':
      if (role >= 0) roles[role] = { ...roles[role]!, remark: roles[role]!.remark === 'admin' ? null : 'admin' };
      break;
    case 'assign':
      if (roles.length) {
        const roleId = roles[m.b % roles.length]!.id;
        const held = users[user]!.roleIds;
        users[user] = { ...users[user]!, roleIds: held.includes(roleId) ? held.filter((r) => r !== roleId) : [...held, roleId] };
      }
      break;
    case 'move':
      users[user] = { ...users[user]!, departmentId: s.departments[m.b % s.departments.length]!.id };
      break;
    case 'manager':
      // Only an earlier user, so the manager forest stays acyclic.
      users[user] = { ...users[user]!, managerId: user === 0 ? null : users[m.b % user]!.id };
      break;
    case 'field':
      if (role >= 0) {
        const field = TEST_FIELDS[m.b % TEST_FIELDS.length]!.name;
        const roleId = roles[role]!.id;
        fieldRules = [...s.fieldRules.filter((f) => !(f.roleId === roleId && f.field === field)),
          { roleId, module: 'customer', field, access: m.access, mask: m.mask }];
      }
      break;
  }
  return { ...s, roles, users, fieldRules };
}
