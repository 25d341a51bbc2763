import type { lintsChannels } from '../../common/ipc';
import { lintSnapshot } from '../../common/policy';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function lintsHandlers(services: AppServices): HandlersFor<typeof lintsChannels> {
  return {
    'lints.run': ({ draftId }) => ({
      findings: lintSnapshot(services.drafts().projection(draftId).policy()).map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        refs: Object.fromEntries(Object.entries(f.refs).map(([kind, ids]) => [kind, [...(ids as readonly string[])]])),
      })),
    }),
  };
}
