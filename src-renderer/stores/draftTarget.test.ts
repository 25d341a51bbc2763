import { describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../src-main/common/ipc';
import { keptOutReason, uniqueDraftName } from './draftTarget';

const draft = (over: Partial<DraftSummary>): DraftSummary => ({
  id: 'd', name: 'Draft', baseVersion: 1, createdAt: 't', updatedAt: 't', batchCount: 0, appliedCount: 0, canUndo: false, canRedo: false, readOnly: false, pushed: null, origin: null, ...over,
});

describe('where an edit goes', () => {
  it('keeps edits out of pushed drafts and rollback drafts', () => {
    expect(keptOutReason(draft({}))).toBeNull();
    expect(keptOutReason(draft({ readOnly: true, pushed: { pushId: 'p', at: 't', finished: true, outcome: 'verified' } }))).toBe('pushed');
    expect(keptOutReason(draft({ origin: { kind: 'rollback', pushId: 'p', pushedAt: null, pushedDraftName: null } }))).toBe('rollback');
    // A pushed rollback draft is first of all pushed.
    expect(keptOutReason(draft({ readOnly: true, origin: { kind: 'rollback', pushId: 'p', pushedAt: null, pushedDraftName: null } }))).toBe('pushed');
  });
  it('names a new draft so that it differs from the ones there', () => {
    expect(uniqueDraftName('Role matrix edits', [])).toBe('Role matrix edits');
    expect(uniqueDraftName('Role matrix edits', [draft({ name: 'Role matrix edits' }), draft({ name: 'Role matrix edits 2' })])).toBe('Role matrix edits 3');
  });
});
