import { randomUUID } from 'node:crypto';
import type { Snapshot } from '../../common/domain';
import { applyChecked, type ConflictChoice, diffSnapshots, resolveConflicts } from '../../common/draft';
import type { PlanView, PushGate, PushReportView, UndoPreviewView, UndoResultView, VerifyView, WorkspaceChangeReason } from '../../common/ipc';
import { AppError } from '../../common/ipc';
import type { CrmConnector, PushReport } from '../../connectors';
import type { ConnectionProfile } from '../../store';
import type { DraftService } from '../drafts';
import type { EventBus } from '../eventBus';
import type { WorkspaceData } from '../workspace';
import { createConnector } from './createConnector';
import { checkGate, pushGate } from './pushGate';
import { plannedPush, undoOnWukong, undoPreview } from './pushRecovery';
import { undoPreviewView } from './recoveryViews';
import { SyncService, type SyncPlan } from './SyncService';
import { changeLine, conflictView, notAppliedLine, notUndoableLine, propagationView } from './syncViews';

export interface SyncWorkflowOptions {
  data: WorkspaceData;
  drafts: () => DraftService;
  events: EventBus;
  createConnector?: (profile: ConnectionProfile) => CrmConnector;
}

/** Reason of `workspace.changed` after a pull made while a flow is on screen: views refetch, the page stays. */
export const SERVER_REFRESHED = 'server state refreshed' satisfies WorkspaceChangeReason;

/**
 * The push flow of one open workspace over its SyncService (one logged-in connector): plan a draft (pull,
 * rebase, plan), let the user resolve conflicts, push with the plan journaled and recorded in the audit log (so
 * an interrupted push can be resumed and verified after a restart), verify, and roll a completed push back
 * with an inverse draft. Plans live in memory only: they are re-made from the server each time.
 */
export class SyncWorkflow {
  readonly service: SyncService;
  readonly #plans = new Map<string, { plan: SyncPlan; base: Snapshot; gate: PushGate | null }>();
  #pushing = false;
  #pulling: Promise<{ version: number; users: number; roles: number; notes: string[] }> | null = null;

  constructor(private readonly options: SyncWorkflowOptions) {
    this.service = new SyncService({
      data: options.data,
      createConnector: options.createConnector ?? ((p) => createConnector(p)),
      emit: (e) =>
        options.events.emit(
          'sync.progressed',
          e.type === 'sync.progress'
            ? { kind: 'pull', step: e.step, done: e.done, total: e.total }
            : { kind: 'push', pushId: e.pushId, seq: e.seq, total: e.total, status: e.status },
        ),
    });
  }

