import { draftBatchSchema, type DraftBatch } from '../../common/draft';
import type { DraftInfo as StoredDraftInfo } from '../../store';
import type { WorkspaceData } from '../workspace';
import type { DraftInfo, DraftRepository } from './draftRecord';

/** Drafts in the workspace's encrypted database (one stored entry per gesture). */
export function storeDraftRepository(data: WorkspaceData): DraftRepository {
  return {
    list: () => data.listDrafts().map(toInfo),
    get: (draftId) => toInfo(data.getDraft(draftId)),
    create: (name, origin) => toInfo(data.createDraft({ name, origin: origin ?? null })),
    rename: (draftId, name) => toInfo(data.renameDraft(draftId, name)),
    remove: (draftId) => data.deleteDraft(draftId),
    append: (draftId, batches) => toInfo(data.appendToDraft(draftId, batches)),
    undo: (draftId) => toInfo(data.undo(draftId)),
    redo: (draftId) => toInfo(data.redo(draftId)),
    batches: (draftId, options) => data.draftEntries(draftId, options).map((e) => draftBatchSchema.parse(e.entry) as DraftBatch),
    pushes: (draftId) =>
      data.listPushes(draftId === undefined ? {} : { draftId }).map((j) => ({ id: j.id, draftId: j.draftId, createdAt: j.createdAt, finishedAt: j.finishedAt, outcome: j.outcome })),
  };
}

function toInfo(draft: StoredDraftInfo): DraftInfo {
  return {
    id: draft.id,
    name: draft.name,
    baseVersion: draft.baseSnapshotVersion,
    head: draft.head,
    batchCount: draft.operationCount,
    createdAt: draft.createdAt,
    updatedAt: draft.updatedAt,
    origin: draft.origin,
  };
}
