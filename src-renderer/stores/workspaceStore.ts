import { create } from 'zustand';
import type { AppErrorData, WorkspaceSummaryView } from '../../src-main/common/ipc';
import { api, ApiError } from '../api/client';

interface WorkspaceState {
  workspaces: WorkspaceSummaryView[];
  currentId: string | null;
  idleLockMinutes: number | null;
  loaded: boolean;
  /** The last failure of a workspace action, with its stable code (WRONG_KEY, WEAK_PASSPHRASE → INVALID_INPUT…). */
  error: AppErrorData | null;
  refresh(): Promise<void>;
  current(): WorkspaceSummaryView | null;
  open(workspaceId: string, passphrase?: string): Promise<boolean>;
  /** Shows a workspace without unlocking it (the lock screen then asks for its passphrase). */
  select(workspaceId: string): Promise<boolean>;
  lock(workspaceId: string): Promise<void>;
  create(name: string, passphrase: string): Promise<boolean>;
  changePassphrase(workspaceId: string, current: string, next: string): Promise<boolean>;
  clearError(): void;
}

/** The workspaces on this machine, which one is shown, and whether it is locked. */
export const useWorkspaceStore = create<WorkspaceState>((set, get) => {
  /** Runs a workspace action; failures become `error` (shown by the form) instead of exceptions. */
  const attempt = async (action: () => Promise<unknown>): Promise<boolean> => {
    try {
      await action();
      set({ error: null });
      await get().refresh();
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      set({ error: error.error });
      await get().refresh();
      return false;
    }
  };
  return {
    workspaces: [],
    currentId: null,
    idleLockMinutes: null,
    loaded: false,
    error: null,
    async refresh() {
      const result = await api().call('workspace.list', {});
      set({ workspaces: result.workspaces, currentId: result.currentId, idleLockMinutes: result.idleLockMinutes, loaded: true });
    },
    current() {
      const { workspaces, currentId } = get();
      return workspaces.find((w) => w.id === currentId) ?? null;
    },
    open: (workspaceId, passphrase) => attempt(() => api().call('workspace.open', { workspaceId, passphrase })),
    select: (workspaceId) => attempt(() => api().call('workspace.select', { workspaceId })),
    lock: async (workspaceId) => void (await attempt(() => api().call('workspace.lock', { workspaceId }))),
    create: (name, passphrase) => attempt(() => api().call('workspace.create', { name, protection: 'passphrase', passphrase })),
    changePassphrase: (workspaceId, current, next) => attempt(() => api().call('workspace.changePassphrase', { workspaceId, current, next })),
    clearError: () => set({ error: null }),
  };
});
