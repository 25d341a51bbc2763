import type { impactChannels } from '../../common/ipc';
import { impact } from '../../common/policy';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function impactHandlers(services: AppServices): HandlersFor<typeof impactChannels> {
  const projection = (draftId: string | null) => services.drafts().projection(draftId);
  return {
    'impact.summary': ({ draftId, limit }) => {
      const started = performance.now();
      const report = impact(projection(null).policy(), projection(draftId).policy());
      const names = new Map(projection(draftId).snapshot.users.map((u) => [u.id, u.name]));
      for (const u of projection(null).snapshot.users) if (!names.has(u.id)) names.set(u.id, u.name);
      const { candidatesExamined: _examined, ...counts } = report.counts;
      return {
        counts,
        users: report.users.slice(0, limit).map((u) => ({
          userId: u.userId,
          name: names.get(u.userId) ?? u.userId,
          kind: u.kind,
          moved: u.moved,
          permissions: [...u.permissions],
          fields: [...u.fields],
        })),
        truncated: report.users.length > limit,
        tookMs: performance.now() - started,
      };
    },
  };
}
