import { useCallback } from 'react';
import type { DraftOperation } from '../../../src-main/common/draft';
import { newId } from '../../app/newId';
import { useDraftStore } from '../../stores/draftStore';

/** One gesture as a view makes it: one batch, one undo step; the label is what the change list and undo hint show. */
export interface Gesture {
  label: string;
  ops: DraftOperation[];
}

export function gesture(label: string, ...ops: DraftOperation[]): Gesture {
  return { label, ops };
}

/** What a view does around the recording of its gestures (the matrices: their impact first, their timing). */
export interface GestureHooks {
  /** Right before the batch is sent. */
  starting?(): void;
  /** As soon as it is on its way: ask for what follows from it, first in line (the main process answers in order). */
  sent?(draftId: string): void;
  /** Once it was recorded (true) or refused (false). */
  settled?(recorded: boolean): void;
}

/**
 * Records gestures into the active draft — THE one path every editing view takes (both matrices, the
 * organisation, the person panel) — making a draft named `defaultDraftName` on the first edit. Resolves false
 * when nothing was sent or the server's rules refused it; the refusal is then in the draft store for the
 * banner. `source` starts the batch ids (it says where a gesture came from in a log).
 */
export function useRecordGesture(source: string, defaultDraftName: string, hooks?: GestureHooks): (gesture: Gesture) => Promise<boolean> {
  const applyBatch = useDraftStore((s) => s.applyBatch);
  const { starting, sent, settled } = hooks ?? {};
  return useCallback(
    async ({ label, ops }: Gesture): Promise<boolean> => {
      if (ops.length === 0) return false;
      starting?.();
      let recorded = false;
      try {
        recorded = await applyBatch({ id: newId(source), label, ops }, defaultDraftName, sent);
      } finally {
        settled?.(recorded);
      }
      return recorded;
    },
    [applyBatch, source, defaultDraftName, starting, sent, settled],
  );
}
