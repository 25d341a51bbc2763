/**
 * Performance marks from the end of a gesture (pointer-up or key) to the impact panel showing the result.
 * The e2e test reads the measure `GESTURE_TO_IMPACT` and prints it; nothing asserts on it.
 *
 * The measure waits for an impact computed at or after the draft revision the apply produced (the server cache's),
 * not just any new one.
 */
export const GESTURE_END = 'role-matrix:gesture-end';
export const IMPACT_SHOWN = 'role-matrix:impact-shown';
export const GESTURE_TO_IMPACT = 'role-matrix:gesture-to-impact';
/** Pointer-up → the draft accepted the batch (round trips only): tells transport time from render time. */
export const GESTURE_TO_APPLIED = 'role-matrix:gesture-to-applied';
/** Marked when an impact answer arrives, before React renders it: splits network/engine time from render time. */
export const IMPACT_RECEIVED = 'role-matrix:impact-received';

let awaiting: { revision: number } | null = null;
/** The revision of the impact on screen: the impact is asked right behind the gesture and may show before the apply answer. */
let shownRevision = -1;

export function markGestureEnd(): void {
  performance.clearMarks(GESTURE_END);
  performance.mark(GESTURE_END);
  awaiting = { revision: Number.POSITIVE_INFINITY };
}

/** The gesture was applied and the draft store now stands at `revision`. */
export function gestureApplied(revision: number): void {
  if (!awaiting) return;
  awaiting.revision = revision;
  performance.measure(GESTURE_TO_APPLIED, GESTURE_END);
  // Its impact is already on screen: the gesture's result shows now, when the draft has accepted it.
  if (shownRevision >= revision) impactShown(shownRevision);
}

export function gestureRefused(): void {
  awaiting = null;
}

/** Called once the impact panel has rendered the impact for `revision`. */
export function impactShown(revision: number): void {
  shownRevision = revision;
  if (!awaiting || revision < awaiting.revision) return;
  awaiting = null;
  performance.mark(IMPACT_SHOWN);
  performance.measure(GESTURE_TO_IMPACT, GESTURE_END, IMPACT_SHOWN);
}
