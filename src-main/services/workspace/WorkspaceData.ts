import { randomUUID } from 'node:crypto';
import type { Snapshot } from '../../common/domain';
import * as store from '../../store';
import { StoreError, type Db } from '../../store';

export interface WorkspaceDataContext {
  /** Runs `fn` with the open database of this workspace; LOCKED when it is locked. */
  use<T>(fn: (db: Db) => T): T;
  /** The hash chain and the audit anchor outside the database (store/anchor). */
  verifyAudit(): store.AnchoredAuditVerification;
  now(): string;
  actor: string;
  parseDraftEntry(raw: unknown): unknown;
}

export interface DraftEntry {
  seq: number;
  /** One undo step as validated when it was appended (a draft batch by default). */
  entry: unknown;
  createdAt: string;
}

/** What a connector needs to record for one planned call. */
export interface PlannedCall {
  endpoint: string;
  /** Request body; stored as JSON text. */
  request: unknown;
}

/**
 * Everything stored inside one unlocked workspace, as use cases: snapshots, the connection profile, drafts,
 * push journals and the audit log. Changes that matter to an auditor are logged in the same transaction as
 * the change itself, so the log and the data cannot disagree.
 */
export class WorkspaceData {
  constructor(private readonly context: WorkspaceDataContext) {}

