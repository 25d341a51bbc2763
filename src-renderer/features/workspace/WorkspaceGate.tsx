import type { WorkspaceChangeReason } from '../../../src-main/common/ipc/contract';
import { useEffect, type ReactNode } from 'react';
import { api } from '../../api/client';
import { reloadApp } from '../../app/reloadApp';
import { useWorkspaceStore } from '../../stores/workspaceStore';
import { LockScreen } from './LockScreen';

/** Reasons after which everything the views cached belongs to another workspace or state of the world. */
const RELOAD_ALL = new Set<WorkspaceChangeReason>(['workspace opened', 'workspace created', 'workspace locked', 'snapshot saved']);

/**
 * Shows the views only while the current workspace is unlocked; otherwise the lock screen. Follows the main
 * process's `workspace.changed` events. When the workspace is locked, opened or replaced, the page starts
 * afresh: no decrypted data of the previous state stays in the renderer's memory, and no view can show it.
 */
export function WorkspaceGate({ children }: { children: ReactNode }) {
  const refresh = useWorkspaceStore((s) => s.refresh);
  const loaded = useWorkspaceStore((s) => s.loaded);
  const current = useWorkspaceStore((s) => s.workspaces.find((w) => w.id === s.currentId) ?? null);

  useEffect(() => {
    void refresh();
    return api().on('workspace.changed', ({ reason }) => {
      if (RELOAD_ALL.has(reason)) reloadApp();
      else void refresh();
    });
  }, [refresh]);

  if (!loaded) return null;
  if (current?.locked) return <LockScreen workspace={current} />;
  return <>{children}</>;
}
