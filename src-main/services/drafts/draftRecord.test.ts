import { describe, expect, it } from 'vitest';
import { summarize, type DraftInfo, type PushRecord } from './draftRecord';
import { pushedDraftError } from './readOnlyDraft';

const info = (over: Partial<DraftInfo> = {}): DraftInfo => ({ id: 'd1', name: 'Scopes', baseVersion: 1, head: 2, batchCount: 3, createdAt: 't1', updatedAt: 't2', origin: null, ...over });
const push = (over: Partial<PushRecord> = {}): PushRecord => ({ id: 'p1', draftId: 'd1', createdAt: '2025-03-04T10:15:42.000Z', finishedAt: null, outcome: null, ...over });
const names = (id: string) => ({ d1: 'Scopes', d2: 'Other' })[id] ?? null;

describe('draft summaries', () => {
  it('an unpushed draft can undo and redo', () => {
    expect(summarize(info(), { pushes: [], draftName: names })).toMatchObject({ readOnly: false, pushed: null, origin: null, canUndo: true, canRedo: true });
  });
  it('any push journal of the draft, finished or not, makes it read-only; the newest push is shown', () => {
    const pushes = [push({ id: 'p2', createdAt: '2025-03-05T00:00:00.000Z', finishedAt: 'x', outcome: 'verified' }), push()];
    expect(summarize(info(), { pushes, draftName: names })).toMatchObject({
      readOnly: true,
      canUndo: false,
      canRedo: false,
      pushed: { pushId: 'p2', finished: true, outcome: 'verified' },
    });
    expect(summarize(info(), { pushes: [push({ draftId: 'd2' })], draftName: names }).readOnly).toBe(false);
  });
  it('a rollback draft names the push it undoes, its time and its draft (null once unknown)', () => {
    const rollback = info({ id: 'r1', origin: { kind: 'rollback', pushId: 'p1' } });
    expect(summarize(rollback, { pushes: [push({ draftId: 'd2' })], draftName: names }).origin).toEqual({ kind: 'rollback', pushId: 'p1', pushedAt: '2025-03-04T10:15:42.000Z', pushedDraftName: 'Other' });
    expect(summarize(rollback, { pushes: [], draftName: names }).origin).toEqual({ kind: 'rollback', pushId: 'p1', pushedAt: null, pushedDraftName: null });
  });
});

describe('the refusal', () => {
  it('says what was refused in English and carries the verb and time for the console to word', () => {
    const error = pushedDraftError('undo', push());
    expect(error).toMatchObject({ code: 'REFUSED', message: expect.stringMatching(/^Nothing was undone: this draft was pushed \(2025-03-04 10:15 UTC\) and is read-only/) });
    expect(error.details).toEqual({ kind: 'draftPushed', verb: 'undo', pushedAt: '2025-03-04 10:15' });
  });
});
