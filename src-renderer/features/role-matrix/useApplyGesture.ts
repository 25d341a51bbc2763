import { useCallback } from 'react';
import type { DraftOperation } from '../../../src-main/common/draft/operations';
import { useDraftStore } from '../../stores/draftStore';
import { gestureApplied, gestureRefused, markGestureEnd } from './gestureTiming';
import { useMatrixStore } from './matrixStore';

let batchCounter = 0;

/** A batch id unique in this session: the draft keys its undo history by it. */
function nextBatchId(): string {
  batchCounter += 1;
  return `matrix-${Date.now().toString(36)}-${batchCounter}`;
}

/**
 * Sends one gesture as one batch (= one undo step) into the active draft, creating the draft on the first
 * edit. Resolves false when the server's rules refuse it; the draft store then holds the problem to show.
 */
export function useApplyGesture(defaultDraftName: string) {
  const applyBatch = useDraftStore((s) => s.applyBatch);
  return useCallback(
    async (ops: DraftOperation[], label: string): Promise<boolean> => {
      if (ops.length === 0) return false;
      markGestureEnd();
      let ok = false;
      try {
        // The impact is asked right behind the batch (the main process answers in order, so it already sees the
        // gesture): no waiting for the apply answer before asking, which was a whole round trip per gesture.
        ok = await applyBatch({ id: nextBatchId(), label, ops }, defaultDraftName, (draftId, revision) => {
          void useMatrixStore.getState().loadImpact(draftId, revision);
        });
      } finally {
        const { activeDraftId, revision } = useDraftStore.getState();
        if (ok) gestureApplied(revision);
        else {
          gestureRefused();
          // The impact asked for the revision a refused gesture would have made: ask again for the one that stands.
          useMatrixStore.getState().forgetImpact();
        }
        // The views skipped the revisions that moved while the gesture was in flight: catch up once. The
        // impact is asked first: the main process answers in order, and the impact is what the user waits for
        // (the grid already previewed the stroke).
        const { loadMatrix, loadImpact } = useMatrixStore.getState();
        void loadImpact(activeDraftId, revision);
        void loadMatrix(activeDraftId, revision);
      }
      return ok;
    },
    [applyBatch, defaultDraftName],
  );
}
