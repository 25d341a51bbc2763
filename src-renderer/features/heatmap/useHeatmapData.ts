import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useDraftStore } from '../../stores/draftStore';
import { decodeScopes } from './scopeCodec';

export interface HeatmapData {
  /** What was asked, so a late answer for old columns is never drawn under new headers. */
  key: string;
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

/**
 * Loads the access map's matrix for every action of every module at once, so switching the action or the
 * column layout redraws without asking the main process again. Also loads (for the delta mode) the base matrix and the reach changes of
 * moves, refetching when the columns, the team or the draft change.
 */
export function useHeatmapData(permissionIds: readonly string[], userIds: readonly string[] | undefined, delta: boolean) {
  const draftId = useDraftStore((s) => s.activeDraftId);
  const revision = useDraftStore((s) => s.revision);
  const [data, setData] = useState<HeatmapData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const withDelta = delta && draftId !== null;
  const key = `${draftId}|${revision}|${withDelta}|${permissionIds.join(',')}|${userIds?.join(',') ?? '*'}`;

  useEffect(() => {
    if (permissionIds.length === 0) return;
    let live = true;
    const run = async () => {
      performance.mark('access-map:request');
      const matrix = await api().call('access.heatmap', {
        draftId,
        permissionIds: [...permissionIds],
        ...(userIds ? { userIds: [...userIds] } : {}),
        withBase: withDelta,
      });
      let reach: HeatmapData['reach'] = null;
      if (withDelta && draftId) {
        const r = await api().call('access.reachDelta', { draftId, permissionIds: [...permissionIds], userIds: matrix.userIds });
        reach = new Map(r.changes.map((c) => [c.row * permissionIds.length + c.column, { gained: c.gained, lost: c.lost }]));
      }
      if (!live) return;
      performance.mark('access-map:data');
      setError(null);
      setData({
        key,
        userIds: matrix.userIds,
        permissionIds: matrix.permissionIds,
        rowOf: new Map(matrix.userIds.map((id, i) => [id, i])),
        colOf: new Map(matrix.permissionIds.map((id, j) => [id, j])),
        scopes: decodeScopes(matrix.scopes),
        baseScopes: matrix.baseScopes ? decodeScopes(matrix.baseScopes) : null,
        reach,
        tookMs: matrix.tookMs,
      });
    };
    run().catch((e) => live && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      live = false;
    };
    // `key` captures every input; the arrays themselves change identity on each render.
  }, [key]);

  return { data: data && data.key === key ? data : null, stale: data, error };
}
