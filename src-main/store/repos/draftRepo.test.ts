import { describe, expect, it } from 'vitest';
import { appendOperations, createDraft, deleteDraft, getDraft, listDrafts, listOperations, redo, renameDraft, undo } from './draftRepo';
import { createPushJournal } from './pushJournalRepo';
import { saveSnapshot } from './snapshotRepo';
import { memoryDb } from '../testing/memoryDb';
import { tinySnapshot } from '../testing/tinySnapshot';

function setup() {
  const db = memoryDb();
  const { version } = saveSnapshot(db, { snapshot: tinySnapshot(), savedAt: 't0' });
  createDraft(db, { id: 'd1', name: 'first', baseSnapshotVersion: version, now: 't1' });
  return db;
}
const jsonOf = (db: ReturnType<typeof setup>, includeRedo = false) => listOperations(db, { draftId: 'd1', includeRedo }).map((o) => o.json);

describe('draft repo', () => {
  it('appends operations in order with sequence numbers and moves the pointer', () => {
    const db = setup();
    expect(appendOperations(db, { draftId: 'd1', operations: ['"a"', '"b"'], now: 't2' })).toMatchObject({ head: 2, operationCount: 2, updatedAt: 't2' });
    appendOperations(db, { draftId: 'd1', operations: ['"c"'], now: 't3' });
    expect(listOperations(db, { draftId: 'd1' }).map((o) => [o.seq, o.json])).toEqual([[1, '"a"'], [2, '"b"'], [3, '"c"']]);
    expect(getDraft(db, { id: 'd1' })).toMatchObject({ head: 3, operationCount: 3 });
  });

  it('undo and redo move the pointer; appending after an undo discards what could have been redone', () => {
    const db = setup();
    appendOperations(db, { draftId: 'd1', operations: ['"a"', '"b"', '"c"'], now: 't' });
    expect(undo(db, { draftId: 'd1', now: 't' }).head).toBe(2);
    expect(undo(db, { draftId: 'd1', now: 't' }).head).toBe(1);
    expect(jsonOf(db)).toEqual(['"a"']);
    expect(jsonOf(db, true)).toEqual(['"a"', '"b"', '"c"']);
    expect(redo(db, { draftId: 'd1', now: 't' }).head).toBe(2);
    expect(appendOperations(db, { draftId: 'd1', operations: ['"x"'], now: 't' })).toMatchObject({ head: 3, operationCount: 3 });
    expect(jsonOf(db, true)).toEqual(['"a"', '"b"', '"x"']);
    expect(() => redo(db, { draftId: 'd1', now: 't' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('cannot undo past the start', () => {
    const db = setup();
    expect(() => undo(db, { draftId: 'd1', now: 't' })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: 'nothing to undo' }));
  });

  it('a draft needs an existing base snapshot and a unique id', () => {
    const db = setup();
    expect(() => createDraft(db, { id: 'd2', name: 'x', baseSnapshotVersion: 99, now: 't' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => createDraft(db, { id: 'd1', name: 'x', baseSnapshotVersion: 1, now: 't' })).toThrow(expect.objectContaining({ code: 'ALREADY_EXISTS' }));
  });

  it('renames, lists newest first, and deletes with its operations', () => {
    const db = setup();
    createDraft(db, { id: 'd2', name: 'second', baseSnapshotVersion: 1, now: 't5' });
    renameDraft(db, { id: 'd1', name: 'renamed', now: 't9' });
    expect(listDrafts(db).map((d) => [d.id, d.name])).toEqual([['d1', 'renamed'], ['d2', 'second']]);
    appendOperations(db, { draftId: 'd1', operations: ['1'], now: 't' });
    deleteDraft(db, { id: 'd1' });
    expect(getDraft(db, { id: 'd1' })).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM draft_operations').get()).toEqual({ n: 0 });
    expect(() => deleteDraft(db, { id: 'd1' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('keeps where a draft came from: a rollback draft names the push it undoes, which must exist', () => {
    const db = setup();
    expect(getDraft(db, { id: 'd1' })!.origin).toBeNull();
    createPushJournal(db, { id: 'p1', draftId: 'd1', plan: { plannedOnVersion: 1, ops: '[]', compensates: null }, calls: [], now: 't2' });
    expect(createDraft(db, { id: 'r1', name: 'undo', baseSnapshotVersion: 1, now: 't3', origin: { kind: 'rollback', pushId: 'p1' } }).origin).toEqual({ kind: 'rollback', pushId: 'p1' });
    expect(appendOperations(db, { draftId: 'r1', operations: ['1'], now: 't4' }).origin).toEqual({ kind: 'rollback', pushId: 'p1' });
    expect(listDrafts(db).find((d) => d.id === 'r1')!.origin).toEqual({ kind: 'rollback', pushId: 'p1' });
    expect(() => createDraft(db, { id: 'r2', name: 'x', baseSnapshotVersion: 1, now: 't', origin: { kind: 'rollback', pushId: 'nope' } })).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', message: 'push nope does not exist' }),
    );
  });
});
