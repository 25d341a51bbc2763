import fc from 'fast-check';
import type { CrmEdition } from '../../crm';
import type { DataScope, FieldRule, Snapshot, UserStatus } from '../../domain';
import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER } from '../../domain';
import { buildOrg, TEST_FIELDS, TEST_PERMISSIONS } from './orgBuilder';

const scopeArb = fc.constantFrom<DataScope>(1, 2, 3, 4, 5);
/** Mostly real scopes; now and then a dataType the server does not know (DataAuthEnum.valueOf reads it as 1). */
const rawScopeArb = fc.oneof({ weight: 12, arbitrary: scopeArb }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 6, 9) as fc.Arbitrary<number> });
const statusArb = fc.constantFrom<UserStatus>('active', 'active', 'active', 'inactive', 'disabled');
const permIds = TEST_PERMISSIONS.map((p) => p.id);

/**
 * Random organisations: random or chain-shaped department trees (some departments left empty), manager
 * forests that are bushy, flat or one long chain, users with zero to three roles (repeats included),
 * disabled and inactive users, super admins by role 180162 and by id, roles with the `admin` remark, and
 * field rules. Now and then also what the server can hold beyond the domain's checks: manager and department
 * cycles (`any` shapes), departments filed under a department that does not exist, users in one, dataTypes
 * outside 1..5, and field rows of a deleted role.
 *
 * On the PHP edition the same shapes, with the PHP markers: role 1 for the super-admin role, and now and then a
 * role of `types` 1 (kept in `label`) whose holders pass the gateway and read scope 2 as everyone. Users' role lists
 * are random in order, which is what the PHP scope rule reads.
 */
export function organisationArbFor(edition: CrmEdition): fc.Arbitrary<Snapshot> {
  const php = edition === 'wukong-php';
  return fc
    .record({
      deptShape: fc.constantFrom('random', 'chain', 'random', 'any'),
      deptParents: fc.array(fc.nat(), { maxLength: 9 }),
      managerShape: fc.constantFrom('forest', 'chain', 'flat', 'forest', 'any'),
      roles: fc.array(
        fc.record({
          scope: rawScopeArb,
          grants: fc.subarray(permIds),
          admin: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
          superRole: fc.integer({ min: 0, max: 10 }).map((n) => n === 0),
          adminTypes: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
          enabled: fc.boolean(),
        }),
        { maxLength: 7 },
      ),
      users: fc.array(
        fc.record({
          dept: fc.nat(),
          /** 1 in 15 users sits in a department that has no row. */
          missingDept: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
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
          deletedRole: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
          field: fc.constantFrom(...TEST_FIELDS.map((f) => f.name)),
          access: fc.constantFrom(...FIELD_ACCESS_ORDER),
          mask: fc.constantFrom(...FIELD_MASK_ORDER),
        }),
        { maxLength: 8 },
      ),
    })
    .map((r) => {
      const departments: Array<[string, string | null]> = [['d0', null]];
      const n = r.deptParents.length + 1;
      r.deptParents.forEach((p, i) => {
        // `any`: a parent anywhere (cycles), or now and then one that has no row (`gone…`).
        const parent = r.deptShape === 'chain' ? `d${i}` : r.deptShape === 'any' ? (p % 5 === 0 ? `gone${p % 2}` : `d${p % n}`) : `d${p % (i + 1)}`;
        departments.push([`d${i + 1}`, parent]);
      });
      // Role 180162 (Java) or 1 (PHP) is the hard-coded super-admin role; the others get test ids.
      const roleIds = r.roles.map((role, i) => (role.superRole ? (php ? '1' : '180162') : `r${i}`));
      const roles = Object.fromEntries(r.roles.map((role, i) => [roleIds[i]!, {
        scope: role.scope as DataScope, grants: role.grants, remark: role.admin ? 'admin' : null, enabled: role.enabled,
        label: php && role.adminTypes ? 1 : null,
      }]));
      const distinctRoleIds = Object.keys(roles);
      const users = r.users.map((u, i): [string, string, string | null, string[], UserStatus] => {
        let manager: string | null = null;
        if (i > 0 && r.managerShape === 'chain') manager = `u${i - 1}`;
        if (i > 0 && r.managerShape === 'forest' && u.manager !== null) manager = `u${u.manager % i}`;
        if (r.managerShape === 'any' && u.manager !== null) manager = `u${u.manager % r.users.length}`;
        const held = distinctRoleIds.length ? u.roles.map((k) => distinctRoleIds[k % distinctRoleIds.length]!) : [];
        const dept = u.missingDept ? `gone${u.dept % 2}` : departments[u.dept % departments.length]![0];
        return [`u${i}`, dept, manager, held, u.status];
      });
      const seen = new Set<string>();
      const fieldRules: FieldRule[] = [];
      if (distinctRoleIds.length) {
        for (const f of r.fieldRules) {
          const roleId = f.deletedRole ? 'rgone' : distinctRoleIds[f.role % distinctRoleIds.length]!;
          if (seen.has(`${roleId}/${f.field}`)) continue;
          seen.add(`${roleId}/${f.field}`);
          fieldRules.push({ roleId, module: 'customer', field: f.field, access: f.access, mask: f.mask });
        }
      }
      const superUserIds = r.superUsers.map((n) => `u${n % users.length}`);
      return buildOrg({ departments, roles, users, fieldRules, superUserIds, ...(php ? { edition } : {}) });
    });
}

/** Java-edition organisations (the snapshot carries no edition, as every snapshot before editions). */
export const organisationArb: fc.Arbitrary<Snapshot> = organisationArbFor('wukong-crm-11');
/** PHP-edition organisations. */
export const phpOrganisationArb: fc.Arbitrary<Snapshot> = organisationArbFor('wukong-php');

/** The server's depth (20) and small depths that the generated chains exceed, plus unbounded. */
export const depthArb = fc.constantFrom(1, 2, 3, 20, Number.POSITIVE_INFINITY);

/** A one-step change to an organisation, as a draft would make it. */
export const mutationArb = fc.record({
  kind: fc.constantFrom('scope', 'grant', 'revoke', 'assign', 'move', 'manager', 'field', 'remark', 'reorder', 'types'),
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
    case 'types':
      // PHP `admin_group.types` (the pull's `label`): 1 = the super-admin kind.
      if (role >= 0) roles[role] = { ...roles[role]!, label: roles[role]!.label === 1 ? null : 1 };
      break;
    case 'reorder':
      // The user's roles reversed: the same set, another order (which the PHP scope rule reads).
      users[user] = { ...users[user]!, roleIds: [...users[user]!.roleIds].reverse() };
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
