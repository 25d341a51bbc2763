import { randomUUID } from 'node:crypto';
import { applyChecked } from '../../common/draft/apply';
import type { DraftBatch } from '../../common/draft/operations';
import type { DraftProblem } from '../../common/draft/problems';
import type { Snapshot } from '../../common/domain/snapshot';
import type { DraftProblemView, DraftSummary } from '../../common/ipc/channels/drafts';
import { AppError } from '../../common/ipc/result';
import type { EventBus } from '../eventBus';
import { summarize, type DraftRecord, type DraftRepository } from './draftRecord';
import { ProjectionCache, type Projection } from './projectionCache';

/**
 * Drafts of the open workspace: create, rename, duplicate, discard; record gestures (batches) checked with the
 * CRM's own rules; undo and redo; and the projection every view reads. Persists through a DraftRepository.
 */
export class DraftService {
  private readonly drafts = new Map<string, DraftRecord>();
  private activeId: string | null = null;
  private readonly projections = new ProjectionCache();

  constructor(
    private readonly repository: DraftRepository,
    private readonly base: () => { snapshot: Snapshot; version: number },
    private readonly events: EventBus,
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const record of repository.list()) this.drafts.set(record.id, record);
  }

  list(): { drafts: DraftSummary[]; activeDraftId: string | null } {
    const drafts = [...this.drafts.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(summarize);
    return { drafts, activeDraftId: this.activeId };
  }

  create(name: string): DraftSummary {
    const at = this.now().toISOString();
    const record: DraftRecord = { id: randomUUID(), name, baseVersion: this.base().version, createdAt: at, updatedAt: at, batches: [], pointer: 0 };
    return this.store(record, 'draft created');
  }

  rename(draftId: string, name: string): DraftSummary {
    return this.store({ ...this.get(draftId), name, updatedAt: this.now().toISOString() }, 'draft renamed');
  }

  duplicate(draftId: string, name: string): DraftSummary {
    const source = this.get(draftId);
    const at = this.now().toISOString();
    return this.store({ ...source, id: randomUUID(), name, createdAt: at, updatedAt: at, batches: [...source.batches] }, 'draft duplicated');
  }

  discard(draftId: string) {
    this.get(draftId);
    this.drafts.delete(draftId);
    this.projections.forget(draftId);
    this.repository.remove(draftId);
    if (this.activeId === draftId) this.activeId = null;
    this.events.emit('workspace.changed', { reason: 'draft discarded' });
  }

  activate(draftId: string | null) {
    if (draftId !== null) this.get(draftId);
    this.activeId = draftId;
    this.events.emit('workspace.changed', { reason: 'draft activated' });
  }

  /** Records one gesture. All or nothing: a batch with any rule error changes nothing and says why. */
  apply(draftId: string, batch: DraftBatch): { draft: DraftSummary; warnings: DraftProblemView[] } {
    const record = this.get(draftId);
    const before = this.projection(draftId).snapshot;
    const checked = applyChecked(before, batch);
    const problems = checked.problems.map(toView);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      throw new AppError(
        'REFUSED',
        errors[0]!.message.en,
        errors.map((e) => `${e.code}: ${e.message.en} / ${e.message['zh-CN']}`),
      );
    }
    // Recording a new gesture drops the redo tail, as every editor does.
    const batches = [...record.batches.slice(0, record.pointer), batch];
    const draft = this.store({ ...record, batches, pointer: batches.length, updatedAt: this.now().toISOString() }, 'draft edited');
    return { draft, warnings: problems };
  }

  undo(draftId: string): DraftSummary {
    const record = this.get(draftId);
    if (record.pointer === 0) throw new AppError('CONFLICT', 'nothing to undo');
    return this.store({ ...record, pointer: record.pointer - 1, updatedAt: this.now().toISOString() }, 'draft undone');
  }

  redo(draftId: string): DraftSummary {
    const record = this.get(draftId);
    if (record.pointer >= record.batches.length) throw new AppError('CONFLICT', 'nothing to redo');
    return this.store({ ...record, pointer: record.pointer + 1, updatedAt: this.now().toISOString() }, 'draft redone');
  }

  batches(draftId: string): DraftBatch[] {
    const record = this.get(draftId);
    return record.batches.slice(0, record.pointer);
  }

  /** What a view shows: the draft's projection, or the base with `null`. */
  projection(draftId: string | null): Projection {
    const base = this.base().snapshot;
    return draftId === null ? this.projections.base(base) : this.projections.of(base, this.get(draftId));
  }

  private get(draftId: string): DraftRecord {
    const record = this.drafts.get(draftId);
    if (!record) throw new AppError('NOT_FOUND', `no draft with id ${draftId}`);
    return record;
  }

  private store(record: DraftRecord, reason: string): DraftSummary {
    this.repository.save(record);
    this.drafts.set(record.id, record);
    this.events.emit('workspace.changed', { reason });
    return summarize(record);
  }
}

function toView(problem: DraftProblem): DraftProblemView {
  const { code, severity, opIndex, message, wukongCode } = problem;
  return { code, severity, opIndex, message, wukongCode };
}
