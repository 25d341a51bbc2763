import { randomUUID } from 'node:crypto';
import type { Snapshot } from '../../common/domain';
import { applyChecked, type DraftOperation } from '../../common/draft';
import type { CellChange } from '../../common/draft/cells';
import { opsSettingCell } from '../../common/draft/cellOps';
import { diffSnapshots } from '../../common/draft/diff';
import { resolveConflicts, type ConflictChoice } from '../../common/draft/rebase';
import type { PlanView, PushReportView, VerifyView } from '../../common/ipc/channels/sync';
import { AppError } from '../../common/ipc/result';
import type { CrmConnector, PushReport } from '../../connectors/connector';
import { planPush } from '../../connectors/wukong';
import { remapIds } from '../../connectors/wukong/verify/remapIds';
import type { ConnectionProfile } from '../../store';
import type { DraftService } from '../drafts/DraftService';
import type { EventBus } from '../eventBus';
import type { WorkspaceData } from '../workspace';
import { createWukongConnector } from './createConnector';
import { idsLearned, plannedPushOf } from './plannedPush';
import { SyncService, type SyncPlan } from './SyncService';
import { changeLine, conflictView, propagationView } from './syncViews';

export interface SyncWorkflowOptions {
  data: WorkspaceData;
  drafts: () => DraftService;
  events: EventBus;
  createConnector?: (profile: ConnectionProfile) => CrmConnector;
}

/** Reason of `workspace.changed` after a pull made while a flow is on screen: views refetch, the page stays. */
export const SERVER_REFRESHED = 'server state refreshed';

/**
 * The push flow of one open workspace over its SyncService (one logged-in connector): plan a draft (pull,
 * rebase, plan), let the user resolve conflicts, push with the plan journaled and recorded in the audit log (so
 * an interrupted push can be resumed and verified after a restart), verify, and roll a completed push back
 * with an inverse draft. Plans live in memory only: they are re-made from the server each time.
 */
export class SyncWorkflow {
  readonly service: SyncService;
  readonly #plans = new Map<string, { plan: SyncPlan; base: Snapshot }>();
  #pulling: Promise<{ version: number; users: number; roles: number; notes: string[] }> | null = null;

