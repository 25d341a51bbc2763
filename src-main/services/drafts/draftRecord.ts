import type { DraftBatch } from '../../common/draft';
import type { DraftOriginView, DraftPushView, DraftSummary } from '../../common/ipc';

/** Where a draft came from when it was not drawn by hand (stored with it, migration 30). */
export interface DraftOrigin {
  kind: 'rollback';
  /** The push this draft undoes. */
  pushId: string;
}

/** A draft's facts as stored: gestures 1..head are applied, head+1..batchCount can be redone. */
export interface DraftInfo {
  id: string;
  name: string;
  baseVersion: number;
  head: number;
  batchCount: number;
  createdAt: string;
  updatedAt: string;
  origin: DraftOrigin | null;
}

/** One push journal, as much of it as the drafts need: which draft it was made from, when, how it ended. */
export interface PushRecord {
  id: string;
  draftId: string;
  createdAt: string;
  finishedAt: string | null;
  outcome: 'verified' | 'undone' | 'abandoned' | null;
}

/**
 * Where drafts live between restarts: the workspace's encrypted database. One entry = one gesture = one
 * undo step. `append` drops the redo tail first, as every editor does.
 */
export interface DraftRepository {
  list(): DraftInfo[];
  get(draftId: string): DraftInfo;
  create(name: string, origin?: DraftOrigin | null): DraftInfo;
  rename(draftId: string, name: string): DraftInfo;
  remove(draftId: string): void;
  append(draftId: string, batches: readonly DraftBatch[]): DraftInfo;
  undo(draftId: string): DraftInfo;
  redo(draftId: string): DraftInfo;
  /** Applied batches in order (with `includeRedo`, also the undone ones after them). */
  batches(draftId: string, options?: { includeRedo?: boolean }): DraftBatch[];
  /** Push journals, newest first: of one draft, or all of them. */
  pushes(draftId?: string): PushRecord[];
}

/** What a summary needs besides the draft itself: the pushes that concern it and the names of other drafts. */
export interface SummaryFacts {
  /** Newest first; at least this draft's pushes and, for a rollback draft, the push it undoes. */
  pushes: readonly PushRecord[];
  draftName(draftId: string): string | null;
}

export function summarize(info: DraftInfo, facts: SummaryFacts): DraftSummary {
  const push = facts.pushes.find((p) => p.draftId === info.id) ?? null;
  const pushed: DraftPushView | null = push ? { pushId: push.id, at: push.createdAt, finished: push.finishedAt !== null, outcome: push.outcome } : null;
  const readOnly = pushed !== null;
  let origin: DraftOriginView | null = null;
  if (info.origin) {
    const undone = facts.pushes.find((p) => p.id === info.origin!.pushId) ?? null;
    origin = { kind: info.origin.kind, pushId: info.origin.pushId, pushedAt: undone?.createdAt ?? null, pushedDraftName: undone ? facts.draftName(undone.draftId) : null };
  }
  return {
    id: info.id,
    name: info.name,
    baseVersion: info.baseVersion,
    createdAt: info.createdAt,
    updatedAt: info.updatedAt,
    batchCount: info.batchCount,
    appliedCount: info.head,
    canUndo: !readOnly && info.head > 0,
    canRedo: !readOnly && info.head < info.batchCount,
    readOnly,
    pushed,
    origin,
  };
}
