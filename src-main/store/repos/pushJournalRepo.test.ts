import { describe, expect, it } from 'vitest';
import { createPushJournal, finishPushJournal, getPushJournal, listPushJournals, markCallDone, markCallFailed, markCallSent } from './pushJournalRepo';
import { memoryDb } from '../testing/memoryDb';

function setup() {
  const db = memoryDb();
  createPushJournal(db, {
    id: 'p1',
    draftId: 'd1',
    plan: { plannedOnVersion: 3, ops: '[]' },
    calls: [
      { endpoint: 'POST /adminRole/updateRoleMenu', request: '{"roleId":1}' },
      { endpoint: 'POST /adminUser/relatedUser', request: '{"userIds":[2]}' },
    ],
    now: 't0',
  });
  return db;
}

describe('push journal repo', () => {
  it('records every call as planned before anything is sent', () => {
    const db = setup();
    const journal = getPushJournal(db, { id: 'p1' })!;
    expect(journal).toMatchObject({ id: 'p1', draftId: 'd1', createdAt: 't0', finishedAt: null, plannedOnVersion: 3, ops: '[]', outcome: null, compensates: null });
    expect(journal.calls.map((c) => [c.seq, c.status, c.endpoint])).toEqual([
      [1, 'planned', 'POST /adminRole/updateRoleMenu'],
      [2, 'planned', 'POST /adminUser/relatedUser'],
    ]);
  });

  it('moves calls planned → sent → done / failed with timestamps, never backwards', () => {
    const db = setup();
    expect(markCallSent(db, { pushId: 'p1', seq: 1, now: 't1' })).toMatchObject({ status: 'sent', sentAt: 't1' });
    expect(markCallDone(db, { pushId: 'p1', seq: 1, response: '{"code":0}', now: 't2' })).toMatchObject({ status: 'done', response: '{"code":0}', finishedAt: 't2' });
    expect(() => markCallSent(db, { pushId: 'p1', seq: 1, now: 't3' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => markCallDone(db, { pushId: 'p1', seq: 2, response: '{}', now: 't3' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(markCallFailed(db, { pushId: 'p1', seq: 2, error: 'network', now: 't4' })).toMatchObject({ status: 'failed', error: 'network' });
    expect(() => markCallSent(db, { pushId: 'p1', seq: 3, now: 't' })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('lists unfinished pushes to resume, and finishes once', () => {
    const db = setup();
    createPushJournal(db, { id: 'p2', draftId: 'd2', plan: { plannedOnVersion: 4, ops: '[]', compensates: 'p1' }, calls: [], now: 't5' });
    expect(listPushJournals(db, { unfinishedOnly: true }).map((p) => p.id)).toEqual(['p2', 'p1']);
    finishPushJournal(db, { id: 'p1', outcome: 'undone', now: 't6' });
    expect(listPushJournals(db, { unfinishedOnly: true }).map((p) => p.id)).toEqual(['p2']);
    expect(listPushJournals(db, { draftId: 'd1' }).map((p) => [p.id, p.finishedAt, p.outcome])).toEqual([['p1', 't6', 'undone']]);
    expect(getPushJournal(db, { id: 'p2' })!.compensates).toBe('p1');
    expect(() => finishPushJournal(db, { id: 'p1', outcome: 'verified', now: 't7' })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => createPushJournal(db, { id: 'p1', draftId: 'd1', plan: { plannedOnVersion: 1, ops: '[]' }, calls: [], now: 't' })).toThrow(expect.objectContaining({ code: 'ALREADY_EXISTS' }));
  });
});
