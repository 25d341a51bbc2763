import type { ChannelOutput } from '../../../src-main/common/ipc';
import { useServerQuery } from '../../api/serverCache';

export type SyncStatus = ChannelOutput<'sync.status'>;

/**
 * Connection, newest snapshot and pushes of the open workspace; the server cache asks again when a change can
 * move them. `reload` asks again now (after this view's own connect or pull).
 */
export function useSyncStatus(): { status: SyncStatus | null; reload: () => Promise<void> } {
  const answer = useServerQuery('sync.status', {});
  // Locked or no workspace: no status, the gate shows why.
  return { status: answer.error ? null : answer.shown, reload: answer.retry };
}
