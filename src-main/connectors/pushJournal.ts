/**
 * The push journal a connector writes through (ARCHITECTURE §3): every planned call is recorded before the
 * first is sent, marked `sent` just before it goes out and `done` / `failed` after. A call left `sent` by a
 * crash is the one uncertain step; resuming asks the server whether it landed before sending it again.
 * The real implementation lives in the encrypted workspace store (services/sync/workspaceJournal.ts).
 */
export type JournalCallStatus = 'planned' | 'sent' | 'done' | 'failed';

export interface JournalCall {
  seq: number;
  endpoint: string;
  /** The planned step (an intent; see wukong/plan/steps.ts). */
  request: unknown;
  status: JournalCallStatus;
  response: unknown;
  error: string | null;
}

export interface JournalRecord {
  id: string;
  draftId: string;
  finishedAt: string | null;
  calls: JournalCall[];
}

/** What a connector's push runner reads and marks; creating and closing journals is the use case's job. */
export interface PushJournalPort {
  get(pushId: string): JournalRecord;
  markSent(pushId: string, seq: number): void;
  markDone(pushId: string, seq: number, response: unknown): void;
  markFailed(pushId: string, seq: number, error: string): void;
}
