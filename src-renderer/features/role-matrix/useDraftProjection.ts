import type { ImpactSummary, RoleMatrix } from '../../../src-main/common/ipc';
import { useServerQuery, type ServerData } from '../../api/serverCache';
import { useDraftStore } from '../../stores/draftStore';

/** People listed in the impact panel; the counts are never capped. */
export const IMPACT_LIST_LIMIT = 200;

/**
 * The role matrix of the active draft (the base without one). Only a view that draws field rules
 * (`withFieldRules`) asks for them: they are most of the answer. After a gesture neither is asked again: the
 * gesture's answer patches the one held (api/matrixCarry).
 */
export function useMatrixProjection(withFieldRules = false): ServerData<RoleMatrix> {
  const draftId = useDraftStore((s) => s.activeDraftId);
  return useServerQuery('roles.matrix', { draftId, fieldRules: withFieldRules });
}

/** The impact panel's answer for the active draft (nothing is asked without one). */
export function useImpactProjection(): ServerData<ImpactSummary> {
  const draftId = useDraftStore((s) => s.activeDraftId);
  return useServerQuery('impact.summary', draftId === null ? null : { draftId, limit: IMPACT_LIST_LIMIT });
}
