import { create } from 'zustand';
import type { DraftBatch } from '../../src-main/common/draft';
import type { AppErrorData, DraftProblemView, DraftSummary } from '../../src-main/common/ipc';
import { api, ApiError } from '../api/client';
import { matrixCarry, type MatrixAnswer } from '../api/matrixCarry';
import { changing, onRevision } from '../api/serverCache';
import { keptOutReason, uniqueDraftName, type KeptOutReason } from './draftTarget';

/** An edit went into a new draft because the active one could not take it; the header says so until dismissed. */
export interface NewDraftNotice {
  reason: KeptOutReason;
  /** The draft that was active (pushed, or a rollback draft) and the one the edit went into. */
  from: string;
  to: string;
}

interface DraftState {
  drafts: DraftSummary[];
  activeDraftId: string | null;
  /** The last refusal (as it came, for the views to word in the reader's language) or warning list. */
  lastProblem: AppErrorData | null;
  lastWarnings: DraftProblemView[];
  notice: NewDraftNotice | null;
  /** A rollback draft that appeared since the list was first read: the drafts view opens it for review. */
  reviewDraftId: string | null;
  load(): Promise<void>;
  /**
   * The draft an edit goes into — THE one path every editing view takes (role matrix, field rules, organisation).
   * The active draft when it can take edits; otherwise a new draft (`defaultName`, made unique), activated, and
   * when the active one was pushed or is a rollback draft, a notice saying so.
   */
  ensureActiveDraft(defaultName: string): Promise<string>;
  activate(draftId: string | null): Promise<void>;
  create(name: string): Promise<DraftSummary>;
  /**
   * Records one gesture. Resolves false (and sets lastProblem) when the server's rules refuse it. `onSent` runs as
   * soon as the batch is on its way (the cache's draft revision has already moved for it): a view can ask for what
   * follows from it right behind it (the main process answers in order) instead of after the answer.
   */
  applyBatch(batch: DraftBatch, defaultName: string, onSent?: (draftId: string) => void): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  dismissNotice(): void;
  reviewed(): void;
  activeDraft(): DraftSummary | null;
}

