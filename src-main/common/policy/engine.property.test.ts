import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile';
import { explain } from './explain';
import { fieldAccess } from './fields';
import { impact } from './impact';
import { accessMatrix, SCOPE_SLOTS, scopeCounts } from './matrix';
import { effectiveScope } from './scope';
import { depthArb, mutate, mutationArb, organisationArb, phpOrganisationArb } from './testing/arbitraries';
import { NaiveEngine } from './testing/naive';
import { canSee, visibleOwnerIds, whoCanSee } from './visibility';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 50) };

/** Every property under both editions: Java (no edition in the snapshot) and PHP (editionRules.ts). */
describe.each([
  ['Java', organisationArb],
  ['PHP', phpOrganisationArb],
] as const)('compiled engine agrees with the naive reference (reference §6–7), %s edition', (_edition, organisationArb) => {
  it('effective scope of every (user, permission)', () => {
    fc.assert(fc.property(organisationArb, (s) => {
      const policy = compilePolicy(s);
      const naive = new NaiveEngine(s);
      for (const u of s.users) for (const p of s.permissions) {
        expect(effectiveScope(policy, u.id, p.id), `${u.id} ${p.key}`).toBe(naive.scope(u.id, p.id));
      }
    }), RUNS);
  });

  it('visible owners and canSee for every user and permission, at any recursion depth', () => {
    fc.assert(fc.property(organisationArb, depthArb, (s, depth) => {
      const policy = compilePolicy(s, { recursionDepth: depth });
      const naive = new NaiveEngine(s, depth);
      for (const viewer of s.users) for (const p of s.permissions) {
        const expected = naive.visible(viewer.id, p.id);
        const got = visibleOwnerIds(policy, viewer.id, p.id);
        expect(new Set(got), `${viewer.id} ${p.key}`).toEqual(expected);
        expect(got.length).toBe(expected.size); // no owner listed twice
        for (const owner of s.users) expect(canSee(policy, viewer.id, owner.id, p.id)).toBe(expected.has(owner.id));
      }
    }), RUNS);
  });

  it('who can see an owner, with the scope that lets each in', () => {
    fc.assert(fc.property(organisationArb, depthArb, (s, depth) => {
      const policy = compilePolicy(s, { recursionDepth: depth });
      const naive = new NaiveEngine(s, depth);
      for (const owner of s.users) for (const p of s.permissions.filter((x) => x.scoped)) {
        const result = whoCanSee(policy, owner.id, p.id);
        const got = new Map(Array.from(result.users, (u, i) => [policy.userIds[u]!, result.scopes[i]!]));
        expect(got).toEqual(naive.whoCanSee(owner.id, p.id));
      }
    }), RUNS);
  });

  it('explain: the winner is the edition\'s (Java largest, PHP last listed) and the lost owners are what the union would add', () => {
    fc.assert(fc.property(organisationArb, (s) => {
      const policy = compilePolicy(s);
      const naive = new NaiveEngine(s);
      for (const u of s.users) for (const p of s.permissions.filter((x) => x.scoped)) {
        const e = explain(policy, u.id, p.id);
        expect(e.effectiveScope).toBe(naive.scope(u.id, p.id));
        expect([...e.grantingScopes]).toEqual(naive.grantingScopes(u.id, p.id));
        expect(new Set(e.lostOwnerIds)).toEqual(naive.lost(u.id, p.id));
        expect(e.visibleOwnerCount).toBe(naive.visible(u.id, p.id).size);
        if (!e.superAdmin) {
          // Java: the roles with the largest raw dataType, which may read as a smaller scope; PHP: the type met last.
          const winners = new Set(naive.winners(u.id, p.id));
          for (const r of e.roles) expect(r.wins, `${u.id} ${p.key} ${r.roleId}`).toBe(r.grants && winners.has(r.roleId));
        }
        expect(e.consequence['zh-CN'].length).toBeGreaterThan(0);
        expect(e.consequence.en.length).toBeGreaterThan(0);
      }
    }), RUNS);
  });

  it('field access: Java most permissive own row and strictest mask of all rows; PHP module grants, no masks', () => {
    fc.assert(fc.property(organisationArb, (s) => {
      const policy = compilePolicy(s);
      const naive = new NaiveEngine(s);
      for (const u of s.users) {
        for (const entry of fieldAccess(policy, u.id, 'customer')) {
          const expected = naive.field(u.id, 'customer', entry.field);
          expect({ access: entry.access, mask: entry.mask }, `${u.id} ${entry.field}`).toEqual(expected);
        }
      }
    }), RUNS);
  });

  it('access matrix cells and department aggregates', () => {
    fc.assert(fc.property(organisationArb, (s) => {
      const policy = compilePolicy(s);
      const naive = new NaiveEngine(s);
      const users = s.users.map((u) => u.id);
      const perms = s.permissions.map((p) => p.id);
      const m = accessMatrix(policy, users, perms);
      users.forEach((u, i) => perms.forEach((p, j) => expect(m.scopes[i * perms.length + j]).toBe(naive.scope(u, p))));
      // Department aggregates count the whole subtree: check the root against a direct count of the people
      // filed under it (those in a department without a row, or hanging off a cycle, are elsewhere).
      const root = policy.deptIndex.get('d0')!;
      const parentOf = new Map(s.departments.map((d) => [d.id, d.parentId]));
      const underRoot = (dept: string) => {
        const seen = new Set<string>();
        for (let d: string | null | undefined = dept; d != null && !seen.has(d); d = parentOf.get(d)) {
          if (d === 'd0') return true;
          seen.add(d);
        }
        return false;
      };
      const rooted = s.users.filter((u) => underRoot(u.departmentId)).map((u) => u.id);
      const j = perms.indexOf('28');
      for (let scope = 0; scope < SCOPE_SLOTS; scope++) {
        const direct = rooted.filter((u) => naive.scope(u, '28') === scope).length;
        expect(scopeCounts(m.byDepartment!, root, j)[scope]).toBe(direct);
      }
      expect(m.byDepartment!.size[root]).toBe(rooted.length);
      // Manager teams: each manager's direct reports, counted from the naive scopes.
      const team = m.byManager!;
      team.groupIds.forEach((managerId, g) => {
        const reports = s.users.filter((u) => u.managerId === managerId && u.id !== managerId).map((u) => u.id); // self is no report (1130)
        expect(team.size[g]).toBe(reports.length);
        for (let scope = 0; scope < SCOPE_SLOTS; scope++) {
          expect(scopeCounts(team, g, j)[scope]).toBe(reports.filter((u) => naive.scope(u, '28') === scope).length);
        }
      });
    }), RUNS);
  });

  it('impact lists exactly the (user, permission) scope changes and field changes', () => {
    fc.assert(fc.property(organisationArb, fc.array(mutationArb, { minLength: 1, maxLength: 2 }), (s, mutations) => {
      const next = mutations.reduce(mutate, s);
      const report = impact(compilePolicy(s), compilePolicy(next));
      const before = new NaiveEngine(s);
      const after = new NaiveEngine(next);
      const expected = new Set<string>();
      for (const u of s.users) {
        for (const p of s.permissions) {
          const b = before.scope(u.id, p.id);
          const a = after.scope(u.id, p.id);
          if (a !== b) expected.add(`${u.id} ${p.id} ${b}->${a}`);
        }
        for (const f of ['customer_name', 'mobile', 'email']) {
          const b = before.field(u.id, 'customer', f);
          const a = after.field(u.id, 'customer', f);
          if (a.access !== b.access || a.mask !== b.mask) expected.add(`${u.id} customer.${f} ${b.access}/${b.mask}->${a.access}/${a.mask}`);
        }
      }
      const got = new Set<string>();
      for (const u of report.users) {
        for (const c of u.permissions) got.add(`${u.userId} ${c.permissionId} ${c.before}->${c.after}`);
        for (const c of u.fields) got.add(`${u.userId} ${c.module}.${c.field} ${c.before.access}/${c.before.mask}->${c.after.access}/${c.after.mask}`);
      }
      expect(got).toEqual(expected);
      const moved = s.users.filter((u, i) => u.departmentId !== next.users[i]!.departmentId || u.managerId !== next.users[i]!.managerId);
      expect(report.counts.moved).toBe(moved.length);
    }), RUNS);
  });
});
