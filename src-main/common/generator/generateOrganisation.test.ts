import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBundledCatalogue } from '../../services/resources';
import { findCycle, type Snapshot, snapshotSchema, validateSnapshot } from '../domain';
import { WUKONG_ROLE_GROUP, WUKONG_SUPER_ROLE_ID, WUKONG_SUPER_USER_ID } from '../wukong';
import { MAX_DEPARTMENT_DEPTH } from './departments';
import { isSystemField } from './fieldRules';
import { generateOrganisation, takenAtForSeed } from './generateOrganisation';

const catalogue = loadBundledCatalogue();
const medium = { seed: 42, users: 3000, departments: 120, customRoles: 60 };
const org = generateOrganisation(catalogue, medium);

/** Length of each user's reporting line, walking managers (naively, as a reference). */
function chainLengths(s: Snapshot): number[] {
  const manager = new Map(s.users.map((u) => [u.id, u.managerId]));
  return s.users.map((u) => {
    let n = 0;
    for (let m = u.managerId; m !== null && n <= s.users.length; m = manager.get(m) ?? null) n += 1;
    return n;
  });
}

function departmentDepths(s: Snapshot): Map<string, number> {
  const parent = new Map(s.departments.map((d) => [d.id, d.parentId]));
  const depth = new Map<string, number>();
  for (const d of s.departments) {
    let n = 0;
    for (let p = d.parentId; p !== null; p = parent.get(p) ?? null) n += 1;
    depth.set(d.id, n);
  }
  return depth;
}

describe('generateOrganisation — determinism', () => {
  it('gives a deep-equal snapshot for the same options', () => {
    expect(generateOrganisation(catalogue, medium)).toEqual(org);
  });

  it('gives a different organisation for a different seed', () => {
    const other = generateOrganisation(catalogue, { ...medium, seed: 43 });
    expect(other.users.map((u) => u.name)).not.toEqual(org.users.map((u) => u.name));
    expect(other.source.takenAt).not.toBe(org.source.takenAt);
  });

  it('stamps a fixed time derived from the seed, not the clock', () => {
    expect(org.source).toEqual({ kind: 'generated', seed: 42, takenAt: takenAtForSeed(42) });
    expect(org.source.takenAt.startsWith('2026-')).toBe(true);
  });
});

describe('generateOrganisation — validity and sizes', () => {
  it('passes the domain schema and referential checks', () => {
    expect(snapshotSchema.safeParse(org).success).toBe(true);
    expect(validateSnapshot(org)).toEqual([]);
    expect(findCycle(org.users.map((u) => [u.id, u.managerId] as const))).toEqual([]);
  });

  it('respects the requested sizes', () => {
    expect(org.users).toHaveLength(3000);
    expect(org.departments).toHaveLength(120);
    expect(org.roles).toHaveLength(14 + 60);
    expect(org.permissions).toHaveLength(399);
  });

  it('has one root 全公司 14852, depth at most 6, and unique names among siblings', () => {
    const roots = org.departments.filter((d) => d.parentId === null);
    expect(roots).toEqual([expect.objectContaining({ id: '14852', name: '全公司' })]);
    const depths = [...departmentDepths(org).values()];
    expect(Math.max(...depths)).toBe(MAX_DEPARTMENT_DEPTH);
    const siblings = new Set<string>();
    for (const d of org.departments) {
      const key = `${d.parentId}/${d.name}`;
      expect(siblings.has(key)).toBe(false);
      siblings.add(key);
    }
  });

  it('puts every user in an existing department, with unique logins and names', () => {
    const departments = new Set(org.departments.map((d) => d.id));
    for (const u of org.users) expect(departments.has(u.departmentId)).toBe(true);
    expect(new Set(org.users.map((u) => u.login)).size).toBe(org.users.length);
    expect(new Set(org.users.map((u) => u.name)).size).toBe(org.users.length);
    for (const u of org.users) expect(u.login).toMatch(/^[a-z]+\d*$/);
  });

  it('makes 14773 the super admin holding 180162', () => {
    expect(org.superUserIds).toEqual([WUKONG_SUPER_USER_ID]);
    expect(org.users[0]).toMatchObject({ id: WUKONG_SUPER_USER_ID, roleIds: [WUKONG_SUPER_ROLE_ID], managerId: null });
    expect(org.users.filter((u) => u.roleIds.includes(WUKONG_SUPER_ROLE_ID)).map((u) => u.id)).toEqual([WUKONG_SUPER_USER_ID]);
  });
});