/** Drafts of the open workspace and which one the console shows. The main process owns them. */
export const useDraftStore = create<DraftState>((set, get) => {
  let listed: ReadonlySet<string> | null = null;
  // The list is server state held here (every view reads it); the cache says when it may have changed unasked.
  let following = false;
  const follow = () => {
    if (following) return;
    following = true;
    onRevision((scope) => scope === 'drafts' && void refresh());
  };
  const refresh = async () => {
    follow();
    try {
      const { drafts, activeDraftId } = await api().call('drafts.list', {});
      // A rollback draft made since the last answer (the push view's "Roll back this push…") waits for review.
      const known = listed;
      const fresh = known ? drafts.find((d) => d.origin?.kind === 'rollback' && !known.has(d.id)) : undefined;
      listed = new Set(drafts.map((d) => d.id));
      set((s) => ({
        drafts,
        activeDraftId,
        reviewDraftId: fresh ? fresh.id : s.reviewDraftId && listed!.has(s.reviewDraftId) ? s.reviewDraftId : null,
      }));
    } catch (error) {
      // A locked workspace (or one without a snapshot yet) has no drafts to show; the gate explains why.
      if (!(error instanceof ApiError)) throw error;
      set({ drafts: [], activeDraftId: null });
    }
  };
  // Apply, undo and redo answer with the draft's new summary: put it in place instead of asking for the whole
  // list again, which would add a round trip to every gesture before its impact can be asked (issue 6 target).
  const updated = (draft: DraftSummary, activate = false) =>
    set((s) => ({
      drafts: s.drafts.some((d) => d.id === draft.id) ? s.drafts.map((d) => (d.id === draft.id ? draft : d)) : [...s.drafts, draft],
      activeDraftId: activate ? draft.id : s.activeDraftId,
    }));
  const refused = (error: unknown) => {
    if (!(error instanceof ApiError)) throw error;
    set({ lastProblem: error.error });
  };
  // Two gestures in quick succession while a new draft is being made must both land in that one draft.
  let making: Promise<string> | null = null;
  /**
   * A new draft made and activated in the main process. It is shown (and so becomes the views' draft) only once
   * its first gesture is on its way: shown before, every view would ask about the empty draft ahead of the gesture.
   */
  let unshown: { draft: DraftSummary; keptOut: DraftSummary | null } | null = null;
  const show = () => {
    if (!unshown) return;
    const { draft, keptOut } = unshown;
    unshown = null;
    updated(draft, true);
    const reason = keptOut && keptOutReason(keptOut);
    if (keptOut && reason) set({ notice: { reason, from: keptOut.name, to: draft.name } });
  };
  const makeDraft = async (defaultName: string, keptOut: DraftSummary | null): Promise<string> => {
    const name = uniqueDraftName(defaultName, get().drafts);
    const draft = await api().call('drafts.create', { name });
    await api().call('drafts.activate', { draftId: draft.id });
    unshown = { draft, keptOut };
    return draft.id;
  };
  /**
   * A change to `draftId` is about to be sent: the views' draft answers move on, the role matrices held by the
   * delta in its answer (`answered`) instead of asked again whole.
   */
  const sending = (draftId: string, before: DraftSummary | null) => {
    let answered!: (answer: MatrixAnswer) => void;
    const matrix = new Promise<MatrixAnswer>((resolve) => (answered = resolve));
    const settle = changing('draft', matrixCarry(draftId, before?.appliedCount === 0, matrix));
    return {
      accepted(delta: MatrixAnswer) {
        answered(delta);
        settle(true);
      },
      failed(error: unknown) {
        // A refusal changed nothing; after any other failure the matrix is asked again, to be sure.
        answered(error instanceof ApiError && error.error.code === 'REFUSED' ? 'refused' : null);
        settle(false);
      },
    };
  };
  const step = async (verb: 'drafts.undo' | 'drafts.redo', allowed: (d: DraftSummary) => boolean) => {
    const draft = get().activeDraft();
    if (!draft || !allowed(draft)) return;
    const change = sending(draft.id, draft);
    try {
      const answer = await api().call(verb, { draftId: draft.id });
      change.accepted(answer.matrix);
      updated(answer.draft);
    } catch (error) {
      change.failed(error);
      // Refused (the draft was pushed since this list was read): say why and show the draft as it is now.
      refused(error);
      await refresh();
    }
  };
  return {
    drafts: [],
    activeDraftId: null,
    lastProblem: null,
    lastWarnings: [],
    notice: null,
    reviewDraftId: null,
    load: refresh,
    async ensureActiveDraft(defaultName) {
      const active = get().activeDraft();
      if (active && keptOutReason(active) === null) return active.id;
      if (!active && get().activeDraftId) return get().activeDraftId!; // not listed yet: the main process decides
      making ??= makeDraft(defaultName, active).finally(() => (making = null));
      return making;
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
      const before = get().drafts.find((d) => d.id === draftId) ?? (unshown?.draft.id === draftId ? unshown.draft : null);
      // Counted before it is sent: its event can arrive before the call returns (in-process transport).
      const change = sending(draftId, before);
      try {
        const answer = api().call('drafts.apply', { draftId, batch });
        show();
        onSent?.(draftId);
        const { draft, warnings, matrix } = await answer;
        change.accepted(matrix);
        set({ lastProblem: null, lastWarnings: warnings });
        updated(draft);
        return true;
      } catch (error) {
        change.failed(error);
        show();
        refused(error);
        // A refusal because the draft was pushed meanwhile: the list shows it read-only, the next edit starts anew.
        if (error instanceof ApiError && error.error.details?.kind === 'draftPushed') await refresh();
        return false;
      }
    },
    undo: () => step('drafts.undo', (d) => d.canUndo),
    redo: () => step('drafts.redo', (d) => d.canRedo),
    dismissNotice() {
      set({ notice: null });
    },
    reviewed() {
      set({ reviewDraftId: null });
    },
    activeDraft() {
      const { drafts, activeDraftId } = get();
      return drafts.find((d) => d.id === activeDraftId) ?? null;
    },
  };
});
