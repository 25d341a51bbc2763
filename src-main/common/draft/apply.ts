import type { Snapshot } from '../domain';
import type { DraftBatch, DraftOperation } from './operations';
import { opsOf } from './operations';
import type { DraftProblem } from './problems';
import { DraftRejectedError, isError } from './problems';
import type { RuleLevel } from './validate';
import { runOperations } from './validate';

export interface ApplyOptions {
  /** `enforce` (default) refuses what the server would refuse; `structural` is for undo / redo (see validate.ts). */
  rules?: RuleLevel;
}

/**
 * The snapshot after the operations. Pure: the input is never mutated and everything the operations do not touch
 * is shared with it. All or nothing: throws `DraftRejectedError` (with the problem codes) if any operation breaks
 * a rule; warnings do not stop it.
 */
export function apply(snapshot: Snapshot, input: readonly DraftOperation[] | DraftBatch, options: ApplyOptions = {}): Snapshot {
  const result = runOperations(snapshot, opsOf(input), options.rules ?? 'enforce', true);
  const errors = result.problems.filter(isError);
  const [first, ...rest] = errors;
  if (first) throw new DraftRejectedError([first, ...rest]);
  return result.snapshot;
}

export interface CheckedApply {
  snapshot: Snapshot;
  /** Errors (their operations were skipped) and warnings. */
  problems: DraftProblem[];
  /** Indexes of the operations that took effect. */
  applied: number[];
}

/** Like `apply` but never throws: operations with errors are skipped and reported. For previews of a whole draft. */
export function applyChecked(snapshot: Snapshot, input: readonly DraftOperation[] | DraftBatch, options: ApplyOptions = {}): CheckedApply {
  return runOperations(snapshot, opsOf(input), options.rules ?? 'enforce', false);
}