describe('generateOrganisation — realism', () => {
  const usersById = new Map(org.users.map((u) => [u.id, u]));
  const departmentsById = new Map(org.departments.map((d) => [d.id, d]));
  const rolesById = new Map(org.roles.map((r) => [r.id, r]));

  it('has managers mostly in the same or the parent department', () => {
    let near = 0;
    let managed = 0;
    for (const u of org.users) {
      if (u.managerId === null) continue;
      managed += 1;
      const m = usersById.get(u.managerId)!;
      if (m.departmentId === u.departmentId || departmentsById.get(u.departmentId)?.parentId === m.departmentId) near += 1;
    }
    expect(managed).toBeGreaterThan(org.users.length - 3);
    expect(near / managed).toBeGreaterThan(0.9);
    expect(near).toBeLessThan(managed); // some dotted lines across the organisation
  });

  it('has every department head in their department, and a mix of statuses', () => {
    for (const d of org.departments) if (d.headUserId) expect(usersById.get(d.headUserId)?.departmentId).toBe(d.id);
    const statuses = new Map<string, number>();
    for (const u of org.users) statuses.set(u.status, (statuses.get(u.status) ?? 0) + 1);
    expect(statuses.get('active')! / org.users.length).toBeGreaterThan(0.85);
    expect(statuses.get('inactive')).toBeGreaterThan(0);
    expect(statuses.get('disabled')).toBeGreaterThan(0);
  });

  it('gives CRM users 1–3 CRM roles and some people system roles', () => {
    let crmUsers = 0;
    let systemUsers = 0;
    for (const u of org.users) {
      expect(new Set(u.roleIds).size).toBe(u.roleIds.length);
      const groups = u.roleIds.map((r) => rolesById.get(r)!.groupId);
      const crm = groups.filter((g) => g === WUKONG_ROLE_GROUP.crm).length;
      if (crm > 0) crmUsers += 1;
      expect(crm).toBeLessThanOrEqual(3);
      if (groups.includes(WUKONG_ROLE_GROUP.system)) systemUsers += 1;
    }
    expect(crmUsers / org.users.length).toBeGreaterThan(0.6);
    expect(systemUsers).toBeGreaterThan(0);
  });

  it('makes custom roles with realistic, unique names, varied scopes and grants from their own group', () => {
    const custom = org.roles.slice(14);
    const parent = new Map(org.permissions.map((p) => [p.id, p.parentId]));
    const rootOf = (id: string) => {
      let node = id;
      for (let p = parent.get(node); p; p = parent.get(node)) node = p;
      return node;
    };
    const groups = new Map(org.roleGroups.map((g) => [g.id, new Set(g.rootPermissionIds)]));
    for (const r of custom) {
      expect(r.name).toMatch(/[\u4e00-\u9fff]/);
      expect(r.permissionIds.length).toBeGreaterThan(0);
      for (const p of r.permissionIds) expect(groups.get(r.groupId)?.has(rootOf(p))).toBe(true);
    }
    const names = custom.map((r) => `${r.groupId}/${r.name}`);
    expect(new Set(names).size).toBe(names.length);
    const crmScopes = new Set(custom.filter((r) => r.groupId === WUKONG_ROLE_GROUP.crm).map((r) => r.dataScope));
    expect(crmScopes.size).toBeGreaterThanOrEqual(4);
  });

  it('writes one field rule per CRM role × CRM field, masks only maskable fields, never edits system fields', () => {
    const crmRoles = org.roles.filter((r) => r.groupId === WUKONG_ROLE_GROUP.crm);
    const crmFields = org.fields.filter((f) => f.module !== 'marketing');
    expect(org.fieldRules).toHaveLength(crmRoles.length * crmFields.length);
    const keys = new Set(org.fieldRules.map((r) => `${r.roleId}/${r.module}/${r.field}`));
    expect(keys.size).toBe(org.fieldRules.length);
    const maskable = new Set(org.fields.filter((f) => f.maskable).map((f) => `${f.module}.${f.name}`));
    const access = new Map<string, number>();
    let masked = 0;
    for (const rule of org.fieldRules) {
      expect(rolesById.get(rule.roleId)?.groupId).toBe(WUKONG_ROLE_GROUP.crm);
      if (rule.mask !== 'none') {
        masked += 1;
        expect(maskable.has(`${rule.module}.${rule.field}`)).toBe(true);
      }
      if (isSystemField({ module: rule.module, name: rule.field })) expect(rule.access).not.toBe('edit');
      access.set(rule.access, (access.get(rule.access) ?? 0) + 1);
    }
    expect(masked).toBeGreaterThan(0);
    expect(access.get('edit')! / org.fieldRules.length).toBeGreaterThan(0.5);
    expect(access.get('read')).toBeGreaterThan(0);
    expect(access.get('hidden')).toBeGreaterThan(0);
  });
});

describe('generateOrganisation — any seed and size', () => {
  it('is valid, sized as asked and reproducible', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 2, max: 400 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        (seed, users, departments, customRoles) => {
          const options = { seed, users, departments, customRoles };
          const s = generateOrganisation(catalogue, options);
          expect(validateSnapshot(s)).toEqual([]);
          expect([s.users.length, s.departments.length, s.roles.length]).toEqual([users, departments, 14 + customRoles]);
          expect(Math.max(...departmentDepths(s).values())).toBeLessThanOrEqual(MAX_DEPARTMENT_DEPTH);
          expect(generateOrganisation(catalogue, options)).toEqual(s);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('generateOrganisation — options', () => {
  it('refuses impossible sizes', () => {
    expect(() => generateOrganisation(catalogue, { ...medium, users: 1 })).toThrow(RangeError);
    expect(() => generateOrganisation(catalogue, { ...medium, departments: 0 })).toThrow(RangeError);
    expect(() => generateOrganisation(catalogue, { ...medium, customRoles: -1 })).toThrow(RangeError);
    expect(() => generateOrganisation(catalogue, { ...medium, seed: 1.5 })).toThrow(RangeError);
  });

  it('copes with tiny organisations (more departments than people)', () => {
    const tiny = generateOrganisation(catalogue, { seed: 1, users: 5, departments: 12, customRoles: 0 });
    expect(tiny.users).toHaveLength(5);
    expect(tiny.departments).toHaveLength(12);
    expect(tiny.roles).toHaveLength(14);
    expect(validateSnapshot(tiny)).toEqual([]);
  });

  it('builds 100k people / 2k departments / 300 roles: valid, with deep reporting lines', () => {
    const big = generateOrganisation(catalogue, { seed: 7, users: 100_000, departments: 2000, customRoles: 300 });
    expect(big.users).toHaveLength(100_000);
    expect(big.departments).toHaveLength(2000);
    expect(big.roles).toHaveLength(314);
    expect(validateSnapshot(big)).toEqual([]);
    expect(Math.max(...chainLengths(big))).toBeGreaterThanOrEqual(25);
  });
});
