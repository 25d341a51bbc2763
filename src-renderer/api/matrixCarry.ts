import { applyMatrixDelta, type MatrixDelta, type RoleMatrix } from '../../src-main/common/ipc';
import type { Carry } from './serverCache';

/** What a gesture's answer says of the matrix: a delta, null (none could be said, or no answer), or refused (nothing changed). */
export type MatrixAnswer = MatrixDelta | null | 'refused';

/**
 * The draft state a patched matrix stands for (the `to` of the delta that made it). A delta that starts from
 * another state means a change this renderer did not see in between (another window's): the matrix is asked
 * whole. A matrix as asked has no entry here; it stands for the state right before this renderer's next change,
 * since the main process answers in order (and another window's change moves the revision by its event).
 */
const stateOf = new WeakMap<RoleMatrix, string>();

/**
 * How a gesture on `draftId` (apply, undo, redo) moves the role matrices held: patched in place with the delta
 * its answer carries, instead of the whole matrix asked again. `fromBase`: the draft has no gesture yet, so the
 * base's matrix is its matrix too (the first gesture of a new draft).
 */
export function matrixCarry(draftId: string, fromBase: boolean, answer: Promise<MatrixAnswer>): Carry<'roles.matrix'> {
  return {
    channel: 'roles.matrix',
    target: (input) => (input.draftId === draftId || (fromBase && input.draftId === null) ? { ...input, draftId } : null),
    async next(held, input, ask) {
      const delta = await answer;
      if (delta === 'refused') return held;
      const state = stateOf.get(held);
      const patched = delta && (state === undefined || state === delta.from) ? applyMatrixDelta(held, delta, input.fieldRules ?? true) : null;
      if (!patched) return ask();
      stateOf.set(patched, delta!.to);
      return patched;
    },
  };
}