  constructor(private readonly options: SyncWorkflowOptions) {
    this.service = new SyncService({
      data: options.data,
      createConnector: options.createConnector ?? ((p) => createWukongConnector(p)),
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
  resolve(planId: string, choices: Readonly<Record<string, ConflictChoice>>): PlanView {
    const { plan, base } = this.#plan(planId);
    if (plan.status !== 'conflicts') throw new AppError('CONFLICT', 'this plan has no conflicts to resolve');
    const resolved = resolveConflicts({ ops: plan.ops, conflicts: plan.conflicts, alreadyDone: [] }, choices);
    if (resolved.unresolved.length > 0) {
      throw new AppError('INVALID_INPUT', `${resolved.unresolved.length} conflict(s) still need a choice`, resolved.unresolved.map((c) => c.id));
    }
    const planned = planPush(plan.plannedOn, resolved.ops);
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
  async push(planId: string, signal?: AbortSignal): Promise<PushReportView> {
    const { plan } = this.#plan(planId);
    if (plan.status !== 'ready' || plan.steps.length === 0) throw new AppError('REFUSED', `this plan cannot be pushed (${plan.status})`);
    this.#plans.delete(planId);
    return reportView(await this.service.push(plan, signal));
  }

  async resume(pushId: string, signal?: AbortSignal): Promise<PushReportView> {
    return reportView(await this.service.resume(pushId, signal));
  }

  async verify(pushId: string, signal?: AbortSignal): Promise<VerifyView> {
    const { plannedOn, projection, expected } = this.#planned(pushId);
    const report = await this.service.verify({ pushId, plannedOn, projection, signal });
    const pulled = this.options.data.loadSnapshot();
    this.options.events.emit('workspace.changed', { reason: SERVER_REFRESHED });
    const mismatchKeys = new Set(report.mismatches.map((c) => c.key));
    const landed = diffSnapshots(plannedOn, expected).filter((c) => !mismatchKeys.has(c.key));
    return {
      pushId,
      ok: report.ok,
      landed: landed.map((c) => changeLine(c, plannedOn, pulled.snapshot)),
      // For a mismatch `before` is what the draft wanted and `after` what the server holds.
      mismatches: report.mismatches.map((c) => changeLine(c, expected, pulled.snapshot)),
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
    const journal = this.options.data.getPush(pushId);
    if (journal.finishedAt === null) throw new AppError('REFUSED', 'only a completed push can be rolled back: resume and verify it first');
    const { plannedOn, expected } = this.#planned(pushId);
    const inverse = diffSnapshots(plannedOn, expected).map((c) => ({ ...c, before: c.after, after: c.before }) as CellChange);
    const existence = (c: CellChange) => c.kind === 'role' || c.kind === 'department';
    const ops: DraftOperation[] = [];
    const notUndoable: CellChange[] = [];
    for (const c of [...inverse.filter((c) => !existence(c)), ...inverse.filter(existence)]) {
      const set = opsSettingCell(c);
      if (set.length === 0 && c.kind !== 'user') notUndoable.push(c);
      // Cells of an entity being deleted need no op of their own: the delete takes them along.
      ops.push(...set);
    }
    const drafts = this.options.drafts();
    const deleted = new Set(ops.flatMap((o) => (o.type === 'deleteRole' ? [o.roleId] : o.type === 'deleteDepartment' ? [o.departmentId] : [])));
    const kept = ops.filter((o) => !touchesOnly(o, deleted));
    // A draft name is stored data, read in either language: both words.
    const name = `Rollback · 回滚 ${journal.createdAt.slice(0, 16).replace('T', ' ')}`;
    const created = drafts.createFrom(name, [{ id: randomUUID(), label: name, ops: kept }]);
    if (!created.created) {
      throw new AppError('REFUSED', 'the inverse draft breaks a rule on the current server state', created.errors.map((e) => JSON.stringify(e).slice(0, 300)));
    }
    return { draft: created.draft, notUndoable: notUndoable.map((c) => changeLine(c, expected, plannedOn)) };
  }

  #planned(pushId: string) {
    const context = plannedPushOf(this.options.data.getPush(pushId));
    if (!context) throw new AppError('NOT_FOUND', `push ${pushId} has no recorded plan in this workspace`);
    const plannedOn = this.options.data.loadSnapshot(context.plannedOnVersion).snapshot;
    const projection = applyChecked(plannedOn, context.ops).snapshot;
    const expected = remapIds(projection, idsLearned(this.options.data.getPush(pushId)));
    return { context, plannedOn, projection, expected };
  }

  #remember(plan: SyncPlan, base: Snapshot): PlanView {
    const planId = randomUUID();
    this.#plans.set(planId, { plan, base });
    const changes = diffSnapshots(plan.plannedOn, plan.projection);
    const empty = plan.status === 'ready' && plan.steps.length === 0;
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

/** An op whose every target is deleted by the same rollback (revoking grants of a role that goes away). */
function touchesOnly(op: DraftOperation, deleted: ReadonlySet<string>): boolean {
  if (deleted.size === 0) return false;
  if (op.type === 'grantPermissions' || op.type === 'revokePermissions') return op.roleIds.every((r) => deleted.has(r));
  if (op.type === 'assignRoles' || op.type === 'unassignRoles') return op.roleIds.every((r) => deleted.has(r));
  if (op.type === 'setDataScope' || op.type === 'renameRole') return deleted.has(op.roleId);
  if (op.type === 'setFieldRules') return op.cells.every((c) => deleted.has(c.roleId));
  return false;
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
