import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePolicy } from './compile';
import type { CompiledPolicy } from './compiledPolicy';
import { impact, type ImpactReport } from './impact';
import { updatePolicy } from './incremental';
import { lintSnapshot } from './lints';
import { organisationArb, phpOrganisationArb } from './testing/arbitraries';
import { applyGesture, gestureArb } from './testing/gestures';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 60), ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}) };

/** Arrays whose content does not depend on how profiles are numbered. */
const EXACT = [
  'userIds', 'userDept', 'userManager', 'userStatus', 'userSuper', 'userGatewayAdmin', 'userRoleStart', 'userRoles',
  'roleIds', 'roleScope', 'roleRank', 'roleSuper', 'roleGateway', 'roleReportsEveryone', 'rolePermStart', 'rolePerms', 'roleMemberStart', 'roleMembers',
  'permIds', 'permRoleStart', 'permRoles', 'deptIds', 'deptParent', 'deptEnter', 'deptExit', 'deptDepth', 'deptLoopRoot',
  'deptLoop', 'usersByDept', 'deptUserStart', 'mgrEnter', 'mgrExit', 'mgrDepth', 'mgrLoopRoot', 'mgrLoop', 'usersByManager',
] as const;

/** The updated policy answers as a fresh compile does: same arrays, same scope rows per user, same partition. */
function expectEquivalent(inc: CompiledPolicy, full: CompiledPolicy) {
  for (const key of EXACT) expect(Array.from(inc[key] as ArrayLike<unknown>), key).toEqual(Array.from(full[key] as ArrayLike<unknown>));
  expect([inc.edition, inc.recursionDepth, inc.userCount, inc.roleCount, inc.permCount, inc.deptCount, inc.gatewayRole, inc.profileCount])
    .toEqual([full.edition, full.recursionDepth, full.userCount, full.roleCount, full.permCount, full.deptCount, full.gatewayRole, full.profileCount]);
  const toFull = new Map<number, number>();
  for (let u = 0; u < full.userCount; u++) {
    const pi = inc.userProfile[u]!;
    const pf = full.userProfile[u]!;
    if (!toFull.has(pi)) toFull.set(pi, pf);
    expect(toFull.get(pi), `user ${u}: same people share a profile`).toBe(pf);
    const rowI = inc.profileScopes.subarray(pi * inc.permCount, (pi + 1) * inc.permCount);
    const rowF = full.profileScopes.subarray(pf * full.permCount, (pf + 1) * full.permCount);
    expect(Array.from(rowI), `user ${u} scopes`).toEqual(Array.from(rowF));
    const bitsI = inc.profileScopeBits.subarray(pi * inc.permCount, (pi + 1) * inc.permCount);
    const bitsF = full.profileScopeBits.subarray(pf * full.permCount, (pf + 1) * full.permCount);
    expect(Array.from(bitsI), `user ${u} scope bits`).toEqual(Array.from(bitsF));
  }
  for (let p = 0; p < inc.profileCount; p++) expect(inc.userProfile[inc.profileSample[p]!], `sample of profile ${p}`).toBe(p);
  expect([...inc.modules.keys()]).toEqual([...full.modules.keys()]);
  for (const [module, m] of full.modules) {
    const i = inc.modules.get(module)!;
    expect([i.fields, Array.from(i.access), Array.from(i.mask), Array.from(i.globalMask), Array.from(i.roleHasRow)])
      .toEqual([m.fields, Array.from(m.access), Array.from(m.mask), Array.from(m.globalMask), Array.from(m.roleHasRow)]);
  }
}

const impactLines = (r: ImpactReport) => r.users.flatMap((u) => [
  `${u.userId} ${u.kind} moved=${u.moved}`,
  ...u.permissions.map((c) => `${u.userId} ${c.permissionId} ${c.before}->${c.after}`),
  ...u.fields.map((c) => `${u.userId} ${c.module}.${c.field} ${c.before.access}/${c.before.mask}->${c.after.access}/${c.after.mask}`),
]).sort();

const lintLines = (p: CompiledPolicy) => lintSnapshot(p).map((f) => JSON.stringify(f)).sort();

describe.each([
  ['Java', organisationArb],
  ['PHP', phpOrganisationArb],
] as const)('incremental compile ≡ full compile, %s edition', (_edition, organisationArb) => {
  it('on random gesture sequences over random organisations, step after step', () => {
    fc.assert(fc.property(organisationArb, fc.array(gestureArb, { minLength: 1, maxLength: 8 }), (s0, gestures) => {
      const base = compilePolicy(s0);
      let policy = base;
      let snapshot = s0;
      for (const g of gestures) {
        snapshot = applyGesture(snapshot, g);
        const update = updatePolicy(policy, snapshot);
        const full = compilePolicy(snapshot);
        expectEquivalent(update.policy, full);
        expect(impactLines(impact(base, update.policy))).toEqual(impactLines(impact(base, full)));
        expect(lintLines(update.policy)).toEqual(lintLines(full));
        policy = update.policy;
      }
    }), RUNS);
  });

  it('also from a state several gestures back (undo, then another gesture)', () => {
    fc.assert(fc.property(organisationArb, fc.array(gestureArb, { minLength: 2, maxLength: 6 }), (s0, gestures) => {
      const base = compilePolicy(s0);
      const last = gestures.reduce(applyGesture, s0);
      expectEquivalent(updatePolicy(base, last).policy, compilePolicy(last));
    }), RUNS);
  });

  it('patches role gestures and compiles structural ones afresh', () => {
    fc.assert(fc.property(organisationArb, gestureArb, (s0, g) => {
      const update = updatePolicy(compilePolicy(s0), applyGesture(s0, g));
      const roleGesture = ['scope', 'grant', 'revoke', 'assign', 'unassign', 'remark', 'types', 'reorder', 'createRole', 'copyRole', 'field', 'status', 'noop'].includes(g.kind);
      // A role gesture on a tiny organisation may touch more than a quarter of it and be compiled afresh.
      if (roleGesture && s0.users.length >= 16) expect(update.incremental, update.reason).toBe(true);
    }), RUNS);
  });
});