  /**
   * An explicit pull replaces the base every view shows: the renderer starts afresh ('snapshot saved'). A pull
   * asked for while one runs joins it (a page that is reloading and the page it becomes may both ask).
   */
  pull(signal?: AbortSignal) {
    this.#pulling ??= this.service
      .pull(signal)
      .then((result) => {
        this.options.events.emit('workspace.changed', { reason: 'snapshot saved' });
        return { version: result.info.version, users: result.info.counts.users, roles: result.info.counts.roles, notes: result.notes };
      })
      .finally(() => (this.#pulling = null));
    return this.#pulling;
  }

  async plan(draftId: string, signal?: AbortSignal): Promise<PlanView> {
    const drafts = this.options.drafts();
    // The draft is shown (and was made) on the newest snapshot: that is its base for the three-way rebase.
    const base = drafts.projection(null).snapshot;
    const ops = drafts.batches(draftId).flatMap((b) => b.ops);
    if (ops.length === 0) throw new AppError('REFUSED', 'this draft changes nothing: there is nothing to push');
    const plan = await this.service.plan({ draftId, base, ops, signal });
    this.options.events.emit('workspace.changed', { reason: SERVER_REFRESHED });
    return this.#remember(plan, base);
  }

  /** The user's choice per conflict, then a plan on the same server state (no second pull). */
  async resolve(planId: string, choices: Readonly<Record<string, ConflictChoice>>, signal?: AbortSignal): Promise<PlanView> {
    const { plan, base } = this.#plan(planId);
    if (plan.status !== 'conflicts') throw new AppError('CONFLICT', 'this plan has no conflicts to resolve');
    const resolved = resolveConflicts({ ops: plan.ops, conflicts: plan.conflicts, alreadyDone: [] }, choices);
    if (resolved.unresolved.length > 0) {
      throw new AppError('INVALID_INPUT', `${resolved.unresolved.length} conflict(s) still need a choice`, {
        kind: 'unresolvedConflicts',
        conflictIds: resolved.unresolved.map((c) => c.id),
      });
    }
    const planned = await this.service.replan(plan.plannedOn, resolved.ops, signal);
    const next: SyncPlan = {
      ...plan,
      status: planned.refusals.length > 0 ? 'refused' : 'ready',
      ops: resolved.ops,
      conflicts: [],
      refusals: planned.refusals,
      steps: planned.steps,
      projection: planned.projection,
      propagation: planned.propagation,
    };
    this.#plans.delete(planId);
    return this.#remember(next, base);
  }

  /** Journal every call with what it was planned on (for verify and undo after a restart), then send. */
  async push(planId: string, signal?: AbortSignal, gateInput: { override?: { reason: string }; confirmation?: string } = {}): Promise<PushReportView> {
    const { plan, gate } = this.#plan(planId);
    if (plan.status !== 'ready' || plan.steps.length === 0) throw new AppError('REFUSED', `this plan cannot be pushed (${plan.status})`);
    // The gate holds in the main process, whatever the renderer shows: blocking checks need a written reason,
    // a wide or destructive change needs the draft's name typed.
    const { overridden } = gate ? checkGate(gate, gateInput) : { overridden: [] };
    this.#refuseWhilePushing();
    if (overridden.length > 0) {
      this.options.data.audit('push.gateOverridden', {
        draftId: plan.draftId,
        reason: gateInput.override!.reason,
        findings: overridden.map((f) => ({ ruleId: f.ruleId, message: f.message.en })),
      });
    }
    this.#plans.delete(planId);
    return this.#exclusive(async () => reportView(await this.service.push(plan, signal)));
  }

  async resume(pushId: string, signal?: AbortSignal): Promise<PushReportView> {
    return this.#exclusive(async () => reportView(await this.service.resume(pushId, signal)));
  }

  /** One push at a time per workspace: undo or abandon must never race a push that is still sending. */
  async #exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.#refuseWhilePushing();
    this.#pushing = true;
    try {
      return await work();
    } finally {
      this.#pushing = false;
    }
  }

  async verify(pushId: string, signal?: AbortSignal): Promise<VerifyView> {
    const { plannedOn, projection, expected } = this.#planned(pushId);
    const report = await this.service.verify({ pushId, plannedOn, projection, signal });
    const pulled = this.options.data.loadSnapshot();
    this.options.events.emit('workspace.changed', { reason: SERVER_REFRESHED });
    const mismatchKeys = new Set(report.mismatches.map((c) => c.key));
    const planned = diffSnapshots(plannedOn, expected);
    const landed = planned.filter((c) => !mismatchKeys.has(c.key));
    const wanted = new Map(planned.map((c) => [c.key, c]));
    return {
      pushId,
      ok: report.ok,
      landed: landed.map((c) => changeLine(c, plannedOn, pulled.snapshot)),
      // A mismatch is said as the change the draft wanted, not as the way back from the projection to the server.
      mismatches: report.mismatches.map((c) => notAppliedLine(wanted.get(c.key) ?? c, c, plannedOn, expected, pulled.snapshot)),
      notUndoable: undoOnWukong(landed).notUndoable.map((c) => notUndoableLine(c, expected, plannedOn)),
      changedElsewhere: report.changedElsewhere.map((c) => changeLine(c, expected, pulled.snapshot)),
      propagation: propagationView(report.propagation),
      snapshotVersion: pulled.info.version,
    };
  }

  /**
   * The inverse of a completed push as a new draft: every cell the push changed (in the server's ids) is set
   * back to its pre-push value, on the newest snapshot. Deletions go last (a created role loses its grants and
   * members before it is deleted); what cannot be re-created automatically (a deleted role) is listed.
   */
  rollback(pushId: string) {
    const { journal, plannedOn, expected } = plannedPush(this.options.data, pushId);
    if (journal.finishedAt === null) throw new AppError('REFUSED', 'only a completed push can be rolled back: resume and verify it first, or undo what landed');
    const { ops, notUndoable } = undoOnWukong(diffSnapshots(plannedOn, expected));
    // A draft name is stored data, read in either language: both words.
    const name = `Rollback · 回滚 ${journal.createdAt.slice(0, 16).replace('T', ' ')}`;
    const created = this.options.drafts().createFrom(name, [{ id: randomUUID(), label: name, ops }], { origin: { kind: 'rollback', pushId } });
    if (!created.created) {
      throw new AppError('REFUSED', 'the inverse draft breaks a rule on the current server state', {
        kind: 'draftProblems',
        problems: created.errors.map((e) => ({ code: e.problem.code, message: e.problem.message, wukongCode: e.problem.wukongCode, gesture: { number: e.number, text: e.gesture } })),
      });
    }
    return { draft: created.draft, notUndoable: notUndoable.map((c) => notUndoableLine(c, expected, plannedOn)) };
  }

  /** What "undo what landed" would put back for an unfinished push, read from a fresh pull (nothing is sent). */
  async undoPreview(pushId: string, signal?: AbortSignal): Promise<UndoPreviewView> {
    this.#refuseWhilePushing();
    this.#unfinished(pushId);
    const server = (await this.service.pull(signal)).snapshot;
    this.options.events.emit('workspace.changed', { reason: SERVER_REFRESHED });
    const preview = undoPreview(this.options.data, pushId, server);
    return undoPreviewView(pushId, preview);
  }

  /**
   * Undo what landed of a push that stopped: a compensating push (journaled with `compensates`, audited,
   * verified) sets every change of it the server holds back to its planned-on value. When that verifies, the
   * stopped push is closed as undone. A compensating push that stops itself can be resumed or undone in turn.
   */
  async undoLanded(pushId: string, signal?: AbortSignal): Promise<UndoResultView> {
    return this.#exclusive(() => this.#undoLanded(pushId, signal));
  }

  async #undoLanded(pushId: string, signal?: AbortSignal): Promise<UndoResultView> {
    this.#unfinished(pushId);
    const server = (await this.service.pull(signal)).snapshot;
    const preview = undoPreview(this.options.data, pushId, server);
    if (preview.ops.length === 0) {
      // Nothing of it reached the server (or all of it was changed since by someone else): nothing to send.
      this.options.data.finishPush(pushId, 'undone', { compensatingPush: null });
      this.options.events.emit('workspace.changed', { reason: SERVER_REFRESHED });
      return { pushId, compensatingPushId: null, report: null, verify: null, notUndoable: [] };
    }
    const plan = await this.service.plan({ draftId: `undo:${pushId}`, base: server, ops: preview.ops, signal });
    if (plan.status !== 'ready') {
      throw new AppError(
        'REFUSED',
        `the compensating push cannot be planned (${plan.status})`,
        plan.refusals.length > 0 ? { kind: 'planRefusals', refusals: plan.refusals.map((r) => ({ code: r.code, reason: r.reason })) } : undefined,
      );
    }
    const report = await this.service.push(plan, signal, { compensates: pushId });
    const notUndoable = preview.notUndoable.map((c) => notUndoableLine(c, preview.planned.expected, preview.planned.plannedOn));
    if (report.failure) return { pushId, compensatingPushId: report.pushId, report: reportView(report), verify: null, notUndoable };
    const verify = await this.verify(report.pushId, signal);
    if (verify.ok) this.options.data.finishPush(pushId, 'undone', { compensatingPush: report.pushId });
    return { pushId, compensatingPushId: report.pushId, report: reportView(report), verify, notUndoable };
  }

