import type { DraftBatch } from '../../common/draft/operations';
import type { DraftSummary } from '../../common/ipc/channels/drafts';

/** A draft as the service keeps it: every recorded gesture, and how many of them are applied. */
export interface DraftRecord {
  id: string;
  name: string;
  baseVersion: number;
  createdAt: string;
  updatedAt: string;
  batches: DraftBatch[];
  /** batches[0 .. pointer) are applied; the rest can be redone. */
  pointer: number;
}

/** Where drafts live between restarts (the workspace's encrypted database). */
export interface DraftRepository {
  list(): DraftRecord[];
  save(record: DraftRecord): void;
  remove(draftId: string): void;
}

export function summarize(record: DraftRecord): DraftSummary {
  return {
    id: record.id,
    name: record.name,
    baseVersion: record.baseVersion,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    batchCount: record.batches.length,
    appliedCount: record.pointer,
    canUndo: record.pointer > 0,
    canRedo: record.pointer < record.batches.length,
  };
}

export function appliedBatches(record: DraftRecord): DraftBatch[] {
  return record.batches.slice(0, record.pointer);
}
