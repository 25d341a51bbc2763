import { useMemo } from 'react';
import { useServerQuery } from '../../api/serverCache';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized, useT } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { CRM_ACTIONS, type CrmModule } from '../../../src-main/common/wukong';
import { heatmapMessages, scopeGlyphs } from '../heatmap/messages';
import { decodeScopes, glyphKey, scopeKey } from '../heatmap/scopeCodec';
import { personMessages } from './messages';
import '../heatmap/scopePalette.css';

/**
 * One person's effective scope per CRM module and action, from the engine (one `access.heatmap` row).
 * Each cell is a button: choosing it asks for the "why".
 */
export function AccessSummary({ userId, modules, selected, onSelect }: { userId: string; modules: readonly CrmModule[]; selected: string | null; onSelect: (permissionId: string) => void }) {
  const t = useT();
  const pt = useFeatureT(personMessages);
  const ht = useFeatureT(heatmapMessages);
  const gt = useFeatureT(scopeGlyphs);
  const localized = useLocalized();
  const draftId = useDraftStore((s) => s.activeDraftId);
  const permissionIds = useMemo(() => modules.flatMap((m) => CRM_ACTIONS.flatMap((a) => (m.permissionIds[a] ? [m.permissionIds[a]!] : []))), [modules]);
  const answer = useServerQuery('access.heatmap', permissionIds.length === 0 ? null : { draftId, permissionIds, userIds: [userId], withBase: false });
  const row = answer.shown;
  const scopes = useMemo(() => {
    if (answer.error) return new Map<string, number>(); // shown as "none" everywhere, as before
    if (!row) return null;
    const decoded = decodeScopes(row.scopes);
    return new Map(row.permissionIds.map((id, i) => [id, decoded[i]!]));
  }, [row, answer.error]);

  if (!scopes) return <p role="status">{pt('loading')}</p>;
  return (
    <table className="access-summary" aria-label={pt('access')}>
      <thead>
        <tr>
          <th scope="col">{pt('module')}</th>
          {CRM_ACTIONS.map((a) => <th key={a} scope="col">{ht(`action.${a}`)}</th>)}
        </tr>
      </thead>
      <tbody>
        {modules.map((m) => (
          <tr key={m.key}>
            <th scope="row">{localized(m.label)}</th>
            {CRM_ACTIONS.map((a) => {
              const id = m.permissionIds[a];
              if (!id) return <td key={a} />;
              const scope = scopes.get(id) ?? 0;
              return (
                <td key={a}>
                  <button
                    type="button"
                    className={`hm-cell hm-s${scope}${selected === id ? ' selected' : ''}`}
                    aria-pressed={selected === id}
                    aria-label={`${localized(m.label)} · ${ht(`action.${a}`)}: ${t(scopeKey(scope))}`}
                    title={t(scopeKey(scope))}
                    onClick={() => onSelect(id)}
                  >
                    {gt(glyphKey(scope))}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
