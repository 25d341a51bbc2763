import { useEffect, useMemo, useState } from 'react';
import type { OrgView } from '../../../src-main/common/ipc';
import { ScopeBadge } from '../../components/ScopeBadge';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized, useT } from '../../i18n/useT';
import { useCatalogue } from '../../stores/rolesStore';
import { crmModules } from '../../../src-main/common/wukong';
import { heatmapMessages } from '../heatmap/messages';
import { orgMessages } from '../org-tree/messages';
import { gesture } from '../drafts/useRecordGesture';
import { useOrgGesture } from '../org-tree/orgEdits';
import { AccessSummary } from './AccessSummary';
import { personMessages } from './messages';
import { usePersonPanelStore } from './personPanelStore';
import { WhyPanel } from './WhyPanel';
import './person.css';

/**
 * The person side panel: who they are, moving them and changing their manager (the keyboard way to do
 * what dragging does), their roles, their effective access per module, and why for any cell.
 */
export function PersonPanel({ view }: { view: OrgView }) {
  const userId = usePersonPanelStore((s) => s.userId);
  const initialPermission = usePersonPanelStore((s) => s.permissionId);
  const close = usePersonPanelStore((s) => s.close);
  useEffect(() => {
    if (!userId) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [userId, close]);
  if (!userId) return null;
  return <PersonPanelBody key={`${userId}|${initialPermission}`} view={view} userId={userId} initialPermission={initialPermission} onClose={close} />;
}

function PersonPanelBody({ view, userId, initialPermission, onClose }: { view: OrgView; userId: string; initialPermission: string | null; onClose: () => void }) {
  const t = useT();
  const pt = useFeatureT(personMessages);
  const ot = useFeatureT(orgMessages);
  const ht = useFeatureT(heatmapMessages);
  const localized = useLocalized();
  const record = useOrgGesture();
  const catalogue = useCatalogue().shown;
  const modules = useMemo(() => crmModules(catalogue?.permissions ?? []), [catalogue]);
  const [why, setWhy] = useState<string | null>(initialPermission);
  const user = view.users.find((u) => u.id === userId);
  const [department, setDepartment] = useState(user?.departmentId ?? '');
  const [manager, setManager] = useState(user?.managerId ?? '');
  const [newRole, setNewRole] = useState('');

  if (!user) {
    return (
      <aside className="person-panel" aria-label={pt('panel', { name: userId })}>
        <p>{pt('notFound')}</p>
        <button type="button" onClick={onClose}>{pt('close')}</button>
      </aside>
    );
  }
  const deptName = (id: string) => view.departments.find((d) => d.id === id)?.name ?? id;
  const userName = (id: string) => view.users.find((u) => u.id === id)?.name ?? id;
  const permission = catalogue?.permissions.find((p) => p.id === why);
  const whyLabel = permission ? whyTitle(permission.key, modules, localized, ht) ?? localized(permission.label) : (why ?? '');

  const move = () =>
    department && department !== user.departmentId &&
    void record(gesture(ot('label_move', { who: user.name, department: deptName(department) }), { type: 'moveUsers', userIds: [user.id], departmentId: department }));
  const changeManager = () => {
    const next = manager || null;
    if (next === user.managerId) return;
    void record(
      gesture(next ? ot('label_manager', { who: user.name, manager: userName(next) }) : ot('label_noManager', { who: user.name }), { type: 'setManager', userId: user.id, managerId: next }),
    );
  };
  const removeRole = (roleId: string, name: string) => void record(gesture(ot('label_unassign', { role: name, who: user.name }), { type: 'unassignRoles', userIds: [user.id], roleIds: [roleId] }));
  const addRole = () => {
    const role = view.roles.find((r) => r.id === newRole);
    if (!role) return;
    void record(gesture(ot('label_assign', { role: role.name, count: 1 }), { type: 'assignRoles', userIds: [user.id], roleIds: [role.id] })).then((ok) => ok && setNewRole(''));
  };

  return (
    <aside className="person-panel" aria-label={pt('panel', { name: user.name })}>
      <header className="person-header">
        <h2>{user.name}</h2>
        <button type="button" onClick={onClose} aria-label={pt('close')}>✕</button>
      </header>
      <dl className="person-facts">
        <dt>{pt('login')}</dt>
        <dd>{user.login}</dd>
        <dt>{pt('department')}</dt>
        <dd>{deptName(user.departmentId)}</dd>
        <dt>{pt('manager')}</dt>
        <dd>{user.managerId ? userName(user.managerId) : t('org.none')}</dd>
        <dt>{pt('status')}</dt>
        <dd className={`status status-${user.status}`}>{t(`status.${user.status}`)}</dd>
      </dl>
      <div className="person-moves">
        <label>
          {pt('moveTo')}{' '}
          <select value={department} onChange={(e) => setDepartment(e.target.value)}>
            {view.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </select>
        </label>
        <button type="button" onClick={move} disabled={department === user.departmentId}>{pt('apply')}</button>
        <label>
          {pt('setManager')}{' '}
          <select value={manager} onChange={(e) => setManager(e.target.value)}>
            <option value="">{pt('noManager')}</option>
            {view.users.filter((u) => u.id !== user.id).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        </label>
        <button type="button" onClick={changeManager} disabled={(manager || null) === user.managerId}>{pt('apply')}</button>
      </div>
      <section aria-label={pt('roles')}>
        <h3>{pt('roles')}</h3>
        {user.roleIds.length === 0 && <p className="muted">{pt('noRoles')}</p>}
        <ul className="person-roles">
          {user.roleIds.map((id) => {
            const role = view.roles.find((r) => r.id === id);
            const name = role?.name ?? id;
            return (
              <li key={id}>
                <span>{name}</span>
                {role && <ScopeBadge scope={role.dataScope} />}
                <button type="button" className="link" onClick={() => removeRole(id, name)} aria-label={pt('removeRole', { role: name })}>✕</button>
              </li>
            );
          })}
        </ul>
        <div className="toolbar">
          <select aria-label={pt('addRole')} value={newRole} onChange={(e) => setNewRole(e.target.value)}>
            <option value="">{pt('addRole')}</option>
            {view.roles.filter((r) => !user.roleIds.includes(r.id)).map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
          <button type="button" onClick={addRole} disabled={!newRole}>{pt('add')}</button>
        </div>
      </section>
      <section aria-label={pt('access')}>
        <h3>{pt('access')}</h3>
        <p className="muted small">{pt('accessHint')}</p>
        <AccessSummary userId={user.id} modules={modules} selected={why} onSelect={setWhy} />
      </section>
      {why && <WhyPanel userId={user.id} permissionId={why} permissionLabel={whyLabel} />}
    </aside>
  );
}

/** "Customers · View list" for a `crm:customer:index` permission. */
function whyTitle(key: string, modules: ReturnType<typeof crmModules>, localized: (t: { 'zh-CN': string; en: string }) => string, ht: ReturnType<typeof useFeatureT<keyof (typeof heatmapMessages)['en']>>) {
  const [, module, action] = key.split(':');
  const m = modules.find((x) => x.key === module);
  if (!m || !action || !(`action.${action}` in heatmapMessages.en)) return null;
  return `${localized(m.label)} · ${ht(`action.${action}` as keyof (typeof heatmapMessages)['en'])}`;
}
