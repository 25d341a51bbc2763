import { create } from 'zustand';
import type { ImpactSummary, RoleMatrix } from '../../../src-main/common/ipc/channels/access';
import { api, ApiError } from '../../api/client';
import { IMPACT_RECEIVED } from './gestureTiming';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  /** The draft revision the data was fetched for. */
  revision: number;
}

interface MatrixState {
  matrix: Loaded<RoleMatrix>;
  impact: Loaded<ImpactSummary> & { loading: boolean };
  /** Fetches what the matrix and field grid draw for a draft (null = the base as pulled). */
  loadMatrix(draftId: string | null, revision: number): Promise<void>;
  loadImpact(draftId: string | null, revision: number): Promise<void>;
}

const IMPACT_LIST_LIMIT = 200;
let matrixTicket = 0;
let impactTicket = 0;
// The last (draft, revision) asked for: a gesture and the revision effect may both ask; one request suffices.
let matrixAsked = '';
let impactAsked = '';

/**
 * The projection the role-matrix screens show, refetched whenever the draft revision moves. Tickets drop
 * answers that arrive after a newer request was made, so a slow reply never paints over a newer one.
 */
export const useMatrixStore = create<MatrixState>((set) => ({
  matrix: { data: null, error: null, revision: -1 },
  impact: { data: null, error: null, revision: -1, loading: false },
  async loadMatrix(draftId, revision) {
    const asked = `${draftId}@${revision}`;
    if (asked === matrixAsked) return;
    matrixAsked = asked;
    const ticket = ++matrixTicket;
    try {
      const data = await api().call('roles.matrix', { draftId });
      if (ticket === matrixTicket) set({ matrix: { data, error: null, revision } });
    } catch (error) {
      matrixAsked = '';
      if (ticket === matrixTicket) set((s) => ({ matrix: { ...s.matrix, error: messageOf(error) } }));
    }
  },
  async loadImpact(draftId, revision) {
    const asked = `${draftId}@${revision}`;
    if (asked === impactAsked) return;
    impactAsked = asked;
    const ticket = ++impactTicket;
    if (draftId === null) {
      set({ impact: { data: null, error: null, revision, loading: false } });
      return;
    }
    set((s) => ({ impact: { ...s.impact, loading: true } }));
    try {
      const data = await api().call('impact.summary', { draftId, limit: IMPACT_LIST_LIMIT });
      performance.mark(IMPACT_RECEIVED);
      if (ticket === impactTicket) set({ impact: { data, error: null, revision, loading: false } });
    } catch (error) {
      impactAsked = '';
      if (ticket === impactTicket) set((s) => ({ impact: { ...s.impact, error: messageOf(error), loading: false } }));
    }
  },
}));

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : String((error as Error)?.message ?? error);
}
