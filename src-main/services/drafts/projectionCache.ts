import { apply } from '../../common/draft/apply';
import type { DraftBatch } from '../../common/draft/operations';
import type { Snapshot } from '../../common/domain/snapshot';
import { compilePolicy, type CompiledPolicy } from '../../common/policy';

export interface Projection {
  snapshot: Snapshot;
  policy(): CompiledPolicy;
}

interface DraftChain {
  batchIds: string[];
  /** projections[k] = the base after the first k batches. */
  projections: Projection[];
}

/**
 * The state each view reads: the base snapshot, or a draft's batches applied to it. Applying is pure and
 * copy-on-write, so every prefix of a draft is kept: a new gesture applies one batch to the last state,
 * and undo or redo only move along states already made. Compiling is done lazily, once per state.
 */
export class ProjectionCache {
  private readonly chains = new Map<string, DraftChain>();
  private baseProjection: Projection | null = null;

  base(snapshot: Snapshot): Projection {
    if (this.baseProjection?.snapshot !== snapshot) {
      this.chains.clear();
      this.baseProjection = lazyProjection(snapshot);
    }
    return this.baseProjection;
  }

  /** The state after `batches` (the draft's applied gestures, in order). */
  of(base: Snapshot, draftId: string, batches: readonly DraftBatch[]): Projection {
    const root = this.base(base);
    const chain = this.chains.get(draftId) ?? { batchIds: [], projections: [root] };
    let common = 0;
    while (common < batches.length && common < chain.batchIds.length && chain.batchIds[common] === batches[common]!.id) common++;
    chain.batchIds.length = common;
    chain.projections.length = common + 1;
    for (let k = common; k < batches.length; k++) {
      // Stored batches were checked when recorded; the structural level re-applies them even if a rule changed since.
      const next = apply(chain.projections[k]!.snapshot, batches[k]!, { rules: 'structural' });
      chain.batchIds.push(batches[k]!.id);
      chain.projections.push(lazyProjection(next));
    }
    this.chains.set(draftId, chain);
    return chain.projections[batches.length]!;
  }

  /** Every intermediate state of a draft (for describing each gesture against the state it was made in). */
  states(base: Snapshot, draftId: string, batches: readonly DraftBatch[]): Snapshot[] {
    this.of(base, draftId, batches);
    return this.chains.get(draftId)!.projections.map((p) => p.snapshot);
  }

  forget(draftId: string) {
    this.chains.delete(draftId);
  }
}

function lazyProjection(snapshot: Snapshot): Projection {
  let compiled: CompiledPolicy | null = null;
  return { snapshot, policy: () => (compiled ??= compilePolicy(snapshot)) };
}
