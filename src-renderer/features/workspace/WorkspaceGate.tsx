import { useEffect, type ReactNode } from 'react';
import { followWorkspaceChanges } from '../../api/serverCache';
import { useWorkspaceStore } from '../../stores/workspaceStore';
import { LockScreen } from './LockScreen';

/**
 * Shows the views only while the current workspace is unlocked; otherwise the lock screen. The server cache
 * follows the main process's `workspace.changed` events from here on (api/serverCache.ts `WORKSPACE_CHANGES`):
 * when the workspace is locked, opened or replaced, the page starts afresh, so no decrypted data of the previous
 * state stays in the renderer's memory and no view can show it. No other reason changes the workspace list.
 */
export function WorkspaceGate({ children }: { children: ReactNode }) {
  const refresh = useWorkspaceStore((s) => s.refresh);
  const loaded = useWorkspaceStore((s) => s.loaded);
  const current = useWorkspaceStore((s) => s.workspaces.find((w) => w.id === s.currentId) ?? null);

  useEffect(() => {
    followWorkspaceChanges();
    void refresh();
  }, [refresh]);

  if (!loaded) return null;
  if (current?.locked) return <LockScreen workspace={current} />;
  return <>{children}</>;
}
