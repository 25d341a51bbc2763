import type { DraftBatch } from '../../common/draft/operations';
import type { DraftSummary } from '../../common/ipc/channels/drafts';

/** A draft's facts as stored: gestures 1..head are applied, head+1..batchCount can be redone. */
export interface DraftInfo {
  id: string;
  name: string;
  baseVersion: number;
  head: number;
  batchCount: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Where drafts live between restarts: the workspace's encrypted database. One entry = one gesture = one
 * undo step. `append` drops the redo tail first, as every editor does.
 */
export interface DraftRepository {
  list(): DraftInfo[];
  get(draftId: string): DraftInfo;
  create(name: string): DraftInfo;
  rename(draftId: string, name: string): DraftInfo;
  remove(draftId: string): void;
  append(draftId: string, batches: readonly DraftBatch[]): DraftInfo;
  undo(draftId: string): DraftInfo;
  redo(draftId: string): DraftInfo;
  /** Applied batches in order (with `includeRedo`, also the undone ones after them). */
  batches(draftId: string, options?: { includeRedo?: boolean }): DraftBatch[];
}

export function summarize(info: DraftInfo): DraftSummary {
  return {
    id: info.id,
    name: info.name,
    baseVersion: info.baseVersion,
    createdAt: info.createdAt,
    updatedAt: info.updatedAt,
    batchCount: info.batchCount,
    appliedCount: info.head,
    canUndo: info.head > 0,
    canRedo: info.head < info.batchCount,
  };
}
