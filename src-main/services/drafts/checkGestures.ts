import { applyChecked, describeOperations } from '../../common/draft';
import type { DraftBatch, DraftProblem } from '../../common/draft';
import type { LocalizedText, Snapshot } from '../../common/domain';
import type { DraftProblemView } from '../../common/ipc';

/** A rule error of one gesture in a sequence (1-based `number` = position among the gestures checked + offset). */
export interface GestureError {
  number: number;
  batchId: string;
  /** The gesture in words, against the state it would now be applied to. */
  gesture: LocalizedText;
  problem: DraftProblemView;
}

/**
 * Applies gestures one after another with the server's rules (`enforce`), as the CRM would receive them, and
 * reports every rule error with the gesture it belongs to. Used to decide whether one gesture can be taken out of
 * a draft (the ones after it must still pass) and whether an imported draft can be recorded.
 */
export function checkGestures(start: Snapshot, batches: readonly DraftBatch[], firstNumber = 1): { errors: GestureError[]; end: Snapshot } {
  const errors: GestureError[] = [];
  let state = start;
  batches.forEach((batch, k) => {
    const checked = applyChecked(state, batch);
    const found = checked.problems.filter((p) => p.severity === 'error');
    if (found.length > 0) {
      const gesture = {
        en: describeOperations(state, batch.ops, 'en').join('; '),
        'zh-CN': describeOperations(state, batch.ops, 'zh-CN').join('；'),
      };
      for (const problem of found) errors.push({ number: firstNumber + k, batchId: batch.id, gesture, problem: problemView(problem) });
    }
    // Errors skip only their own operations, so later gestures are judged against what would really be there.
    state = checked.snapshot;
  });
  return { errors, end: state };
}

export function problemView(problem: DraftProblem): DraftProblemView {
  const { code, severity, opIndex, message, wukongCode } = problem;
  return { code, severity, opIndex, message, wukongCode };
}
