import type { policyChannels } from '../../common/ipc';
import type { AppServices } from '../../services/appServices';
import { PolicyFileService } from '../../services/policyFiles';
import type { HandlersFor } from '../handlerTypes';

export function policyHandlers(services: AppServices): HandlersFor<typeof policyChannels> {
  const policyFiles = () => new PolicyFileService(services.drafts(), services.session.workspaces.data(services.workspace().id), services.readPolicyFile);
  return {
    'policy.export': (input) => (input.kind === 'draft' ? policyFiles().exportDraft(input.draftId, input.locale) : policyFiles().exportSnapshot(input.draftId, input.locale)),
    'policy.import': ({ text }) => policyFiles().import(text),
  };
}
