import { StoreError } from '../errors';
import type { Db } from '../sqlcipher';
import { sql } from '../statements';

export type PushCallStatus = 'planned' | 'sent' | 'done' | 'failed';

export interface PushCall {
  seq: number;
  /** What to call, in the connector's words (`POST /adminRole/updateRoleMenu`). */
  endpoint: string;
  /** Request body as JSON text. */
  request: string;
  status: PushCallStatus;
  response: string | null;
  error: string | null;
  plannedAt: string;
  sentAt: string | null;
  finishedAt: string | null;
}

/** How a push ended: its changes verified on the server, undone by a compensating push, or given up. */
export type PushOutcome = 'verified' | 'undone' | 'abandoned';

export interface PushJournal {
  id: string;
  draftId: string;
  createdAt: string;
  finishedAt: string | null;
  /** Snapshot version the plan was made on (null only for journals older than migration 20 with no record). */
  plannedOnVersion: number | null;
  /** The rebased draft operations the plan was made from, as JSON text. */
  ops: string | null;
  outcome: PushOutcome | null;
  /** For a compensating push: the push whose landed steps it undoes. */
  compensates: string | null;
  calls: PushCall[];
}

const JOURNAL_COLUMNS =
  'id, draft_id AS draftId, created_at AS createdAt, finished_at AS finishedAt, planned_on_version AS plannedOnVersion, ops, outcome, compensates';

/**
 * Record every planned call before the first is sent (ARCHITECTURE §3): after a crash the journal says
 * which calls went out, so a resumed push neither repeats nor skips one.
 */
export function createPushJournal(
  db: Db,
  args: {
    id: string;
    draftId: string;
    /** What the plan was made on: kept with the calls so verify and undo work after any crash. */
    plan: { plannedOnVersion: number; ops: string; compensates?: string | null };
    calls: ReadonlyArray<{ endpoint: string; request: string }>;
    now: string;
  },
): PushJournal {
  db.transaction(() => {
    try {
      sql(db, 'INSERT INTO push_journals (id, draft_id, created_at, planned_on_version, ops, compensates) VALUES (?, ?, ?, ?, ?, ?)').run(
        args.id,
        args.draftId,
        args.now,
        args.plan.plannedOnVersion,
        args.plan.ops,
        args.plan.compensates ?? null,
      );
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StoreError('ALREADY_EXISTS', `push ${args.id} already exists`);
      throw error;
    }
    const insert = sql(db, `INSERT INTO push_calls (push_id, seq, endpoint, request, status, planned_at) VALUES (?, ?, ?, ?, 'planned', ?)`);
    args.calls.forEach((call, i) => insert.run(args.id, i + 1, call.endpoint, call.request, args.now));
  }).immediate();
  return getPushJournal(db, { id: args.id })!;
}

export function getPushJournal(db: Db, args: { id: string }): PushJournal | null {
  const journal = sql(db, `SELECT ${JOURNAL_COLUMNS} FROM push_journals WHERE id = ?`).get(args.id) as
    | Omit<PushJournal, 'calls'>
    | undefined;
  if (!journal) return null;
  const calls = sql(
    db,
    `SELECT seq, endpoint, request, status, response, error, planned_at AS plannedAt, sent_at AS sentAt, finished_at AS finishedAt
     FROM push_calls WHERE push_id = ? ORDER BY seq`,
  ).all(args.id) as PushCall[];
  return { ...journal, calls };
}

/** Newest first; `unfinishedOnly` lists the pushes to resume after a crash. */
export function listPushJournals(db: Db, args: { draftId?: string; unfinishedOnly?: boolean } = {}): Array<Omit<PushJournal, 'calls'>> {
  return sql(
    db,
    `SELECT ${JOURNAL_COLUMNS} FROM push_journals
     WHERE (@draftId IS NULL OR draft_id = @draftId) AND (@unfinishedOnly = 0 OR finished_at IS NULL)
     ORDER BY created_at DESC, id`,
  ).all({ draftId: args.draftId ?? null, unfinishedOnly: args.unfinishedOnly ? 1 : 0 }) as Array<Omit<PushJournal, 'calls'>>;
}

/** planned → sent → done | failed; a sent call whose answer was lost may also be failed. Nothing moves back. */
const ALLOWED: Record<PushCallStatus, readonly PushCallStatus[]> = {
  planned: ['sent', 'failed'],
  sent: ['done', 'failed'],
  done: [],
  failed: [],
};

function transition(db: Db, pushId: string, seq: number, to: PushCallStatus, set: { response?: string | null; error?: string | null; now: string }): PushCall {
  return db
    .transaction(() => {
      const row = sql(db, 'SELECT status FROM push_calls WHERE push_id = ? AND seq = ?').get(pushId, seq) as { status: PushCallStatus } | undefined;
      if (!row) throw new StoreError('NOT_FOUND', `push ${pushId} has no call ${seq}`);
      if (!ALLOWED[row.status].includes(to)) throw new StoreError('CONFLICT', `call ${seq} of push ${pushId} is ${row.status} and cannot become ${to}`);
      sql(
        db,
        `UPDATE push_calls SET status = @to,
           sent_at = CASE WHEN @to = 'sent' THEN @now ELSE sent_at END,
           finished_at = CASE WHEN @to IN ('done', 'failed') THEN @now ELSE finished_at END,
           response = coalesce(@response, response), error = coalesce(@error, error)
         WHERE push_id = @pushId AND seq = @seq`,
      ).run({ to, now: set.now, response: set.response ?? null, error: set.error ?? null, pushId, seq });
      return getPushJournal(db, { id: pushId })!.calls.find((c) => c.seq === seq)!;
    })
    .immediate();
}

export function markCallSent(db: Db, args: { pushId: string; seq: number; now: string }): PushCall {
  return transition(db, args.pushId, args.seq, 'sent', { now: args.now });
}

export function markCallDone(db: Db, args: { pushId: string; seq: number; response: string; now: string }): PushCall {
  return transition(db, args.pushId, args.seq, 'done', { response: args.response, now: args.now });
}

export function markCallFailed(db: Db, args: { pushId: string; seq: number; error: string; now: string }): PushCall {
  return transition(db, args.pushId, args.seq, 'failed', { error: args.error, now: args.now });
}

/** Close the journal: verified, undone by a compensating push, or abandoned by the user. */
export function finishPushJournal(db: Db, args: { id: string; outcome: PushOutcome; now: string }): void {
  const result = sql(db, 'UPDATE push_journals SET finished_at = ?, outcome = ? WHERE id = ? AND finished_at IS NULL').run(args.now, args.outcome, args.id);
  if (result.changes === 0) throw new StoreError(getPushJournal(db, { id: args.id }) ? 'CONFLICT' : 'NOT_FOUND', `push ${args.id} is missing or already finished`);
}
