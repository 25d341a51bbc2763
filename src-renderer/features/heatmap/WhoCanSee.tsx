import { useMemo, useState } from 'react';
import type { OrgView } from '../../../src-main/common/ipc';
import { useServerQuery } from '../../api/serverCache';
import { ScopeBadge } from '../../components/ScopeBadge';
import { useAppErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { usePersonPanelStore } from '../person/personPanelStore';
import type { CrmModule } from '../../../src-main/common/wukong';
import { heatmapMessages } from './messages';

type Viewer = { userId: string; scope: number };

/**
 * Rows drawn in the viewers table. With scope "everyone" the list is the whole company (20k rows in a large
 * organisation, several seconds of DOM work that held up the access map's first render); the count stays exact.
 */
const LISTED_VIEWERS = 200;

/**
 * Record-centric view: pick an owner and a module, see everyone who can open that owner's records (the
 * module's "view list" permission) and the scope that lets each of them in.
 */
export function WhoCanSee({ view, modules }: { view: OrgView; modules: readonly CrmModule[] }) {
  const ht = useFeatureT(heatmapMessages);
  const localized = useLocalized();
  const draftId = useDraftStore((s) => s.activeDraftId);
  const openPerson = usePersonPanelStore((s) => s.open);
  const listable = modules.filter((m) => m.permissionIds.index);
  // Start on someone with a manager: their records show the reporting line and the department at work.
  const [ownerId, setOwnerId] = useState(view.users.find((u) => u.managerId && u.status === 'active')?.id ?? view.users[0]?.id ?? '');
  const [moduleKey, setModuleKey] = useState(listable.find((m) => m.key === 'customer')?.key ?? listable[0]?.key ?? '');
  const module = listable.find((m) => m.key === moduleKey);
  const permissionId = module?.permissionIds.index;
  const answer = useServerQuery('access.whoCanSee', ownerId && permissionId ? { draftId, ownerId, permissionId } : null);
  const viewers: Viewer[] | null = answer.shown?.viewers ?? null;
  const words = useAppErrorText();
  const error = answer.error ? words(answer.error) : null;

  // Lookups by id: with scope "everyone" the list is the whole company.
  const usersById = useMemo(() => new Map(view.users.map((u) => [u.id, u])), [view.users]);
  const deptNames = useMemo(() => new Map(view.departments.map((d) => [d.id, d.name])), [view.departments]);
  const name = (id: string) => usersById.get(id)?.name ?? id;
  const dept = (id: string) => deptNames.get(usersById.get(id)?.departmentId ?? '') ?? '';
  return (
    <section className="who-can-see" aria-labelledby="who-title">
      <h2 id="who-title">{ht('whoTitle')}</h2>
      <p className="muted small">{ht('whoIntro')}</p>
      <div className="toolbar">
        <label>
          {ht('owner')}{' '}
          <select value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
            {view.users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </label>
        <label>
          {ht('module')}{' '}
          <select value={moduleKey} onChange={(e) => setModuleKey(e.target.value)}>
            {listable.map((m) => <option key={m.key} value={m.key}>{localized(m.label)}</option>)}
          </select>
        </label>
      </div>
      {error && <p role="alert">{error}</p>}
      {viewers && module && (
        <>
          <p role="status">{ht('whoCount', { count: viewers.length, owner: name(ownerId), module: localized(module.label) })}</p>
          <table className="who-table" aria-label={ht('whoTitle')}>
            <thead>
              <tr>
                <th scope="col">{ht('viewer')}</th>
                <th scope="col">{ht('department')}</th>
                <th scope="col">{ht('via')}</th>
              </tr>
            </thead>
            <tbody>
              {viewers.slice(0, LISTED_VIEWERS).map((v) => (
                <tr key={v.userId}>
                  <td>
                    <button type="button" className="link" onClick={() => permissionId && openPerson(v.userId, permissionId)}>{name(v.userId)}</button>
                  </td>
                  <td>{dept(v.userId)}</td>
                  <td><ScopeBadge scope={v.scope as 0 | 1 | 2 | 3 | 4 | 5} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {viewers.length > LISTED_VIEWERS && <p className="muted small">{ht('whoFirst', { shown: LISTED_VIEWERS })}</p>}
        </>
      )}
    </section>
  );
}
