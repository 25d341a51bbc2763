import type { ChannelInput } from '../../../src-main/common/ipc';
import { api } from '../../api/client';
import { useServerQuery } from '../../api/serverCache';
import { useAppErrorText } from '../../components/errors/useErrorText';
import { useDraftStore } from '../../stores/draftStore';
import { decodeScopes } from './scopeCodec';

export interface HeatmapData {
  /** Which answer this is (for the performance marks: a new one on screen ends a measure). */
  answer: number;
  userIds: string[];
  permissionIds: string[];
  rowOf: Map<string, number>;
  /** Column of each permission in the matrix. */
  colOf: Map<string, number>;
  /** Row-major effective scopes (0..5) in the draft's projection (or the base). */
  scopes: Uint8Array;
  /** The same for the base snapshot; only in delta mode with an active draft. */
  baseScopes: Uint8Array | null;
  /** Cells whose visible owners change, keyed `row * width + column`. Only in delta mode. */
  reach: Map<number, { gained: number; lost: number }> | null;
  tookMs: number;
}

type HeatmapInput = ChannelInput<'access.heatmap'>;

let answers = 0;

/** The access map's matrix, decoded once per answer, and in delta mode the reach changes of moves behind it. */
async function fetchHeatmap(input: HeatmapInput): Promise<HeatmapData> {
  performance.mark('access-map:request');
  const matrix = await api().call('access.heatmap', input);
  let reach: HeatmapData['reach'] = null;
  if (input.withBase && input.draftId) {
    const r = await api().call('access.reachDelta', { draftId: input.draftId, permissionIds: input.permissionIds, userIds: matrix.userIds });
    reach = new Map(r.changes.map((c) => [c.row * input.permissionIds.length + c.column, { gained: c.gained, lost: c.lost }]));
  }
  performance.mark('access-map:data');
  return {
    answer: ++answers,
    userIds: matrix.userIds,
    permissionIds: matrix.permissionIds,
    rowOf: new Map(matrix.userIds.map((id, i) => [id, i])),
    colOf: new Map(matrix.permissionIds.map((id, j) => [id, j])),
    scopes: decodeScopes(matrix.scopes),
    baseScopes: matrix.baseScopes ? decodeScopes(matrix.baseScopes) : null,
    reach,
    tookMs: matrix.tookMs,
  };
}

const HEATMAP = { name: 'access.heatmap+reachDelta', fetch: fetchHeatmap };

/**
 * Loads the access map's matrix for every action of every module at once, so switching the action or the
 * column layout redraws without asking the main process again. Also loads (for the delta mode) the base matrix
 * and the reach changes of moves. `data` is the answer for exactly these columns, team and draft; `shown` that, or the last
 * one shown while a newer one is asked (the server cache decides which is which).
 */
export function useHeatmapData(permissionIds: readonly string[], userIds: readonly string[] | undefined, delta: boolean) {
  const draftId = useDraftStore((s) => s.activeDraftId);
  const withDelta = delta && draftId !== null;
  const input: HeatmapInput | null =
    permissionIds.length === 0 ? null : { draftId, permissionIds: [...permissionIds], ...(userIds ? { userIds: [...userIds] } : {}), withBase: withDelta };
  const answer = useServerQuery('access.heatmap', input, HEATMAP);
  const words = useAppErrorText();
  return { data: answer.data, shown: answer.shown, error: answer.error ? words(answer.error) : null };
}
