import { prefetch, revisionOf } from '../../api/serverCache';
import { useRecordGesture, type GestureHooks } from '../drafts/useRecordGesture';
import { useBulkGesture } from './useBulkGesture';
import { gestureApplied, gestureRefused, markGestureEnd } from './gestureTiming';
import { IMPACT_LIST_LIMIT } from './useDraftProjection';

/**
 * Around a gesture of either matrix: the impact is asked first in line behind the batch (it is what the user
 * waits for: the grid already previewed the stroke), and the gesture → impact measure is marked.
 */
const MATRIX_HOOKS: GestureHooks = {
  starting: markGestureEnd,
  sent: (draftId) => prefetch('impact.summary', { draftId, limit: IMPACT_LIST_LIMIT }),
  settled: (recorded) => (recorded ? gestureApplied(revisionOf('draft')) : gestureRefused()),
};

/**
 * How the permission and field matrices record their gestures: `record` sends one as it is (see useRecordGesture);
 * `run` sends a bulk one (fills, rectangles) after its confirmation, with a toast and Undo after it (`elements`
 * draws them; see useBulkGesture).
 */
export function useMatrixGesture(defaultDraftName: string) {
  const record = useRecordGesture('matrix', defaultDraftName, MATRIX_HOOKS);
  return { record, ...useBulkGesture(record) };
}
