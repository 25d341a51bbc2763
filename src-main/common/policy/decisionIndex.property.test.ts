import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../domain';
import { compilePolicy } from './compile';
import { updatePolicy } from './incremental';
import { permissionNumber, scopeOf, UnknownIdError, userNumber } from './scope';
import { depthArb, mutate, mutationArb, organisationArb } from './testing/arbitraries';
import { NaiveEngine } from './testing/naive';
import { canSee, reaches } from './visibility';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 50) };

/**
 * How the people of a random organisation are numbered: as the arbitraries make them (`u0`…, the Map path), the
 * way WukongCRM numbers them (dense integers), shuffled integers, integers far apart (no slots), a mix of
 * integers, non-canonical spellings of integers and text, the same values spelled twice ("200" and "0200"), and a
 * repeated id (the first occurrence wins).
 */
const labelling = fc.constantFrom('asIs', 'dense', 'shuffled', 'sparse', 'mixed', 'collide', 'repeat');
type Labelling = typeof labelling extends fc.Arbitrary<infer T> ? T : never;

function relabel(s: Snapshot, how: Labelling, seed: number, permsAsText: boolean): Snapshot {
  const n = s.users.length;
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1, x = seed; i > 0; i--) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const label = (i: number): string => {
    switch (how) {
      case 'asIs': return s.users[i]!.id;
      case 'dense': return String(14773 + i);
      case 'shuffled': return String(500 + order[i]!);
      case 'sparse': return String(i * 1_000_003);
      case 'mixed': return i % 3 === 0 ? String(100 + i) : i % 3 === 1 ? `0${100 + i}` : `u${i}`;
      case 'collide': return i % 2 === 0 ? String(200 + i / 2) : `0${200 + (i - 1) / 2}`;
      case 'repeat': return i === n - 1 && n > 1 ? String(14773) : String(14773 + i);
    }
  };
  const ids = new Map(s.users.map((u, i) => [u.id, label(i)]));
  const user = (id: string | null) => (id === null ? null : (ids.get(id) ?? id));
  const perm = (id: string) => (permsAsText ? `m${id}` : id);
  return {
    ...s,
    users: s.users.map((u, i) => ({ ...u, id: label(i), managerId: user(u.managerId) })),
    superUserIds: s.superUserIds.map((id) => user(id)!),
    departments: s.departments.map((d) => ({ ...d, headUserId: user(d.headUserId) })),
    permissions: s.permissions.map((p) => ({ ...p, id: perm(p.id), parentId: p.parentId === null ? null : perm(p.parentId) })),
    roles: s.roles.map((r) => ({ ...r, permissionIds: r.permissionIds.map(perm) })),
  };
}

const orgArb = fc.record({ org: organisationArb, how: labelling, seed: fc.nat(), permsAsText: fc.boolean() })
  .map(({ org, how, seed, permsAsText }) => ({ s: relabel(org, how, seed, permsAsText), repeated: how === 'repeat' }));

describe('canSee by id (decisionIndex.ts) answers as reaches and the naive reference', () => {
  it('every (viewer, owner, permission), any numbering, cycles and missing departments included, at any depth', () => {
    fc.assert(fc.property(orgArb, depthArb, ({ s, repeated }, depth) => {
      const policy = compilePolicy(s, { recursionDepth: depth });
      const naive = new NaiveEngine(s, depth);
      for (const viewer of s.users) for (const p of s.permissions) {
        const v = userNumber(policy, viewer.id);
        const scope = scopeOf(policy, v, permissionNumber(policy, p.id));
        const visible = repeated ? null : naive.visible(viewer.id, p.id);
        for (const owner of s.users) {
          const got = canSee(policy, viewer.id, owner.id, p.id);
          expect(got, `${viewer.id} ${owner.id} ${p.id}`).toBe(reaches(policy, v, userNumber(policy, owner.id), scope));
          if (visible) expect(got).toBe(visible.has(owner.id));
          // A copy of the id string (not the snapshot's own) is the same id.
          expect(canSee(policy, ` ${viewer.id}`.slice(1), ` ${owner.id}`.slice(1), ` ${p.id}`.slice(1))).toBe(got);
        }
      }
    }), RUNS);
  });

  it('unknown ids throw as before: the viewer first, then the owner, then the permission', () => {
    fc.assert(fc.property(orgArb, ({ s }) => {
      const policy = compilePolicy(s);
      const known = s.users[0]!.id;
      const menu = s.permissions[0]!.id;
      const ids = new Set(s.users.map((u) => u.id));
      const unknown = ['nobody', '0', '99999999', `0${known}`, ` ${known}`, `${known}.0`].filter((id) => !ids.has(id));
      for (const id of unknown) {
        expect(() => canSee(policy, id, 'also-nobody', menu)).toThrow(new UnknownIdError('user', id));
        expect(() => canSee(policy, known, id, 'no-menu')).toThrow(new UnknownIdError('user', id));
      }
      expect(() => canSee(policy, known, known, 'no-menu')).toThrow(new UnknownIdError('permission', 'no-menu'));
    }), RUNS);
  });

  it('an updated policy answers for its own snapshot, not from the index of the policy it was made from', () => {
    fc.assert(fc.property(orgArb, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), ({ s, repeated }, mutations) => {
      fc.pre(!repeated);
      const base = compilePolicy(s);
      for (const u of s.users) canSee(base, u.id, s.users[0]!.id, s.permissions[4]!.id); // the base's index, built
      const next = mutations.reduce(mutate, s);
      const { policy } = updatePolicy(base, next);
      const naive = new NaiveEngine(next);
      for (const viewer of next.users) for (const p of next.permissions) {
        const visible = naive.visible(viewer.id, p.id);
        for (const owner of next.users) expect(canSee(policy, viewer.id, owner.id, p.id)).toBe(visible.has(owner.id));
      }
      // And the base still answers for its own snapshot after the update was asked about.
      const before = new NaiveEngine(s);
      for (const viewer of s.users) {
        const visible = before.visible(viewer.id, s.permissions[4]!.id);
        for (const owner of s.users) expect(canSee(base, viewer.id, owner.id, s.permissions[4]!.id)).toBe(visible.has(owner.id));
      }
    }), RUNS);
  });
});
