import { useEffect } from 'react';
import { useDraftStore } from '../../stores/draftStore';
import { gestureInFlight } from './gestureTiming';
import { useMatrixStore } from './matrixStore';

/** Keeps the matrix data in step with the active draft: refetches whenever the draft revision moves. */
export function useMatrixProjection() {
  const draftId = useDraftStore((s) => s.activeDraftId);
  const revision = useDraftStore((s) => s.revision);
  const loadMatrix = useMatrixStore((s) => s.loadMatrix);
  useEffect(() => {
    if (!gestureInFlight()) void loadMatrix(draftId, revision);
  }, [draftId, revision, loadMatrix]);
  return useMatrixStore((s) => s.matrix);
}

/** Keeps the impact panel in step with the active draft. */
export function useImpactProjection() {
  const draftId = useDraftStore((s) => s.activeDraftId);
  const revision = useDraftStore((s) => s.revision);
  const loadImpact = useMatrixStore((s) => s.loadImpact);
  useEffect(() => {
    if (!gestureInFlight()) void loadImpact(draftId, revision);
  }, [draftId, revision, loadImpact]);
  return useMatrixStore((s) => s.impact);
}
