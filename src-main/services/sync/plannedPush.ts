import { z } from 'zod';
import { draftOperationSchema, type DraftOperation } from '../../common/draft/operations';
import type { PushJournal } from '../../store';
import type { WorkspaceData } from '../workspace';

/** What a push was planned on, recorded in the audit log with the push: enough to verify or roll it back later. */
export interface PlannedPushContext {
  pushId: string;
  draftId: string;
  plannedOnVersion: number;
  ops: DraftOperation[];
}

const contextSchema = z.object({
  pushId: z.string(),
  draftId: z.string(),
  plannedOnVersion: z.number().int(),
  ops: z.array(draftOperationSchema),
});

/** The `push.planned` audit entry of a push, newest entries first (a restart reads it back from the store). */
export function findPlannedPush(data: WorkspaceData, pushId: string): PlannedPushContext | null {
  let beforeSeq: number | undefined;
  for (;;) {
    const page = data.listAudit({ limit: 500, ...(beforeSeq ? { beforeSeq } : {}) });
    for (const entry of page) {
      if (entry.action !== 'push.planned') continue;
      const parsed = contextSchema.safeParse(entry.details);
      if (parsed.success && parsed.data.pushId === pushId) return parsed.data;
    }
    if (page.length < 500) return null;
    beforeSeq = page[page.length - 1]!.seq;
  }
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
