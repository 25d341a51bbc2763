import { create } from 'zustand';

/** Something another view should bring into sight: a person, a role (optionally one permission cell of it), … */
export interface FocusTarget {
  kind: 'user' | 'role' | 'permission' | 'department';
  id: string;
  /** For a role: the permission whose cell to show in the role matrix. */
  permissionId?: string;
}

interface FocusState {
  target: FocusTarget | null;
  focus(target: FocusTarget): void;
  clear(): void;
}

/**
 * "Jump to" across views: the drafts view sets a target and navigates (`#/roles`, `#/organisation`); the
 * destination view may read the target, select it, and clear it. Views that do not read it yet still open.
 */
export const useFocusStore = create<FocusState>((set) => ({
  target: null,
  focus: (target) => set({ target }),
  clear: () => set({ target: null }),
}));
