import type { ExplanationView } from '../../../src-main/common/ipc';
import { useServerQuery } from '../../api/serverCache';
import { ScopeBadge } from '../../components/ScopeBadge';
import { useAppErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { useScopeRule } from '../sync/useScopeRule';
import { personMessages } from './messages';

/** Fetches the engine's explanation of (person, permission) in the active draft, refetching when it moves. */
export function useExplanation(userId: string | null, permissionId: string | null): { explanation: ExplanationView | null; error: string | null } {
  const draftId = useDraftStore((s) => s.activeDraftId);
  // Only the answer for exactly this person, permission and draft state: an explanation of another is wrong.
  const answer = useServerQuery('access.explain', userId && permissionId ? { draftId, userId, permissionId } : null);
  const words = useAppErrorText();
  return { explanation: answer.data, error: answer.error ? words(answer.error) : null };
}

/**
 * "Why does this person have this scope?": the plain-language consequence, then every role with whether
 * it grants the permission, its scope, and which one wins (the server takes the largest).
 */
export function WhyPanel({ userId, permissionId, permissionLabel }: { userId: string; permissionId: string; permissionLabel: string }) {
  const pt = useFeatureT(personMessages);
  const scopeRule = useScopeRule();
  const localized = useLocalized();
  const { explanation: e, error } = useExplanation(userId, permissionId);
  return (
    <section className="why-panel" aria-label={pt('why', { permission: permissionLabel })} aria-live="polite">
      <h3>{pt('why', { permission: permissionLabel })}</h3>
      {error && <p role="alert">{error}</p>}
      {!e && !error && <p role="status">{pt('loading')}</p>}
      {e && (
        <>
          <p className="why-consequence" data-testid="why-consequence">{localized(e.consequence)}</p>
          <p>
            <ScopeBadge scope={e.effectiveScope as 0 | 1 | 2 | 3 | 4 | 5} /> · {pt('visibleOwners', { count: e.visibleOwnerCount })}
          </p>
          {e.superAdmin && <p className="why-note">{e.superAdmin === 'user' ? pt('superUser') : pt('superRole')}</p>}
          {e.lostOwnerIds.length > 0 && <p className="why-note warn">{pt(scopeRule === 'widest' ? 'lostOwners' : 'lostOwnersLastListed', { count: e.lostOwnerIds.length })}</p>}
          {e.beyondDepthCount > 0 && <p className="why-note warn">{pt('beyondDepth', { count: e.beyondDepthCount })}</p>}
          {e.roles.length > 0 && (
            <table className="why-roles">
              <thead>
                <tr>
                  <th scope="col">{pt('role')}</th>
                  <th scope="col">{pt('grants')}</th>
                  <th scope="col">{pt('scope')}</th>
                  <th scope="col">{pt('wins')}</th>
                </tr>
              </thead>
              <tbody>
                {e.roles.map((r) => (
                  <tr key={r.roleId} className={r.wins ? 'wins' : r.grants ? '' : 'row-muted'}>
                    <td>
                      {r.roleName}
                      {!r.enabled && <span className="muted"> {pt('disabledRole')}</span>}
                    </td>
                    <td>{r.grants ? pt('yes') : pt('no')}</td>
                    <td>{r.grants ? <ScopeBadge scope={r.scope} /> : '—'}</td>
                    <td>{r.wins ? '✔ ' + pt('yes') : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
