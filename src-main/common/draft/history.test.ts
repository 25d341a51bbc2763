import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, draftHistorySchema, effectiveOperations, emptyHistory, record, redo, undo } from './history';
import type { DraftBatch } from './operations';
import { DraftRejectedError } from './problems';
import { sampleSnapshot } from './testing/builders';

const paint: DraftBatch = { id: 'b1', label: 'paint', ops: [{ type: 'grantPermissions', roleIds: ['r-sales'], permissionIds: ['13'] }] };
const scope: DraftBatch = { id: 'b2', ops: [{ type: 'setDataScope', roleId: 'r-sales', dataScope: 3 }] };
const rename: DraftBatch = { id: 'b3', ops: [{ type: 'renameRole', roleId: 'r-sales', name: 'Sellers' }] };

describe('draft history', () => {
  it('undoes and redoes gestures one batch at a time', () => {
    const s0 = sampleSnapshot();
    const one = record(emptyHistory(), s0, paint);
    const two = record(one.history, one.snapshot, scope);
    expect(effectiveOperations(two.history)).toEqual([...paint.ops, ...scope.ops]);

    const back = undo(two.history, two.snapshot)!;
    expect(back.snapshot).toEqual(one.snapshot);
    expect(effectiveOperations(back.history)).toEqual(paint.ops);
    const start = undo(back.history, back.snapshot)!;
    expect(start.snapshot).toEqual(s0);
    expect(canUndo(start.history)).toBe(false);
    expect(undo(start.history, start.snapshot)).toBeNull();

    const again = redo(start.history, start.snapshot)!;
    expect(again.snapshot).toEqual(one.snapshot);
    expect(redo(redo(again.history, again.snapshot)!.history, two.snapshot)).toBeNull();
  });

  it('a new gesture after an undo drops the redo tail', () => {
    const s0 = sampleSnapshot();
    const one = record(emptyHistory(), s0, paint);
    const two = record(one.history, one.snapshot, scope);
    const back = undo(two.history, two.snapshot)!;
    expect(canRedo(back.history)).toBe(true);
    const branched = record(back.history, back.snapshot, rename);
    expect(canRedo(branched.history)).toBe(false);
    expect(branched.history.entries.map((e) => e.batch.id)).toEqual(['b1', 'b3']);
  });

  it('refuses to record a gesture the server would refuse, leaving the history as it was', () => {
    const bad: DraftBatch = { id: 'x', ops: [{ type: 'renameRole', roleId: 'r-sales', name: 'Manager' }] };
    expect(() => record(emptyHistory(), sampleSnapshot(), bad)).toThrow(DraftRejectedError);
  });

  it('survives a round trip through JSON and the schema (the store persists it)', () => {
    const { history } = record(emptyHistory(), sampleSnapshot(), paint);
    expect(draftHistorySchema.parse(JSON.parse(JSON.stringify(history)))).toEqual(history);
    expect(draftHistorySchema.safeParse({ ...history, position: 5 }).success).toBe(false);
  });
});
