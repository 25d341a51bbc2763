import { CRM_EDITION_INFO, editionOfProfile } from '../../common/crm';
import type { syncChannels } from '../../common/ipc';
import { AppError } from '../../common/ipc';
import type { AppServices } from '../../services/appServices';
import { createConnector } from '../../services/sync';
import type { HandlersFor } from '../handlerTypes';

/**
 * Connect, pull, plan, push, resume, verify and roll back. Each long call runs under an AbortController
 * held here by the renderer's task id, so `sync.cancel` can stop it (a push stops between calls, resumably).
 */
export function syncHandlers(services: AppServices): HandlersFor<typeof syncChannels> {
  const running = new Map<string, AbortController>();
  async function task<T>(taskId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (running.has(taskId)) throw new AppError('CONFLICT', `task ${taskId} is already running`);
    const controller = new AbortController();
    running.set(taskId, controller);
    try {
      return await work(controller.signal);
    } finally {
      running.delete(taskId);
    }
  }
  const session = services.session;
  const sync = () => services.sync();

  return {
    'sync.status': () => {
      services.workspace(); // LOCKED / NOT_FOUND first
      const id = session.current!;
      const data = session.workspaces.data(id);
      const connection = data.getConnection();
      const newest = data.listSnapshots()[0];
      const drafts = new Map(data.listDrafts().map((d) => [d.id, d.name]));
      const pushes = data.listPushes().map((p) => {
        const calls = data.getPush(p.id).calls;
        return {
          id: p.id,
          draftId: p.draftId,
          draftName: drafts.get(p.draftId) ?? null,
          createdAt: p.createdAt,
          finished: p.finishedAt !== null,
          outcome: p.outcome,
          compensates: p.compensates,
          stopped: calls.some((c) => c.status === 'failed'),
          calls: calls.length,
          done: calls.filter((c) => c.status === 'done').length,
        };
      });
      const edition = editionOfProfile(connection?.connector ?? 'wukong-crm-11');
      return {
        workspaceKind: session.workspaces.summary(id).kind,
        edition: { id: edition, ...CRM_EDITION_INFO[edition] },
        connection: connection ? { serverUrl: connection.serverUrl, username: connection.username, updatedAt: connection.updatedAt } : null,
        snapshot: newest
          ? { version: newest.version, savedAt: newest.savedAt, source: newest.sourceKind, users: newest.counts.users, roles: newest.counts.roles }
          : null,
        pushes: pushes.sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      };
    },

    'sync.connect': ({ taskId, edition, serverUrl, username, password, newWorkspace }) =>
      task(taskId, async (signal) => {
        const profile = { connector: edition ?? 'wukong-crm-11', serverUrl, username, secretKind: 'password' as const, secret: password };
        // Log in first: a wrong password, a locked or disabled account creates and stores nothing.
        const probe = createConnector({ ...profile, updatedAt: new Date().toISOString() });
        await probe.connect(signal);
        await probe.disconnect().catch(() => undefined);
        const current = session.current === null ? null : session.workspaces.summary(session.current);
        let createdWorkspace = false;
        if (!current || current.kind === 'demo' || current.locked) {
          if (!newWorkspace) throw new AppError('INVALID_INPUT', 'the demo workspace cannot hold a connection: name a new workspace and its passphrase', {
              kind: 'fields',
              issues: [{ path: 'newWorkspace', message: 'required when the demo workspace is open' }],
            });
          await session.create(newWorkspace.name, { kind: 'passphrase', passphrase: newWorkspace.passphrase });
          createdWorkspace = true;
        }
        const id = session.current!;
        session.workspaces.data(id).setConnection(profile);
        session.connectionChanged(id);
        return { workspaceId: id, createdWorkspace, serverUrl, username };
      }),

    'sync.pull': ({ taskId }) => task(taskId, (signal) => sync().pull(signal)),
    'sync.cancel': ({ taskId }) => {
      const controller = running.get(taskId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'sync.plan': ({ taskId, draftId }) => task(taskId, (signal) => sync().plan(draftId, signal)),
    'sync.resolve': ({ planId, choices }) => sync().resolve(planId, choices),
    'sync.push': ({ taskId, planId, override, confirmation }) => task(taskId, (signal) => sync().push(planId, signal, { override, confirmation })),
    'sync.resume': ({ taskId, pushId }) => task(taskId, (signal) => sync().resume(pushId, signal)),
    'sync.verify': ({ taskId, pushId }) => task(taskId, (signal) => sync().verify(pushId, signal)),
    'sync.rollback': ({ pushId }) => sync().rollback(pushId),
    'sync.undoPreview': ({ taskId, pushId }) => task(taskId, (signal) => sync().undoPreview(pushId, signal)),
    'sync.undoLanded': ({ taskId, pushId }) => task(taskId, (signal) => sync().undoLanded(pushId, signal)),
    'sync.abandon': ({ pushId, reason }) => {
      sync().abandon(pushId, reason ?? null);
      return {};
    },
  };
}
