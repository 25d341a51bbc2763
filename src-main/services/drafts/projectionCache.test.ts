import { describe, expect, it } from 'vitest';
import type { DraftBatch } from '../../common/draft';
import { sampleSnapshot } from '../../common/draft/testing/builders';
import { accessMatrix, compilePolicy, type CompiledPolicy } from '../../common/policy';
import { ProjectionCache } from './projectionCache';

const batch = (id: string, ops: DraftBatch['ops']): DraftBatch => ({ id, ops });
const scopes = (p: CompiledPolicy) => Array.from(accessMatrix(p, p.userIds, p.permIds, { aggregates: false }).scopes);

describe('draft projections compile incrementally', () => {
  const gestures = [
    batch('b1', [{ type: 'setDataScope', roleId: 'r-sales', dataScope: 4 }]),
    batch('b2', [{ type: 'assignRoles', userIds: ['dan'], roleIds: ['r-mgr'] }]),
    batch('b3', [{ type: 'moveUsers', userIds: ['bob'], departmentId: 'ops' }]),
  ];

  it('a role gesture reuses the previous state\'s structures and answers as a fresh compile', () => {
    const cache = new ProjectionCache();
    const base = sampleSnapshot();
    const root = cache.base(base).policy();
    const first = cache.of(base, 'd', gestures.slice(0, 1)).policy();
    const second = cache.of(base, 'd', gestures.slice(0, 2)).policy();
    // Shared with the base: the update touched roles and people, not the organisation's tours.
    expect(first.mgrEnter).toBe(root.mgrEnter);
    expect(second.usersByDept).toBe(root.usersByDept);
    expect(scopes(second)).toEqual(scopes(compilePolicy(second.snapshot)));
  });

  it('a move compiles afresh; undo goes back to a state already made', () => {
    const cache = new ProjectionCache();
    const base = sampleSnapshot();
    const root = cache.base(base).policy();
    const moved = cache.of(base, 'd', gestures).policy();
    expect(moved.usersByDept).not.toBe(root.usersByDept);
    expect(scopes(moved)).toEqual(scopes(compilePolicy(moved.snapshot)));
    const undone = cache.of(base, 'd', gestures.slice(0, 1)).policy();
    expect(scopes(undone)).toEqual(scopes(compilePolicy(undone.snapshot)));
  });

  it('a long draft keeps only a few compiled states and rebuilds a released one from an earlier state', () => {
    const cache = new ProjectionCache();
    const base = sampleSnapshot();
    const many = Array.from({ length: 9 }, (_, i) => batch(`s${i}`, [{ type: 'setDataScope', roleId: 'r-sales', dataScope: ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5 }]));
    for (let k = 1; k <= many.length; k++) cache.of(base, 'd', many.slice(0, k)).policy();
    const early = cache.of(base, 'd', many.slice(0, 2));
    const again = early.policy(); // released by now: made again from the base
    expect(again.roleScope[again.roleIndex.get('r-sales')!]).toBe(2);
    expect(scopes(again)).toEqual(scopes(compilePolicy(early.snapshot)));
  });
});