  #write<T>(action: string, fn: (db: Db) => T, details: (result: T) => Record<string, unknown>): T {
    return this.context.use((db) =>
      store.inTransaction(db, () => {
        const result = fn(db);
        store.appendAudit(db, { at: this.context.now(), actor: this.context.actor, action, details: details(result) });
        return result;
      }),
    );
  }

  meta(): store.WorkspaceMeta {
    return this.context.use((db) => store.getWorkspaceMeta(db));
  }

  // ---- snapshots ----

  /** Save a pulled (or generated) snapshot as the new base; older versions stay for rollback. */
  saveSnapshot(snapshot: Snapshot): store.SnapshotInfo {
    return this.#write(
      'snapshot.saved',
      (db) => store.saveSnapshot(db, { snapshot, savedAt: this.context.now() }),
      (info) => ({ version: info.version, source: info.sourceKind, users: info.counts.users, roles: info.counts.roles }),
    );
  }

  /** The newest snapshot (the base) or a given version, validated. */
  loadSnapshot(version?: number): { info: store.SnapshotInfo; snapshot: Snapshot } {
    return this.context.use((db) => store.loadSnapshot(db, version === undefined ? {} : { version }));
  }

  listSnapshots(): store.SnapshotInfo[] {
    return this.context.use((db) => store.listSnapshots(db));
  }

  // ---- connection profile (the secret stays in the main process) ----

  setConnection(profile: Omit<store.ConnectionProfile, 'updatedAt'>): store.ConnectionProfileSummary {
    return this.#write(
      'connection.updated',
      (db) => {
        store.setConnectionProfile(db, { ...profile, updatedAt: this.context.now() });
        return store.getConnectionProfileSummary(db)!;
      },
      (summary) => ({ connector: summary.connector, serverUrl: summary.serverUrl, username: summary.username }),
    );
  }

  /** Safe to show: no secret. */
  getConnection(): store.ConnectionProfileSummary | null {
    return this.context.use((db) => store.getConnectionProfileSummary(db));
  }

  /** With the secret, for the connector in the main process only. Never send this over IPC or log it. */
  getConnectionCredentials(): store.ConnectionProfile | null {
    return this.context.use((db) => store.getConnectionProfile(db));
  }

  // ---- drafts ----

  createDraft(args: { name: string; baseSnapshotVersion?: number; origin?: store.DraftOrigin | null }): store.DraftInfo {
    return this.#write(
      'draft.created',
      (db) => {
        const base = args.baseSnapshotVersion ?? store.latestSnapshotVersion(db);
        if (base === null) throw new StoreError('NOT_FOUND', 'a draft needs a snapshot to start from; pull first');
        return store.createDraft(db, { id: randomUUID(), name: args.name, baseSnapshotVersion: base, now: this.context.now(), origin: args.origin ?? null });
      },
      (draft) => ({ draftId: draft.id, name: draft.name, baseSnapshotVersion: draft.baseSnapshotVersion, ...(draft.origin ? { origin: draft.origin } : {}) }),
    );
  }

  listDrafts(): store.DraftInfo[] {
    return this.context.use((db) => store.listDrafts(db));
  }

  getDraft(draftId: string): store.DraftInfo {
    const draft = this.context.use((db) => store.getDraft(db, { id: draftId }));
    if (!draft) throw new StoreError('NOT_FOUND', `draft ${draftId} does not exist`);
    return draft;
  }

  renameDraft(draftId: string, name: string): store.DraftInfo {
    return this.#write('draft.renamed', (db) => store.renameDraft(db, { id: draftId, name, now: this.context.now() }), (d) => ({ draftId: d.id, name: d.name }));
  }

  deleteDraft(draftId: string): void {
    this.#write('draft.deleted', (db) => store.deleteDraft(db, { id: draftId }), () => ({ draftId }));
  }

  /**
   * Append undo steps after the undo pointer, validated one by one first: one invalid entry and nothing
   * is stored. Not audited one by one (a drag can append hundreds); the push is what the audit log records.
   */
  appendToDraft(draftId: string, entries: readonly unknown[]): store.DraftInfo {
    let json: string[];
    try {
      json = entries.map((raw) => JSON.stringify(this.context.parseDraftEntry(raw)));
    } catch (error) {
      throw new StoreError('INVALID_DATA', 'a draft operation does not have the operation shape', {}, { cause: error });
    }
    return this.context.use((db) => store.appendOperations(db, { draftId, operations: json, now: this.context.now() }));
  }

  /** Applied entries in order (1..head); `includeRedo` adds the ones undone but not discarded. */
  draftEntries(draftId: string, options: { includeRedo?: boolean } = {}): DraftEntry[] {
    return this.context
      .use((db) => store.listOperations(db, { draftId, ...options }))
      .map((op) => ({ seq: op.seq, entry: JSON.parse(op.json) as unknown, createdAt: op.createdAt }));
  }

  undo(draftId: string): store.DraftInfo {
    return this.context.use((db) => store.undo(db, { draftId, now: this.context.now() }));
  }

  redo(draftId: string): store.DraftInfo {
    return this.context.use((db) => store.redo(db, { draftId, now: this.context.now() }));
  }

  // ---- push journals (issue 5's connector drives these) ----

  /**
   * The journal of a new push: its calls and what it was planned on, in one transaction with the audit entry
   * that points at it (the plan itself lives in the journal, not in the log).
   */
  planPush(args: { draftId: string; plan: { plannedOnVersion: number; ops: unknown; compensates?: string | null }; calls: readonly PlannedCall[] }): store.PushJournal {
    return this.#write(
      'push.planned',
      (db) =>
        store.createPushJournal(db, {
          id: randomUUID(),
          draftId: args.draftId,
          plan: { plannedOnVersion: args.plan.plannedOnVersion, ops: JSON.stringify(args.plan.ops), compensates: args.plan.compensates ?? null },
          calls: args.calls.map((c) => ({ endpoint: c.endpoint, request: JSON.stringify(c.request) })),
          now: this.context.now(),
        }),
      (journal) => ({
        pushId: journal.id,
        draftId: journal.draftId,
        plannedOnVersion: journal.plannedOnVersion,
        calls: journal.calls.length,
        ...(journal.compensates ? { compensates: journal.compensates } : {}),
      }),
    );
  }

  getPush(pushId: string): store.PushJournal {
    const journal = this.context.use((db) => store.getPushJournal(db, { id: pushId }));
    if (!journal) throw new StoreError('NOT_FOUND', `push ${pushId} does not exist`);
    return journal;
  }

  listPushes(args: { draftId?: string; unfinishedOnly?: boolean } = {}): Array<Omit<store.PushJournal, 'calls'>> {
    return this.context.use((db) => store.listPushJournals(db, args));
  }

  markCallSent(pushId: string, seq: number): store.PushCall {
    return this.context.use((db) => store.markCallSent(db, { pushId, seq, now: this.context.now() }));
  }

  markCallDone(pushId: string, seq: number, response: unknown): store.PushCall {
    return this.context.use((db) => store.markCallDone(db, { pushId, seq, response: JSON.stringify(response), now: this.context.now() }));
  }

  markCallFailed(pushId: string, seq: number, error: string): store.PushCall {
    return this.context.use((db) => store.markCallFailed(db, { pushId, seq, error, now: this.context.now() }));
  }

  /** Close a push: verified, undone by a compensating push, or abandoned (with the user's reason, if given). */
  finishPush(pushId: string, outcome: store.PushOutcome, details: Record<string, unknown> = {}): void {
    this.#write('push.finished', (db) => store.finishPushJournal(db, { id: pushId, outcome, now: this.context.now() }), () => ({ pushId, outcome, ...details }));
  }

  // ---- audit ----

  /** Record something the workspace did (a push, a revert) in the hash-chained log. */
  audit(action: string, details: Record<string, unknown> = {}): store.AuditEntry {
    return this.context.use((db) => store.appendAudit(db, { at: this.context.now(), actor: this.context.actor, action, details }));
  }

  listAudit(args: { limit?: number; beforeSeq?: number } = {}): store.AuditEntry[] {
    return this.context.use((db) => store.listAudit(db, args));
  }

  /** The chain, then the anchor: truncation, rewrite and forgery by someone holding the key are each named. */
  verifyAudit(): store.AnchoredAuditVerification {
    return this.context.verifyAudit();
  }
}
