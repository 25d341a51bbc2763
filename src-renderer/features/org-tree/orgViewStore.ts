import { useEffect } from 'react';
import { create } from 'zustand';
import type { OrgView } from '../../../src-main/common/ipc/channels/orgView';
import { api, ApiError } from '../../api/client';
import { useDraftStore } from '../../stores/draftStore';

interface OrgViewState {
  view: OrgView | null;
  error: string | null;
  /** `draftId:revision` of the data held, so a stale answer never overwrites a newer one. */
  loadedKey: string | null;
  load(draftId: string | null, revision: number): Promise<void>;
}

let wanted: string | null = null;

/** The organisation as the active draft would leave it (the base when no draft is active). */
export const useOrgViewStore = create<OrgViewState>((set, get) => ({
  view: null,
  error: null,
  loadedKey: null,
  async load(draftId, revision) {
    const key = `${draftId}:${revision}`;
    if (get().loadedKey === key || wanted === key) return;
    wanted = key;
    try {
      const view = await api().call('org.view', { draftId });
      if (wanted === key) set({ view, error: null, loadedKey: key });
    } catch (error) {
      if (wanted === key) set({ error: error instanceof ApiError ? error.message : String(error) });
    } finally {
      if (wanted === key) wanted = null;
    }
  },
}));

/** Subscribes a view to the projected organisation and refetches whenever the draft moves. */
export function useProjectedOrg(): { view: OrgView | null; error: string | null; retry: () => void } {
  const draftId = useDraftStore((s) => s.activeDraftId);
  const revision = useDraftStore((s) => s.revision);
  const view = useOrgViewStore((s) => s.view);
  const error = useOrgViewStore((s) => s.error);
  const load = useOrgViewStore((s) => s.load);
  useEffect(() => void load(draftId, revision), [load, draftId, revision]);
  return { view, error, retry: () => void load(draftId, revision) };
}
