import type { draftsChannels } from '../../common/ipc/channels/drafts';
import type { AppServices } from '../../services/appServices';
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
  };
}
