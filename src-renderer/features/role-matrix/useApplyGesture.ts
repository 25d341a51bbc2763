import { useCallback } from 'react';
import type { DraftOperation } from '../../../src-main/common/draft';
import { prefetch, revisionOf } from '../../api/serverCache';
import { useDraftStore } from '../../stores/draftStore';
import { newId } from '../../app/newId';
import { gestureApplied, gestureRefused, markGestureEnd } from './gestureTiming';
import { IMPACT_LIST_LIMIT } from './useDraftProjection';

/** A batch id: the draft keys its undo history by it. */
const nextBatchId = () => newId('matrix');

/**
 * Sends one gesture as one batch (= one undo step) into the active draft, creating the draft on the first
 * edit. Resolves false when the server's rules refuse it; the draft store then holds the problem to show.
 * The views ask again once, right behind the batch, because the cache's draft revision moves when it is sent.
 */
export function useApplyGesture(defaultDraftName: string) {
  const applyBatch = useDraftStore((s) => s.applyBatch);
  return useCallback(
    async (ops: DraftOperation[], label: string): Promise<boolean> => {
      if (ops.length === 0) return false;
      markGestureEnd();
      let ok = false;
      try {
        // The impact first in line behind the batch: it is what the user waits for (the grid already previewed
        // the stroke), and the main process answers in order.
        ok = await applyBatch({ id: nextBatchId(), label, ops }, defaultDraftName, (draftId) => prefetch('impact.summary', { draftId, limit: IMPACT_LIST_LIMIT }));
      } finally {
        if (ok) gestureApplied(revisionOf('draft'));
        else gestureRefused();
      }
      return ok;
    },
    [applyBatch, defaultDraftName],
  );
}
