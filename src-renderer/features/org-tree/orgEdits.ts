import { useCallback } from 'react';
import type { DraftBatch, DraftOperation } from '../../../src-main/common/draft';
import { newId } from '../../app/newId';
import { useT } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';

/** One gesture = one batch = one undo step; the label is what the draft list and the undo hint show. */
export function gesture(label: string, ...ops: DraftOperation[]): DraftBatch {
  return { id: newId('org'), label, ops };
}

/**
 * Records a gesture in the active draft (making "Draft N" on the first edit). Resolves false when the
 * server's rules refuse it; the refusal is in the draft store's `lastProblem` for the banner to show.
 */
export function useApplyGesture(): (batch: DraftBatch) => Promise<boolean> {
  const t = useT();
  const applyBatch = useDraftStore((s) => s.applyBatch);
  const draftCount = useDraftStore((s) => s.drafts.length);
  return useCallback((batch) => applyBatch(batch, t('draft.defaultName', { n: draftCount + 1 })), [applyBatch, t, draftCount]);
}
