import type { reviewChannels } from '../../common/ipc/channels/review';
import { impact } from '../../common/policy';
import type { AppServices } from '../../services/appServices';
import { impactByPermission } from '../../services/review/permissionImpact';
import { reviewGestures } from '../../services/review/draftReview';
import type { HandlersFor } from '../handlerTypes';

export function reviewHandlers(services: AppServices): HandlersFor<typeof reviewChannels> {
  return {
    'drafts.changes': ({ draftId }) => {
      const drafts = services.drafts();
      const base = drafts.projection(null);
      const projected = drafts.projection(draftId);
      const report = impact(base.policy(), projected.policy());
      return {
        gestures: reviewGestures(drafts.batches(draftId), drafts.states(draftId)),
        impact: {
          usersAffected: report.counts.usersAffected,
          moved: report.counts.moved,
          permissions: impactByPermission(report, projected.snapshot, base.snapshot),
        },
      };
    },
    'drafts.revertBatch': ({ draftId, batchId }) => services.drafts().revertBatch(draftId, batchId),
  };
}
