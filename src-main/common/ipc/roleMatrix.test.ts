import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../domain';
import { apply } from '../draft';
import { arbValidOps } from '../draft/testing/arbitraries';
import { sampleSnapshot } from '../draft/testing/builders';
import { createDemoSnapshot, DEMO_FACTS } from '../generator';
import { loadBundledCatalogue } from '../../services/resources';
import { matrixDeltaSchema, type MatrixDelta } from './channels/drafts';
import { applyMatrixDelta, applySplices, diffRows, matrixDelta, roleMatrix } from './roleMatrix';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 200), ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}) };
/** As the renderer gets them: through JSON and the contract's schema. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const onWire = (delta: MatrixDelta) => matrixDeltaSchema.parse(wire(delta));

/** The matrix `view` shows, patched with the delta from `before` to `after`, against the one asked afresh. */
function patchedAndFresh(base: Snapshot, before: Snapshot, after: Snapshot, withFieldRules: boolean) {
  const delta = matrixDelta({ id: 'b', snapshot: before }, { id: 'a', snapshot: after });
  expect(delta).not.toBeNull();
  const held = wire(roleMatrix(base, before, withFieldRules));
  return { patched: applyMatrixDelta(held, onWire(delta!), withFieldRules), fresh: wire(roleMatrix(base, after, withFieldRules)), delta: delta! };
}

describe('the role matrix delta', () => {
  it('patches the matrix a renderer holds into exactly the one it would ask for, both ways (apply and undo)', () => {
    fc.assert(
      fc.property(arbValidOps, fc.boolean(), ({ snapshot, ops }, withFieldRules) => {
        const after = apply(snapshot, ops);
        const forward = patchedAndFresh(snapshot, snapshot, after, withFieldRules);
        expect(forward.patched).toEqual(forward.fresh);
        const back = patchedAndFresh(snapshot, after, snapshot, withFieldRules);
        expect(back.patched).toEqual(back.fresh);
      }),
      RUNS,
    );
  });

  it('says only what the gesture touched: one cell of one role among many', () => {
    const base = createDemoSnapshot(loadBundledCatalogue());
    const role = base.roles.find((r) => r.id === DEMO_FACTS.editWithoutViewRoleId)!;
    const free = base.permissions.find((p) => p.kind === 'action' && !role.permissionIds.includes(p.id))!;
    const after = apply(base, [{ type: 'grantPermissions', roleIds: [role.id], permissionIds: [free.id] }]);
    const { patched, fresh, delta } = patchedAndFresh(base, base, after, true);
    expect(patched).toEqual(fresh);
    expect(delta).toEqual({
      from: 'b',
      to: 'a',
      roles: [],
      roleChanges: [{ id: role.id, set: {}, permissionIds: [{ at: role.permissionIds.length, remove: 0, insert: [free.id] }] }],
      fieldRules: [],
      memberCounts: {},
    });
    expect(JSON.stringify(delta).length).toBeLessThan(JSON.stringify(fresh).length / 100);
  });

  it('counts members that come and go, 0 for a role nobody holds any more', () => {
    const base = sampleSnapshot();
    // ann holds only r-mgr and must keep a role: she gets r-sales first.
    const after = apply(base, [
      { type: 'assignRoles', userIds: ['ann'], roleIds: ['r-sales'] },
      { type: 'unassignRoles', userIds: ['ann', 'cai'], roleIds: ['r-mgr'] },
    ]);
    const { patched, fresh, delta } = patchedAndFresh(base, base, after, false);
    expect(delta.memberCounts).toEqual({ 'r-mgr': 0, 'r-sales': 4 });
    expect(patched).toEqual(fresh);
    expect(patched!.memberCounts).not.toHaveProperty('r-mgr');
  });

  it('does not fit a matrix it was not made from: a position or a role that is not there', () => {
    const base = sampleSnapshot();
    const after = apply(base, [{ type: 'deleteRole', roleId: 'r-mgr' }]);
    const delta = matrixDelta({ id: 'b', snapshot: base }, { id: 'a', snapshot: after })!;
    const renamed = matrixDelta({ id: 'b', snapshot: base }, { id: 'a', snapshot: apply(base, [{ type: 'renameRole', roleId: 'r-mgr', name: 'Boss' }]) })!;
    const held = roleMatrix(base, after, true);
    expect(applyMatrixDelta({ ...held, roles: [] }, delta, true)).toBeNull();
    expect(applyMatrixDelta(held, renamed, true)).toBeNull();
  });

  it('takes a row that moved out and puts it in again; gives up when the catalogue changed (no gesture does)', () => {
    const base = sampleSnapshot();
    const reordered = { ...base, roles: [...base.roles].reverse() };
    const { patched, fresh } = patchedAndFresh(base, base, reordered, true);
    expect(patched).toEqual(fresh);
    expect(matrixDelta({ id: 'b', snapshot: base }, { id: 'a', snapshot: { ...base, permissions: [...base.permissions] } })).toBeNull();
  });
});

describe('splices', () => {
  const row = fc.record({ key: fc.integer({ min: 0, max: 30 }), v: fc.nat(3) });
  const rows = fc.uniqueArray(row, { selector: (r) => r.key, maxLength: 20 });

  it('turn a list into another that keeps, drops, adds and changes rows in place', () => {
    fc.assert(
      fc.property(rows, fc.array(fc.nat(3)), fc.uniqueArray(row, { selector: (r) => r.key + 100, maxLength: 5 }), fc.boolean(), (before, edits, added, inSplice) => {
        // Keep the order: drop some rows, change some, insert new ones at places; shared rows stay the same objects.
        const after: typeof before = [];
        before.forEach((r, i) => {
          const edit = edits[i] ?? 0;
          if (edit === 1) return;
          after.push(edit === 2 ? { ...r, v: r.v + 1 } : r);
          if (edit === 3 && added.length > 0) after.push({ ...added.shift()!, key: added.length + 100 + i * 10 });
        });
        after.push(...added.map((r, k) => ({ ...r, key: 1000 + k })));
        const diff = diffRows(before, after, (r) => String(r.key), inSplice);
        expect(diff).not.toBeNull();
        const spliced = applySplices(before, diff!.splices)!;
        const byKey = new Map(diff!.changed.map(([, now]) => [now.key, now]));
        expect(spliced.map((r) => byKey.get(r.key) ?? r)).toEqual(after);
        if (inSplice) expect(diff!.changed).toEqual([]);
      }),
      RUNS,
    );
  });

  it('refuse positions outside the list', () => {
    expect(applySplices([1, 2], [{ at: 3, remove: 0, insert: [9] }])).toBeNull();
    expect(applySplices([1, 2], [{ at: 1, remove: 2, insert: [] }])).toBeNull();
    expect(applySplices([1, 2], [{ at: 1, remove: 0, insert: [9] }, { at: 0, remove: 0, insert: [8] }])).toBeNull();
    expect(applySplices([1, 2], [{ at: 1, remove: 1, insert: [7, 8] }])).toEqual([1, 7, 8]);
  });
});
