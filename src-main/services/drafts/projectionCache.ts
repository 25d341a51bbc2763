import { randomUUID } from 'node:crypto';
import { apply } from '../../common/draft';
import type { DraftBatch } from '../../common/draft';
import type { Snapshot } from '../../common/domain';
import { type CompiledPolicy, compilePolicy, updatePolicy } from '../../common/policy';

export interface Projection {
  /** No other state has it, in this process or another: what a matrix delta starts from and leads to. */
  readonly id: string;
  snapshot: Snapshot;
  policy(): CompiledPolicy;
}

interface DraftChain {
  batchIds: string[];
  /** projections[k] = the base after the first k batches. */
  projections: StateProjection[];
}

/**
 * The state each view reads: the base snapshot, or a draft's batches applied to it. Applying is pure and
 * copy-on-write, so every prefix of a draft is kept: a new gesture applies one batch to the last state,
 * and undo or redo only move along states already made. Compiling is done lazily, once per state, and
 * incrementally: a state's policy is made from the nearest earlier state that has one (common/policy/incremental.ts
 * patches a role gesture in milliseconds and compiles a structural one afresh). The base keeps its policy; of the
 * draft states only the few most recently asked keep theirs, so a long draft does not hold one per gesture.
 */
export class ProjectionCache {
  private readonly chains = new Map<string, DraftChain>();
  private baseProjection: StateProjection | null = null;
  private readonly kept = new KeptPolicies();

  base(snapshot: Snapshot): Projection {
    if (this.baseProjection?.snapshot !== snapshot) {
      this.chains.clear();
      this.baseProjection = new StateProjection(snapshot, null, this.kept);
    }
    return this.baseProjection;
  }

  /** The state after `batches` (the draft's applied gestures, in order). */
  of(base: Snapshot, draftId: string, batches: readonly DraftBatch[]): Projection {
    const root = this.base(base) as StateProjection;
    const chain = this.chains.get(draftId) ?? { batchIds: [], projections: [root] };
    let common = 0;
    while (common < batches.length && common < chain.batchIds.length && chain.batchIds[common] === batches[common]!.id) common++;
    chain.batchIds.length = common;
    chain.projections.length = common + 1;
    for (let k = common; k < batches.length; k++) {
      // Stored batches were checked when recorded; the structural level re-applies them even if a rule changed since.
      const next = apply(chain.projections[k]!.snapshot, batches[k]!, { rules: 'structural' });
      chain.batchIds.push(batches[k]!.id);
      chain.projections.push(new StateProjection(next, chain.projections[k]!, this.kept));
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

/** Draft states that keep their compiled policy besides the base: the current one and a few to undo to. */
const KEEP_COMPILED = 4;

class KeptPolicies {
  private readonly recent: StateProjection[] = [];

  touch(state: StateProjection): void {
    const at = this.recent.indexOf(state);
    if (at >= 0) this.recent.splice(at, 1);
    this.recent.push(state);
    while (this.recent.length > KEEP_COMPILED) this.recent.shift()!.release();
  }
}

/** State ids: this run's prefix and a counter (a renderer may outlive a browser host it spoke to). */
const RUN = randomUUID().slice(0, 8);
let states = 0;

class StateProjection implements Projection {
  readonly id = `${RUN}.${++states}`;
  private compiled: CompiledPolicy | null = null;

  constructor(
    readonly snapshot: Snapshot,
    private readonly parent: StateProjection | null,
    private readonly kept: KeptPolicies,
  ) {}

  policy(): CompiledPolicy {
    if (!this.parent) return (this.compiled ??= compilePolicy(this.snapshot));
    if (!this.compiled) {
      let from: StateProjection = this.parent;
      while (!from.compiled && from.parent) from = from.parent;
      this.compiled = updatePolicy(from.policy(), this.snapshot).policy;
    }
    this.kept.touch(this);
    return this.compiled;
  }

  release(): void {
    this.compiled = null;
  }
}
