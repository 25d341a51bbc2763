import type { workspaceChannels } from '../../common/ipc';
import { AppError } from '../../common/ipc';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function workspaceHandlers(services: AppServices): HandlersFor<typeof workspaceChannels> {
  const { session } = services;
  return {
    'workspace.list': () => ({
      workspaces: session.workspaces.list(),
      currentId: session.current,
      idleLockMinutes: services.idleLockMs === null ? null : services.idleLockMs / 60_000,
    }),
    'workspace.create': ({ name, protection, passphrase }) => {
      if (protection === 'safeStorage' && services.info.transport !== 'electron') {
        throw new AppError('REFUSED', 'the OS keychain is only available in the desktop app: protect this workspace with a passphrase');
      }
      return session.create(name, protection === 'passphrase' ? { kind: 'passphrase', passphrase: passphrase! } : { kind: 'safeStorage' });
    },
    'workspace.open': ({ workspaceId, passphrase }) => session.open(workspaceId, { passphrase }),
    'workspace.select': ({ workspaceId }) => session.select(workspaceId),
    'workspace.lock': ({ workspaceId }) => session.lock(workspaceId),
    'workspace.unlock': ({ workspaceId, passphrase }) => session.open(workspaceId, { passphrase }),
    'workspace.changePassphrase': async ({ workspaceId, current, next }) => {
      await session.workspaces.changePassphrase(workspaceId, { current, next });
      return {};
    },
  };
}
