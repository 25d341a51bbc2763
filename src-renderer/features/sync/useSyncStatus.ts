import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-main/common/ipc/contract';
import { api } from '../../api/client';

export type SyncStatus = ChannelOutput<'sync.status'>;

/** Connection, newest snapshot and pushes of the open workspace; refetched on every workspace change. */
export function useSyncStatus(): { status: SyncStatus | null; reload: () => Promise<void> } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const reload = useCallback(async () => {
    try {
      setStatus(await api().call('sync.status', {}));
    } catch {
      setStatus(null); // locked or no workspace: the gate shows why
    }
  }, []);
  useEffect(() => {
    void reload();
    return api().on('workspace.changed', () => void reload());
  }, [reload]);
  return { status, reload };
}
