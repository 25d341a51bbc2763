import { create } from 'zustand';
import type { DraftBatch } from '../../src-main/common/draft/operations';
import type { DraftProblemView, DraftSummary } from '../../src-main/common/ipc/channels/drafts';
import { api, ApiError } from '../api/client';

interface DraftState {
  drafts: DraftSummary[];
  activeDraftId: string | null;
  /** Bumped on every change of any draft: views that show a projection refetch when it moves. */
  revision: number;
  /** The last refusal or warning list, for the status bar. */
  lastProblem: { message: string; details: string[] } | null;
  lastWarnings: DraftProblemView[];
  load(): Promise<void>;
  /** The draft edits go into: the active one, or a new "Draft N" made and activated on first edit. */
  ensureActiveDraft(defaultName: string): Promise<string>;
  activate(draftId: string | null): Promise<void>;
  create(name: string): Promise<DraftSummary>;
  /**
   * Records one gesture. Resolves false (and sets lastProblem) when the server's rules refuse it. `onSent` runs as
   * soon as the batch is on its way, with the draft and the revision its acceptance will bring: a view can ask for
   * what follows from it right behind it (the main process answers in order) instead of after the answer.
   */
  applyBatch(batch: DraftBatch, defaultName: string, onSent?: (draftId: string, revision: number) => void): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  activeDraft(): DraftSummary | null;
}

/** Drafts of the open workspace and which one the console shows. The main process owns them. */
export const useDraftStore = create<DraftState>((set, get) => {
  const refresh = async () => {
    try {
      const { drafts, activeDraftId } = await api().call('drafts.list', {});
      set((s) => ({ drafts, activeDraftId, revision: s.revision + 1 }));
    } catch (error) {
      // A locked workspace (or one without a snapshot yet) has no drafts to show; the gate explains why.
      if (!(error instanceof ApiError)) throw error;
      set((s) => ({ drafts: [], activeDraftId: null, revision: s.revision + 1 }));
    }
  };
  // Apply, undo and redo answer with the draft's new summary: put it in place instead of asking for the whole
  // list again, which would add a round trip to every gesture before its impact can be asked (issue 6 target).
  const updated = (draft: DraftSummary, activate = false) =>
    set((s) => ({
      drafts: s.drafts.some((d) => d.id === draft.id) ? s.drafts.map((d) => (d.id === draft.id ? draft : d)) : [...s.drafts, draft],
      activeDraftId: activate ? draft.id : s.activeDraftId,
      revision: s.revision + 1,
    }));
  return {
    drafts: [],
    activeDraftId: null,
    revision: 0,
    lastProblem: null,
    lastWarnings: [],
    load: refresh,
    async ensureActiveDraft(defaultName) {
      const active = get().activeDraftId;
      if (active) return active;
      const draft = await api().call('drafts.create', { name: defaultName });
      await api().call('drafts.activate', { draftId: draft.id });
      updated(draft, true);
      return draft.id;
    },
    async activate(draftId) {
      await api().call('drafts.activate', { draftId });
      await refresh();
    },
    async create(name) {
      const draft = await api().call('drafts.create', { name });
      await refresh();
      return draft;
    },
    async applyBatch(batch, defaultName, onSent) {
      const draftId = await get().ensureActiveDraft(defaultName);
      try {
        const answer = api().call('drafts.apply', { draftId, batch });
        onSent?.(draftId, get().revision + 1);
        const { draft, warnings } = await answer;
        set({ lastProblem: null, lastWarnings: warnings });
        updated(draft);
        return true;
      } catch (error) {
        if (error instanceof ApiError) {
          set({ lastProblem: { message: error.message, details: error.error.details ?? [] } });
          return false;
        }
        throw error;
      }
    },
    async undo() {
      const draftId = get().activeDraftId;
      if (!draftId || !get().activeDraft()?.canUndo) return;
      updated(await api().call('drafts.undo', { draftId }));
    },
    async redo() {
      const draftId = get().activeDraftId;
      if (!draftId || !get().activeDraft()?.canRedo) return;
      updated(await api().call('drafts.redo', { draftId }));
    },
    activeDraft() {
      const { drafts, activeDraftId } = get();
      return drafts.find((d) => d.id === activeDraftId) ?? null;
    },
  };
});
