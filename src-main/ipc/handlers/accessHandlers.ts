import type { accessChannels } from '../../common/ipc';
import { accessMatrix, explain, reachChanges, whoCanSee } from '../../common/policy';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function accessHandlers(services: AppServices): HandlersFor<typeof accessChannels> {
  const projection = (draftId: string | null) => services.drafts().projection(draftId);
  return {
    'access.explain': ({ draftId, userId, permissionId }) => {
      const e = explain(projection(draftId).policy(), userId, permissionId);
      return { ...e, roles: [...e.roles], grantingScopes: [...e.grantingScopes], lostOwnerIds: [...e.lostOwnerIds] };
    },
    'access.whoCanSee': ({ draftId, ownerId, permissionId }) => {
      const policy = projection(draftId).policy();
      const result = whoCanSee(policy, ownerId, permissionId);
      return { viewers: Array.from(result.users, (user, i) => ({ userId: policy.userIds[user]!, scope: result.scopes[i]! })) };
    },
    'access.heatmap': ({ draftId, permissionIds, userIds, withBase }) => {
      const started = performance.now();
      const view = projection(draftId);
      const rows = userIds ?? view.snapshot.users.map((u) => u.id);
      const matrix = accessMatrix(view.policy(), rows, permissionIds);
      let baseScopes: string | null = null;
      if (withBase) {
        // Users the draft created have no base row: compile the base once and mark them as "no access".
        const base = projection(null).policy();
        const known = rows.filter((id) => base.userIndex.has(id));
        const baseMatrix = accessMatrix(base, known, permissionIds);
        const out = new Uint8Array(matrix.scopes.length);
        const width = permissionIds.length;
        let k = 0;
        rows.forEach((id, i) => {
          if (base.userIndex.has(id)) out.set(baseMatrix.scopes.subarray(k * width, ++k * width), i * width);
        });
        baseScopes = Buffer.from(out).toString('base64');
      }
      return {
        userIds: rows,
        permissionIds,
        scopes: Buffer.from(matrix.scopes).toString('base64'),
        baseScopes,
        tookMs: performance.now() - started,
      };
    },
    'access.reachDelta': ({ draftId, permissionIds, userIds }) => {
      const started = performance.now();
      const base = projection(null).policy();
      const after = projection(draftId).policy();
      const rows = userIds ?? after.userIds;
      const changes = reachChanges(base, after, rows, permissionIds);
      return { userIds: [...rows], permissionIds, changes, tookMs: performance.now() - started };
    },
  };
}
