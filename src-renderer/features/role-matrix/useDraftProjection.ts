import { useEffect } from 'react';
import { useDraftStore } from '../../stores/draftStore';
import { gestureInFlight } from './gestureTiming';
import { useMatrixStore } from './matrixStore';

/**
 * Keeps the matrix data in step with the active draft: refetches whenever the draft revision moves. Only a view
 * that draws field rules (`withFieldRules`) gets them: they are most of the answer and the permission grid
 * refetches after every gesture. Data without them counts as not loaded for a view that needs them.
 */
export function useMatrixProjection(withFieldRules = false) {
  const draftId = useDraftStore((s) => s.activeDraftId);
  const revision = useDraftStore((s) => s.revision);
  const loadMatrix = useMatrixStore((s) => s.loadMatrix);
  const setWantFieldRules = useMatrixStore((s) => s.setWantFieldRules);
  useEffect(() => {
    setWantFieldRules(withFieldRules);
    if (!gestureInFlight()) void loadMatrix(draftId, revision);
  }, [draftId, revision, loadMatrix, setWantFieldRules, withFieldRules]);
  const matrix = useMatrixStore((s) => s.matrix);
  return withFieldRules && !matrix.fieldRules ? { ...matrix, data: null } : matrix;
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
