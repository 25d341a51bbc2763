import type { accessChannels } from '../../common/ipc/channels/access';
import { roleMatrix } from '../../common/ipc/roleMatrix';
import { accessMatrix, explain, impact, lintSnapshot, whoCanSee } from '../../common/policy';
import type { AppServices } from '../../services/appServices';
import type { HandlersFor } from '../handlerTypes';

export function accessHandlers(services: AppServices): HandlersFor<typeof accessChannels> {
  const projection = (draftId: string | null) => services.drafts().projection(draftId);
  return {
    'roles.matrix': ({ draftId, fieldRules }) => roleMatrix(projection(null).snapshot, projection(draftId).snapshot, fieldRules),
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
    'lints.run': ({ draftId }) => ({
      findings: lintSnapshot(projection(draftId).policy()).map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        refs: Object.fromEntries(Object.entries(f.refs).map(([kind, ids]) => [kind, [...(ids as readonly string[])]])),
      })),
    }),
  };
}
