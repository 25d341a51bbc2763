import { applyChecked } from '../../common/draft';
import type { DraftBatch, DraftProblem } from '../../common/draft';
import type { Snapshot } from '../../common/domain';
import { matrixDelta, type DraftProblemView, type DraftSummary, type MatrixDelta, type WorkspaceChangeReason } from '../../common/ipc';
import { AppError } from '../../common/ipc';
import type { EventBus } from '../eventBus';
import { checkGestures, type GestureError } from './checkGestures';
import { summarize, type DraftInfo, type DraftOrigin, type DraftRepository, type PushRecord } from './draftRecord';
import { pushedDraftError, type LockedVerb } from './readOnlyDraft';
import { ProjectionCache, type Projection } from './projectionCache';

/**
 * Drafts of the open workspace: create, rename, duplicate, discard; record gestures (batches) checked with the
 * CRM's own rules; undo and redo; and the projection every view reads. Stored by a DraftRepository (the
 * workspace's encrypted database), so drafts survive restarts.
 *
 * A pushed draft (one with a push journal, whatever became of the push) is read-only: it is the record of what
 * was sent, and rewriting it would make the console disagree with the server without a word. Rename, duplicate
 * (an editable copy) and discard still work.
 */
export class DraftService {
  private activeId: string | null = null;
  /** The user asked to see the base snapshot: do not pick a draft for them. */
  private baseChosen = false;
  private readonly projections = new ProjectionCache();
  /** Applied batches per draft, read once from the store and kept in step with every change made here. */
  private readonly applied = new Map<string, DraftBatch[]>();
  /** Drafts known to be pushed (a push journal is never deleted, so this only grows). */
  private readonly pushedIds = new Map<string, PushRecord>();

  constructor(
    private readonly repository: DraftRepository,
    private readonly base: () => Snapshot,
    private readonly events: EventBus,
  ) {}

  list(): { drafts: DraftSummary[]; activeDraftId: string | null } {
    const infos = this.repository.list().sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const names = new Map(infos.map((d) => [d.id, d.name]));
    const pushes = this.repository.pushes();
    const drafts = infos.map((info) => summarize(info, { pushes, draftName: (id) => names.get(id) ?? null }));
    if (this.activeId && !drafts.some((d) => d.id === this.activeId)) this.activeId = null;
    // After a restart the console resumes the draft worked on last, unless the user chose to see the base. Never a
    // pushed draft (it cannot take edits) nor a rollback draft (it is opened for review, not picked silently).
    if (this.activeId === null && !this.baseChosen) {
      const candidates = drafts.filter((d) => !d.readOnly && d.origin === null);
      this.activeId = candidates.reduce<DraftSummary | null>((last, d) => (last && last.updatedAt >= d.updatedAt ? last : d), null)?.id ?? null;
    }
    return { drafts, activeDraftId: this.activeId };
  }

  create(name: string): DraftSummary {
    return this.changed(this.summary(this.repository.create(name)), 'draft created');
  }

  rename(draftId: string, name: string): DraftSummary {
    return this.changed(this.summary(this.repository.rename(draftId, name)), 'draft renamed');
  }

  /** A copy with the same applied gestures (the redo tail is not copied). The copy is editable and has no origin. */
  duplicate(draftId: string, name: string): DraftSummary {
    const batches = this.batches(draftId);
    const copy = this.repository.create(name);
    const info = batches.length > 0 ? this.repository.append(copy.id, batches) : copy;
    return this.changed(this.summary(info), 'draft duplicated');
  }

  discard(draftId: string) {
    this.repository.get(draftId);
    this.repository.remove(draftId);
    this.forget(draftId);
    if (this.activeId === draftId) this.activeId = null;
    this.events.emit('workspace.changed', { reason: 'draft discarded' });
  }

  activate(draftId: string | null) {
    if (draftId !== null) this.repository.get(draftId);
    this.activeId = draftId;
    this.baseChosen = draftId === null;
    this.events.emit('workspace.changed', { reason: 'draft activated' });
  }

