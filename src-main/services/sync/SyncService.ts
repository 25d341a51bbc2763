import type { Snapshot } from '../../common/domain';
import { applyChecked, diffSnapshots, type DraftOperation, rebase, type RebaseConflict } from '../../common/draft';
import type { CatalogueSource, CrmConnector, PlannedStep, PullProgress, PushPlan, PushReport, VerifyReport } from '../../connectors';
import { ConnectorError } from '../../connectors';
import type { ConnectionProfile, SnapshotInfo } from '../../store';
import type { WorkspaceData } from '../workspace';
import { WorkspaceJournal } from './workspaceJournal';

export type SyncEvent =
  | { type: 'sync.progress'; step: PullProgress['step']; done: number; total: number }
  | { type: 'sync.pushProgress'; pushId: string; seq: number; total: number; status: 'done' | 'failed' };

export interface SyncServiceOptions {
  /** The unlocked workspace: snapshots, the connection profile (with its secret), push journals. */
  data: WorkspaceData;
  /** Builds the connector for the stored connection profile (the secret never leaves the main process). */
  createConnector: (profile: ConnectionProfile) => CrmConnector;
  emit?: (event: SyncEvent) => void;
}

export interface SyncPlan {
  /** `ready`: steps can be pushed; `conflicts`: the server changed the same cells, the user must choose; `refused`: see refusals. */
  status: 'ready' | 'conflicts' | 'refused';
  draftId: string;
  /** The draft's operations after rebasing onto the server's current state (unchanged when the server had not moved). */
  ops: DraftOperation[];
  /** Whether the server had changed since the draft's base (and the draft was rebased). */
  rebased: boolean;
  conflicts: RebaseConflict[];
  refusals: PushPlan['refusals'];
  steps: PlannedStep[];
  /** The server state the plan was made on (saved as the workspace's newest snapshot). */
  plannedOn: Snapshot;
  plannedOnVersion: number;
  /** What the server should hold after the push. */
  projection: Snapshot;
  /** Which changes take effect only after re-login or cache expiry (reference §9.1), to show before sending. */
  propagation: PushPlan['propagation'];
}

/**
 * The sync use cases the IPC layer calls: connect, pull (with progress), plan (pull again, rebase, plan),
 * push and resume from the journal, verify. Plain orchestration over a connector and the workspace store.
 */
export class SyncService {
  #connector: CrmConnector | null = null;
  readonly #journal: WorkspaceJournal;

  constructor(private readonly options: SyncServiceOptions) {
    this.#journal = new WorkspaceJournal(options.data);
  }

  /** Log in with the stored profile. The profile's secret goes to the connector and nowhere else. */
  async connect(signal?: AbortSignal): Promise<{ serverUrl: string; username: string }> {
    const profile = this.options.data.getConnectionCredentials();
    if (!profile) throw new ConnectorError('LOGIN_FAILED', 'this workspace has no connection profile; add the server first');
    const connector = this.options.createConnector(profile);
    await connector.connect(signal);
    this.#connector = connector;
    return { serverUrl: profile.serverUrl, username: profile.username };
  }

  /** Pull the server's state and save it as the newest snapshot; nothing is saved unless all of it was read. */
  async pull(signal?: AbortSignal): Promise<{ info: SnapshotInfo; snapshot: Snapshot; catalogueSource: CatalogueSource; notes: string[] }> {
    const connector = await this.#connected(signal);
    const result = await connector.pull({ signal, onProgress: (p) => this.options.emit?.({ type: 'sync.progress', ...p }) });
    const info = this.options.data.saveSnapshot(result.snapshot);
    return { info, snapshot: result.snapshot, catalogueSource: result.catalogueSource, notes: result.notes };
  }

