import { z } from 'zod';
import { draftOperationSchema, type DraftOperation } from '../../common/draft';
import type { PushJournal } from '../../store';

/** What a push was planned on, kept in its journal (migration 20): enough to verify it or undo it later. */
export interface PlannedPushContext {
  pushId: string;
  draftId: string;
  plannedOnVersion: number;
  ops: DraftOperation[];
  /** The push this one undoes, for a compensating push. */
  compensates: string | null;
}

const opsSchema = z.array(draftOperationSchema);

/** The plan recorded with a push's journal; null for a journal from before plans were kept there. */
export function plannedPushOf(journal: PushJournal): PlannedPushContext | null {
  if (journal.plannedOnVersion === null || journal.ops === null) return null;
  const ops = opsSchema.safeParse(JSON.parse(journal.ops));
  if (!ops.success) return null;
  return { pushId: journal.id, draftId: journal.draftId, plannedOnVersion: journal.plannedOnVersion, ops: ops.data, compensates: journal.compensates };
}

/** Draft id → server id for everything the push created (the server returns no ids; the runner re-read them). */
export function idsLearned(journal: PushJournal): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const call of journal.calls) {
    if (call.status !== 'done' || call.response === null) continue;
    const request = JSON.parse(call.request) as { ref?: string };
    const response = JSON.parse(call.response) as { serverId?: string } | null;
    if (request.ref && response?.serverId) ids[request.ref] = response.serverId;
  }
  return ids;
}
