import type { JournalRecord, PushJournalPort } from '../../connectors';
import type { DraftOperation } from '../../common/draft';
import type { PushJournal, PushOutcome } from '../../store';
import type { WorkspaceData } from '../workspace';

/** The connector's push journal, kept in the workspace's encrypted database (ARCHITECTURE §3). */
export class WorkspaceJournal implements PushJournalPort {
  constructor(private readonly data: WorkspaceData) {}

  /** Every planned call, and what the plan was made on, before anything is sent (one transaction). */
  create(args: {
    draftId: string;
    plan: { plannedOnVersion: number; ops: readonly DraftOperation[]; compensates?: string | null };
    calls: ReadonlyArray<{ endpoint: string; request: unknown }>;
  }): JournalRecord {
    return toRecord(this.data.planPush(args));
  }

  get(pushId: string): JournalRecord {
    return toRecord(this.data.getPush(pushId));
  }

  markSent(pushId: string, seq: number): void {
    this.data.markCallSent(pushId, seq);
  }

  markDone(pushId: string, seq: number, response: unknown): void {
    this.data.markCallDone(pushId, seq, response);
  }

  markFailed(pushId: string, seq: number, error: string): void {
    this.data.markCallFailed(pushId, seq, error);
  }

  finish(pushId: string, outcome: PushOutcome, details?: Record<string, unknown>): void {
    this.data.finishPush(pushId, outcome, details);
  }
}

function toRecord(journal: PushJournal): JournalRecord {
  return {
    id: journal.id,
    draftId: journal.draftId,
    finishedAt: journal.finishedAt,
    calls: journal.calls.map((c) => ({
      seq: c.seq,
      endpoint: c.endpoint,
      request: JSON.parse(c.request) as unknown,
      status: c.status,
      response: c.response === null ? null : (JSON.parse(c.response) as unknown),
      error: c.error,
    })),
  };
}
