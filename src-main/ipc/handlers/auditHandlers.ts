import type { auditChannels } from '../../common/ipc';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function auditHandlers(services: AppServices): HandlersFor<typeof auditChannels> {
  const currentData = () => services.session.workspaces.data(services.workspace().id);
  return {
    'audit.list': ({ limit, beforeSeq }) => ({
      entries: currentData()
        .listAudit({ limit, beforeSeq })
        .map(({ seq, at, actor, action, details, hash }) => ({ seq, at, actor, action, details, hash })),
    }),
    'audit.verify': () => {
      const result = currentData().verifyAudit();
      return result.ok
        ? { ok: true, entries: result.entries }
        : { ok: false, entries: result.entries, brokenAt: result.brokenAt, reason: result.reason, message: result.message };
    },
  };
}
