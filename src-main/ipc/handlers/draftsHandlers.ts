import type { AppServices } from '../../services/appServices';
import type { Handlers } from '../handlerTypes';

type DraftChannels =
  | 'drafts.list'
  | 'drafts.create'
  | 'drafts.rename'
  | 'drafts.duplicate'
  | 'drafts.discard'
  | 'drafts.activate'
  | 'drafts.apply'
  | 'drafts.undo'
  | 'drafts.redo'
  | 'drafts.batches';

export function draftsHandlers(services: AppServices): Pick<Handlers, DraftChannels> {
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
