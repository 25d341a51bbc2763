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
  /** `fieldRules`: whether the data carries the field rules (only the field grid asks for them). */
  matrix: Loaded<RoleMatrix> & { fieldRules: boolean };
  /** Whether the shown view draws field rules; set by the view, read by every (re)fetch including a gesture's. */
  wantFieldRules: boolean;
  setWantFieldRules(want: boolean): void;
  impact: Loaded<ImpactSummary> & { loading: boolean };
  /** Fetches what the matrix and field grid draw for a draft (null = the base as pulled). */
  loadMatrix(draftId: string | null, revision: number): Promise<void>;
  loadImpact(draftId: string | null, revision: number): Promise<void>;
  /** The next loadImpact asks again even for the same (draft, revision). */
  forgetImpact(): void;
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
export const useMatrixStore = create<MatrixState>((set, get) => ({
  matrix: { data: null, error: null, revision: -1, fieldRules: false },
  impact: { data: null, error: null, revision: -1, loading: false },
  wantFieldRules: false,
  setWantFieldRules(want) {
    set({ wantFieldRules: want });
  },
  async loadMatrix(draftId, revision) {
    const fieldRules = get().wantFieldRules;
    const asked = `${draftId}@${revision}${fieldRules ? '+fields' : ''}`;
    if (asked === matrixAsked) return;
    matrixAsked = asked;
    const ticket = ++matrixTicket;
    try {
      const data = await api().call('roles.matrix', { draftId, fieldRules });
      if (ticket === matrixTicket) set({ matrix: { data, error: null, revision, fieldRules } });
    } catch (error) {
      matrixAsked = '';
      if (ticket === matrixTicket) set((s) => ({ matrix: { ...s.matrix, error: messageOf(error) } }));
    }
  },
  forgetImpact() {
    impactAsked = '';
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
