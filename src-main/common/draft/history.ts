import { z } from 'zod';
import type { Snapshot } from '../domain';
import { apply } from './apply';
import { invert } from './invert';
import type { DraftBatch, DraftOperation } from './operations';
import { draftBatchSchema } from './operations';

/**
 * Undo / redo as data: the batches of a draft, each with its inverse, and how many of them are in effect.
 * Pure and serialisable (the store persists it with the draft). Keeping the inverse beside each batch means
 * an undo needs only the current snapshot, never an older one.
 */
export const historyEntrySchema = z.object({ batch: draftBatchSchema, inverse: draftBatchSchema });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const draftHistorySchema = z
  .object({ entries: z.array(historyEntrySchema), position: z.number().int().min(0) })
  .refine((h) => h.position <= h.entries.length, { message: 'position beyond the last entry' });
export type DraftHistory = z.infer<typeof draftHistorySchema>;

export const emptyHistory = (): DraftHistory => ({ entries: [], position: 0 });

export interface HistoryStep {
  history: DraftHistory;
  snapshot: Snapshot;
}

/**
 * Applies a new gesture (server rules enforced: throws `DraftRejectedError`) and records it. Anything that had
 * been undone is dropped: a new edit after an undo starts a new branch.
 */
export function record(history: DraftHistory, current: Snapshot, batch: DraftBatch): HistoryStep {
  const snapshot = apply(current, batch);
  const entry: HistoryEntry = { batch, inverse: invert(current, batch) };
  return { history: { entries: [...history.entries.slice(0, history.position), entry], position: history.position + 1 }, snapshot };
}

export const canUndo = (history: DraftHistory): boolean => history.position > 0;
export const canRedo = (history: DraftHistory): boolean => history.position < history.entries.length;

/** Steps back one gesture; null when there is nothing to undo. */
export function undo(history: DraftHistory, current: Snapshot): HistoryStep | null {
  const entry = history.entries[history.position - 1];
  if (!entry) return null;
  return { history: { ...history, position: history.position - 1 }, snapshot: apply(current, entry.inverse, { rules: 'structural' }) };
}

/** Re-applies the next undone gesture; null when there is nothing to redo. */
export function redo(history: DraftHistory, current: Snapshot): HistoryStep | null {
  const entry = history.entries[history.position];
  if (!entry) return null;
  return { history: { ...history, position: history.position + 1 }, snapshot: apply(current, entry.batch, { rules: 'structural' }) };
}

/** The draft's operations in effect, in order: what the store saves and the planner reads. */
export function effectiveOperations(history: DraftHistory): DraftOperation[] {
  return history.entries.slice(0, history.position).flatMap((e) => e.batch.ops);
}

/** The batches in effect (for a list of "what I did", newest last). */
export function effectiveBatches(history: DraftHistory): DraftBatch[] {
  return history.entries.slice(0, history.position).map((e) => e.batch);
}
