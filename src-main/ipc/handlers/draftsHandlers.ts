import type { draftsChannels } from '../../common/ipc';
import { impact } from '../../common/policy';
import type { AppServices } from '../../services/appServices';
import { impactByPermission, reviewGestures } from '../../services/review';
import type { HandlersFor } from '../handlerTypes';

export function draftsHandlers(services: AppServices): HandlersFor<typeof draftsChannels> {
  const drafts = () => services.drafts();
  return {
    'drafts.list': () => drafts().list(),
    'drafts.create': ({ name }) => drafts().create(name),
    'drafts.rename': ({ draftId, name }) => drafts().rename(draftId, name),
    'drafts.duplicate': ({ draftId, name }) => drafts().duplicate(draftId, name),
    'drafts.discard': ({ draftId }) => {
      drafts().discard(draftId);
      return {};
    },
    'drafts.activate': ({ draftId }) => {
      drafts().activate(draftId);
      return {};
    },
    'drafts.apply': ({ draftId, batch }) => drafts().apply(draftId, batch),
    'drafts.undo': ({ draftId }) => drafts().undo(draftId),
    'drafts.redo': ({ draftId }) => drafts().redo(draftId),
    'drafts.batches': ({ draftId }) => ({ batches: drafts().batches(draftId) }),
    'drafts.changes': ({ draftId }) => {
      const service = drafts();
      const base = service.projection(null);
      const projected = service.projection(draftId);
      const report = impact(base.policy(), projected.policy());
      return {
        gestures: reviewGestures(service.batches(draftId), service.states(draftId)),
        impact: {
          usersAffected: report.counts.usersAffected,
          moved: report.counts.moved,
          permissions: impactByPermission(report, projected.snapshot, base.snapshot),
        },
      };
    },
    'drafts.revertBatch': ({ draftId, batchId }) => drafts().revertBatch(draftId, batchId),
  };
}