  /** Give up an unfinished push: it is closed as abandoned (with the user's reason), its draft is kept. */
  abandon(pushId: string, reason: string | null): void {
    this.#refuseWhilePushing();
    this.#unfinished(pushId);
    this.options.data.finishPush(pushId, 'abandoned', reason ? { reason } : {});
    this.options.events.emit('workspace.changed', { reason: SERVER_REFRESHED });
  }

  #refuseWhilePushing(): void {
    if (this.#pushing) throw new AppError('CONFLICT', 'a push is running in this workspace: wait for it to stop, or cancel it');
  }

  #unfinished(pushId: string) {
    const journal = this.options.data.getPush(pushId);
    if (journal.finishedAt !== null) throw new AppError('REFUSED', `push ${pushId} is already closed (${journal.outcome ?? 'finished'})`);
    return journal;
  }

  #planned(pushId: string) {
    return plannedPush(this.options.data, pushId);
  }

  #remember(plan: SyncPlan, base: Snapshot): PlanView {
    const planId = randomUUID();
    const changes = diffSnapshots(plan.plannedOn, plan.projection);
    const empty = plan.status === 'ready' && plan.steps.length === 0;
    const draftName = this.options.drafts().list().drafts.find((d) => d.id === plan.draftId)?.name ?? plan.draftId;
    const gate = plan.status === 'ready' && !empty ? pushGate({ plannedOn: plan.plannedOn, projection: plan.projection, draftName }) : null;
    this.#plans.set(planId, { plan, base, gate });
    return {
      planId,
      draftId: plan.draftId,
      status: empty ? 'empty' : plan.status,
      rebased: plan.rebased,
      plannedOnVersion: plan.plannedOnVersion,
      conflicts: plan.conflicts.map((c) => conflictView(c, base, plan.plannedOn, applyChecked(base, this.options.drafts().batches(plan.draftId).flatMap((b) => b.ops)).snapshot)),
      steps: plan.steps.map((s) => ({ seq: s.seq, endpoint: s.endpoint, summary: s.summary })),
      refusals: plan.refusals.map((r) => ({ code: r.code, reason: r.reason })),
      propagation: propagationView(plan.propagation),
      changes: changes.map((c) => changeLine(c, plan.plannedOn, plan.projection)),
      gate,
    };
  }

  #plan(planId: string) {
    const entry = this.#plans.get(planId);
    if (!entry) throw new AppError('NOT_FOUND', 'this plan is no longer current: plan the draft again');
    return entry;
  }

  dispose(): void {
    this.#plans.clear();
    void this.service.disconnect().catch(() => undefined);
  }
}

function reportView(report: PushReport): PushReportView {
  const f = report.failure;
  return {
    pushId: report.pushId,
    total: report.total,
    done: report.done,
    sent: report.sent,
    confirmedOnResume: report.confirmedOnResume,
    failure: f ? { seq: f.seq, endpoint: f.endpoint, code: f.code, message: f.message, serverCode: f.serverCode, resumable: f.resumable } : undefined,
  };
}
