import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStoreError } from '../errors';
import { memoryDb } from '../testing/memoryDb';
import { tinySnapshot } from '../testing/tinySnapshot';
import { appendOperations, createDraft, getDraft, listOperations, redo, undo } from './draftRepo';
import { saveSnapshot } from './snapshotRepo';

type Step = { kind: 'append'; entries: string[] } | { kind: 'undo' } | { kind: 'redo' };

/** The undo stack as every editor has it: a list and a pointer; appending after an undo drops the redo tail. */
class NaiveStack {
  entries: string[] = [];
  head = 0;
  apply(step: Step): boolean {
    switch (step.kind) {
      case 'append':
        this.entries = [...this.entries.slice(0, this.head), ...step.entries];
        this.head = this.entries.length;
        return true;
      case 'undo':
        if (this.head === 0) return false;
        this.head--;
        return true;
      case 'redo':
        if (this.head === this.entries.length) return false;
        this.head++;
        return true;
    }
  }
}

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), entries: fc.array(fc.json(), { minLength: 1, maxLength: 3 }) }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

describe('draft repo against a naive undo stack', () => {
  it('agrees on the applied entries, the redo tail and the pointer after any sequence of steps', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 40 }), (steps) => {
        const db = memoryDb();
        saveSnapshot(db, { snapshot: tinySnapshot(), savedAt: 't' });
        createDraft(db, { id: 'd', name: 'p', baseSnapshotVersion: 1, now: 't' });
        const naive = new NaiveStack();
        for (const step of steps) {
          const allowed = naive.apply(step);
          try {
            if (step.kind === 'append') appendOperations(db, { draftId: 'd', operations: step.entries, now: 't' });
            else if (step.kind === 'undo') undo(db, { draftId: 'd', now: 't' });
            else redo(db, { draftId: 'd', now: 't' });
            expect(allowed).toBe(true);
          } catch (error) {
            if (!isStoreError(error, 'CONFLICT')) throw error;
            expect(allowed).toBe(false);
          }
        }
        expect(getDraft(db, { id: 'd' })).toMatchObject({ head: naive.head, operationCount: naive.entries.length });
        expect(listOperations(db, { draftId: 'd' }).map((o) => o.json)).toEqual(naive.entries.slice(0, naive.head));
        expect(listOperations(db, { draftId: 'd', includeRedo: true }).map((o) => o.json)).toEqual(naive.entries);
        db.close();
      }),
      { numRuns: 150 },
    );
  });
});