  /** Records one gesture. All or nothing: a batch with any rule error changes nothing and says why. */
  apply(draftId: string, batch: DraftBatch): GestureAnswer & { warnings: DraftProblemView[] } {
    this.assertEditable(draftId, 'apply');
    const before = this.projection(draftId);
    const checked = applyChecked(before.snapshot, batch);
    const problems = checked.problems.map(toView);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      throw new AppError('REFUSED', errors[0]!.message.en, { kind: 'draftProblems', problems: errors.map(({ code, message, wukongCode }) => ({ code, message, wukongCode })) });
    }
    if (this.batches(draftId).some((b) => b.id === batch.id)) throw new AppError('CONFLICT', `gesture ${batch.id} is already recorded`);
    const info = this.repository.append(draftId, [batch]);
    this.applied.set(draftId, [...this.batches(draftId), batch]);
    const matrix = this.matrixDelta(draftId, before);
    return { draft: this.changed(this.summary(info, []), 'draft edited'), matrix, warnings: problems };
  }

  undo(draftId: string): GestureAnswer {
    this.assertEditable(draftId, 'undo');
    const before = this.projection(draftId);
    const info = this.repository.undo(draftId);
    this.forgetBatches(draftId);
    const matrix = this.matrixDelta(draftId, before);
    return { draft: this.changed(this.summary(info, []), 'draft undone'), matrix };
  }

  redo(draftId: string): GestureAnswer {
    this.assertEditable(draftId, 'redo');
    const before = this.projection(draftId);
    const info = this.repository.redo(draftId);
    this.forgetBatches(draftId);
    const matrix = this.matrixDelta(draftId, before);
    return { draft: this.changed(this.summary(info, []), 'draft redone'), matrix };
  }

  /**
   * Takes one applied gesture out of a draft and keeps the later ones, provided they all still pass the server's
   * rules without it; otherwise nothing changes and the blocking problems come back. Done with the repository's
   * own steps (undo back to the gesture, then append the later ones, which drops the redo tail as any edit does);
   * reverting the last gesture is exactly an undo, so it can be redone.
   */
  revertBatch(draftId: string, batchId: string): { reverted: true; draft: DraftSummary } | { reverted: false; blockers: GestureError[] } {
    this.assertEditable(draftId, 'revert');
    const batches = this.batches(draftId);
    const index = batches.findIndex((b) => b.id === batchId);
    if (index < 0) throw new AppError('NOT_FOUND', `gesture ${batchId} is not applied in this draft`);
    const later = batches.slice(index + 1);
    const { errors } = checkGestures(this.states(draftId)[index]!, later, index + 2);
    if (errors.length > 0) return { reverted: false, blockers: errors };
    let info = this.repository.get(draftId);
    for (let k = batches.length; k > index; k--) info = this.repository.undo(draftId);
    if (later.length > 0) info = this.repository.append(draftId, later);
    this.forgetBatches(draftId);
    return { reverted: true, draft: this.changed(this.summary(info, []), 'draft gesture reverted') };
  }

  /**
   * A new draft from gestures made elsewhere (an imported file, the inverse of a push), recorded only if all pass
   * the server's rules now. `origin` marks a rollback draft with the push it undoes.
   */
  createFrom(
    name: string,
    batches: readonly DraftBatch[],
    options: { origin?: DraftOrigin | null } = {},
  ): { created: true; draft: DraftSummary } | { created: false; errors: GestureError[] } {
    const { errors } = checkGestures(this.projection(null).snapshot, batches);
    if (errors.length > 0) return { created: false, errors };
    const draft = this.repository.create(name, options.origin ?? null);
    const info = batches.length > 0 ? this.repository.append(draft.id, batches) : draft;
    return { created: true, draft: this.changed(this.summary(info), 'draft imported') };
  }

  /** The newest push made from a draft, or null: a draft with one is read-only. */
  pushOf(draftId: string): PushRecord | null {
    return this.repository.pushes(draftId)[0] ?? null;
  }

  /** The applied gestures of a draft, oldest first. */
  batches(draftId: string): DraftBatch[] {
    let batches = this.applied.get(draftId);
    if (!batches) {
      batches = this.repository.batches(draftId);
      this.applied.set(draftId, batches);
    }
    return batches;
  }

  /** What a view shows: the draft's projection, or the base with `null`. */
  projection(draftId: string | null): Projection {
    const base = this.base();
    return draftId === null ? this.projections.base(base) : this.projections.of(base, draftId, this.batches(draftId));
  }

  /**
   * Loads and compiles the base and the draft the console will resume, so the first view that needs the engine
   * (the access map, the impact panel) does not pay for it. Called when a workspace opens, off the request path.
   */
  prepare(): void {
    this.projection(null).policy();
    const { activeDraftId } = this.list();
    if (activeDraftId) this.projection(activeDraftId).policy();
  }

  /** The state before each applied gesture and after the last one (for plain-language descriptions). */
  states(draftId: string): Snapshot[] {
    return this.projections.states(this.base(), draftId, this.batches(draftId));
  }

  /**
   * Refuses to change a pushed draft, in the main process whatever the renderer shows. Journals are never deleted,
   * so a draft once pushed stays read-only: the positive answer is kept, a negative one is asked again each time
   * (a push can start between two edits).
   */
  private assertEditable(draftId: string, verb: LockedVerb) {
    const push = this.pushedIds.get(draftId) ?? this.pushOf(draftId);
    if (!push) return;
    this.pushedIds.set(draftId, push);
    throw pushedDraftError(verb, push);
  }

  /** A summary from the store's facts. `ownPushes` when they are known (an edit just passed assertEditable). */
  private summary(info: DraftInfo, ownPushes?: readonly PushRecord[]): DraftSummary {
    const pushes = info.origin ? this.repository.pushes() : (ownPushes ?? this.repository.pushes(info.id));
    const draftName = (id: string) => (id === info.id ? info.name : info.origin ? (this.repository.list().find((d) => d.id === id)?.name ?? null) : null);
    return summarize(info, { pushes, draftName });
  }

  /**
   * What the gesture just recorded changed in the draft's role matrix (the renderer patches the one it holds).
   * It makes the draft's new state now, which the views' next questions need anyway.
   */
  private matrixDelta(draftId: string, before: Projection): MatrixDelta | null {
    return matrixDelta(before, this.projection(draftId));
  }

  private forgetBatches(draftId: string) {
    this.applied.delete(draftId);
  }

  private forget(draftId: string) {
    this.applied.delete(draftId);
    this.projections.forget(draftId);
  }

  private changed(summary: DraftSummary, reason: WorkspaceChangeReason): DraftSummary {
    this.events.emit('workspace.changed', { reason });
    return summary;
  }
}

/** Apply, undo and redo answer with the draft's summary and the change to its role matrix. */
export interface GestureAnswer {
  draft: DraftSummary;
  matrix: MatrixDelta | null;
}

function toView(problem: DraftProblem): DraftProblemView {
  const { code, severity, opIndex, message, wukongCode } = problem;
  return { code, severity, opIndex, message, wukongCode };
}