  /**
   * Pull again, rebase the draft three-way if the server moved since `base` (someone else's changes are never
   * overwritten: a cell both sides changed is a conflict), then plan the exact calls. Nothing is sent.
   */
  async plan(args: { draftId: string; base: Snapshot; ops: readonly DraftOperation[]; signal?: AbortSignal }): Promise<SyncPlan> {
    const pulled = await this.pull(args.signal);
    const server = pulled.snapshot;
    const moved = diffSnapshots(args.base, server).length > 0;
    let ops = [...args.ops];
    let conflicts: RebaseConflict[] = [];
    if (moved) {
      const result = rebase(args.base, server, args.ops);
      ops = result.ops;
      conflicts = result.conflicts;
    }
    const common = { draftId: args.draftId, ops, rebased: moved, plannedOn: server, plannedOnVersion: pulled.info.version };
    if (conflicts.length > 0) {
      return { ...common, status: 'conflicts', conflicts, refusals: [], steps: [], projection: applyChecked(server, ops).snapshot, propagation: [] };
    }
    const plan = (await this.#connected(args.signal)).plan(server, ops);
    return {
      ...common,
      status: plan.refusals.length > 0 ? 'refused' : 'ready',
      conflicts,
      refusals: plan.refusals,
      steps: plan.steps,
      projection: plan.projection,
      propagation: plan.propagation,
    };
  }

  /** Plan again on the same server state (after conflicts were resolved): no pull, the connector's own planner. */
  async replan(plannedOn: Snapshot, ops: readonly DraftOperation[], signal?: AbortSignal): Promise<PushPlan> {
    return (await this.#connected(signal)).plan(plannedOn, ops);
  }

  /** Record every planned call in the journal, then send them in order. */
  async push(plan: SyncPlan, signal?: AbortSignal, options: { compensates?: string } = {}): Promise<PushReport> {
    if (plan.status !== 'ready') throw new ConnectorError('PUSH_STOPPED', `this plan cannot be pushed: ${plan.status}`);
    const journal = this.#journal.create({
      draftId: plan.draftId,
      plan: { plannedOnVersion: plan.plannedOnVersion, ops: plan.ops, compensates: options.compensates ?? null },
      calls: plan.steps.map((s) => ({ endpoint: s.endpoint, request: s.step })),
    });
    return this.resume(journal.id, signal);
  }

  /** Continue an unfinished push (after a crash, a lost connection or a cancellation) without repeating a call. */
  async resume(pushId: string, signal?: AbortSignal): Promise<PushReport> {
    const connector = await this.#connected(signal);
    const report = await connector.push({
      journal: this.#journal,
      pushId,
      signal,
      onCall: (e) => this.options.emit?.({ type: 'sync.pushProgress', pushId, ...e }),
    });
    // The hash-chained audit log records how each run of a push ended (never a credential or a body).
    const { failure } = report;
    this.options.data.audit(failure ? 'push.stopped' : 'push.sent', {
      pushId,
      done: report.done,
      total: report.total,
      sent: report.sent,
      confirmedOnResume: report.confirmedOnResume,
      ...(failure ? { seq: failure.seq, code: failure.code, serverCode: failure.serverCode ?? null, resumable: failure.resumable } : {}),
    });
    return report;
  }

  /** Pushes that did not finish (to offer resuming them at start-up). */
  unfinishedPushes(): Array<{ id: string; draftId: string; createdAt: string }> {
    return this.options.data.listPushes({ unfinishedOnly: true });
  }

  /**
   * Pull again, save it, and compare with the plan's projection; every difference is reported. A push whose
   * calls are all done is closed in the journal.
   */
  async verify(args: { pushId: string; plannedOn: Snapshot; projection: Snapshot; signal?: AbortSignal }): Promise<VerifyReport> {
    const journal = this.#journal.get(args.pushId);
    const ids: Record<string, string> = {};
    for (const call of journal.calls) {
      const request = call.request as { kind?: string; ref?: string };
      const response = call.response as { serverId?: string } | null;
      if (call.status === 'done' && request.ref && response?.serverId) ids[request.ref] = response.serverId;
    }
    const pulled = await this.pull(args.signal);
    const report = (await this.#connected(args.signal)).verify({ plannedOn: args.plannedOn, projection: args.projection, pulled: pulled.snapshot, ids });
    if (journal.finishedAt === null && journal.calls.every((c) => c.status === 'done')) this.#journal.finish(args.pushId, 'verified', { ok: report.ok });
    return report;
  }

  async disconnect(): Promise<void> {
    await this.#connector?.disconnect();
    this.#connector = null;
  }

  async #connected(signal?: AbortSignal): Promise<CrmConnector> {
    if (!this.#connector) await this.connect(signal);
    return this.#connector!;
  }
}
