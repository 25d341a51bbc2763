import { create } from 'zustand';

interface PersonPanelState {
  /** The person shown in the side panel, or null when it is closed. */
  userId: string | null;
  /** A permission whose "why" the panel opens straight away (a heatmap cell click). */
  permissionId: string | null;
  open(userId: string, permissionId?: string | null): void;
  close(): void;
}

/** Which person the panel shows; shared by the organisation view and the access map. */
export const usePersonPanelStore = create<PersonPanelState>((set) => ({
  userId: null,
  permissionId: null,
  open: (userId, permissionId = null) => set({ userId, permissionId }),
  close: () => set({ userId: null, permissionId: null }),
}));
