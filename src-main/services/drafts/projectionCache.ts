import { apply } from '../../common/draft/apply';
import type { Snapshot } from '../../common/domain/snapshot';
import { compilePolicy, type CompiledPolicy } from '../../common/policy';
import { appliedBatches, type DraftRecord } from './draftRecord';

export interface Projection {
  snapshot: Snapshot;
  policy(): CompiledPolicy;
}

/**
 * The state each view reads: the base snapshot, or a draft's operations applied to it. Applying and compiling
 * are pure but not free at 100k users, so each result is kept until the draft (or the base) changes.
 */
export class ProjectionCache {
  private readonly byDraft = new Map<string, { revision: string; projection: Projection }>();
  private baseEntry: { snapshot: Snapshot; projection: Projection } | null = null;

  base(snapshot: Snapshot): Projection {
    if (this.baseEntry?.snapshot !== snapshot) {
      this.byDraft.clear();
      this.baseEntry = { snapshot, projection: lazyProjection(snapshot) };
    }
    return this.baseEntry.projection;
  }

  of(base: Snapshot, draft: DraftRecord): Projection {
    const baseProjection = this.base(base);
    const revision = `${draft.updatedAt}#${draft.pointer}#${draft.batches.length}`;
    const cached = this.byDraft.get(draft.id);
    if (cached?.revision === revision) return cached.projection;
    const batches = appliedBatches(draft);
    // Stored batches were checked when recorded; the structural level re-applies them even if a rule changed.
    const snapshot = batches.length === 0 ? baseProjection.snapshot : batches.reduce((s, b) => apply(s, b, { rules: 'structural' }), base);
    const projection = lazyProjection(snapshot);
    this.byDraft.set(draft.id, { revision, projection });
    return projection;
  }

  forget(draftId: string) {
    this.byDraft.delete(draftId);
  }
}

function lazyProjection(snapshot: Snapshot): Projection {
  let compiled: CompiledPolicy | null = null;
  return { snapshot, policy: () => (compiled ??= compilePolicy(snapshot)) };
}
