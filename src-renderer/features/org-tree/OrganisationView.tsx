import type { ColumnDef } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { User, UserStatus } from '../../../src-main/common/domain';
import type { OrgView } from '../../../src-main/common/ipc';
import { DataTable } from '../../components/DataTable';
import { useFeatureT } from '../../i18n/featureMessages';
import { useT } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { useCatalogue } from '../../stores/rolesStore';
import { DraftProblemBanner } from '../drafts/DraftProblemBanner';
import { PersonPanel } from '../person/PersonPanel';
import { useFocusStore } from '../../stores/focusStore';
import { usePersonPanelStore } from '../person/personPanelStore';
import { DepartmentActions } from './DepartmentActions';
import { DepartmentTree } from './DepartmentTree';
import { indexDepartments } from './departmentIndex';
import type { DragItem } from './dragData';
import { gestureForDrop, type DropTarget } from './dropGesture';
import { OrgDropContext } from './dropTarget';
import { orgMessages } from './messages';
import { useOrgGesture } from './orgEdits';
import { useProjectedOrg } from './useProjectedOrg';
import { PersonNameCell } from './PersonNameCell';
import { ReportingLineTree } from './ReportingLineTree';
import { RolePalette } from './RolePalette';
import './org.css';

/**
 * The organisation as the active draft would leave it: departments (or the reporting line) on the left,
 * the people of the selected department in the middle, roles to drag on the right. Every edit is a draft
 * gesture; nothing reaches the CRM from here.
 */
export function OrganisationView() {
  const t = useT();
  const { view, error, retry } = useProjectedOrg();
  // The catalogue never changes with drafts; loading it now means the person panel and the access map
  // open without waiting for it.
  useCatalogue();
  return (
    <section className="view organisation-view" aria-labelledby="org-title">
      <h1 id="org-title">{t('org.title')}</h1>
      {error && !view ? (
        <div role="alert" className="load-error">
          <p>{t('app.error', { message: error })}</p>
          <button type="button" onClick={retry}>{t('app.retry')}</button>
        </div>
      ) : view ? (
        <OrganisationBody view={view} />
      ) : (
        <p className="loading" role="status">{t('app.loading')}</p>
      )}
    </section>
  );
}

function OrganisationBody({ view }: { view: OrgView }) {
  const t = useT();
  const ft = useFeatureT(orgMessages);
  const record = useOrgGesture();
  const draftId = useDraftStore((s) => s.activeDraftId);
  const openPerson = usePersonPanelStore((s) => s.open);
  const { departments, users } = view;
  const index = useMemo(() => indexDepartments(departments, users), [departments, users]);
  const usersById = useMemo(() => new Map(users.map((u) => [u.id, u])), [users]);
  const roleNames = useMemo(() => new Map(view.roles.map((r) => [r.id, r.name])), [view.roles]);
  const [mode, setMode] = useState<'department' | 'manager'>('department');
  const [chosen, setChosen] = useState<string | null>(null);
  // "Jump to" from another view: open the person, or select the department.
  const focusTarget = useFocusStore((st) => st.target);
  const clearFocus = useFocusStore((st) => st.clear);
  useEffect(() => {
    if (focusTarget?.kind === 'user' && usersById.has(focusTarget.id)) openPerson(focusTarget.id);
    else if (focusTarget?.kind === 'department' && index.byId.has(focusTarget.id)) setChosen(focusTarget.id);
    else return;
    clearFocus();
  }, [focusTarget, clearFocus, openPerson, usersById, index]);
  const selected = chosen && index.byId.has(chosen) ? chosen : (index.children.get(null)?.[0]?.id ?? null);
  const [includeSub, setIncludeSub] = useState(true);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<UserStatus | 'all'>('all');

  const onDrop = useCallback(
    (item: DragItem, target: DropTarget) => {
      const made = gestureForDrop(item, target, view, ft);
      if (made) void record(made);
    },
    [view, ft, record],
  );

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    return users.filter((u) => (status === 'all' || u.status === status) && (!q || u.name.toLowerCase().includes(q) || u.login.toLowerCase().includes(q)));
  }, [users, query, status]);
  const matchIds = useMemo(() => new Set(matches.map((u) => u.id)), [matches]);
  const visible = useMemo(() => {
    if (mode === 'manager' || !selected) return matches;
    const scope = includeSub ? index.subtree(selected) : new Set([selected]);
    return matches.filter((u) => scope.has(u.departmentId));
  }, [matches, selected, includeSub, index, mode]);

  const columns = useMemo<ColumnDef<User, unknown>[]>(
    () => [
      { id: 'name', header: t('org.col.name'), accessorFn: (u) => u.name, cell: (c) => <PersonNameCell user={c.row.original} /> },
      { id: 'login', header: t('org.col.login'), accessorFn: (u) => u.login },
      { id: 'title', header: t('org.col.title'), accessorFn: (u) => u.title },
      { id: 'department', header: t('org.col.department'), accessorFn: (u) => index.byId.get(u.departmentId)?.name ?? u.departmentId },
      { id: 'manager', header: t('org.col.manager'), accessorFn: (u) => (u.managerId ? (usersById.get(u.managerId)?.name ?? u.managerId) : t('org.none')) },
      {
        id: 'status',
        header: t('org.col.status'),
        accessorFn: (u) => u.status,
        cell: (c) => <span className={`status status-${c.getValue<string>()}`}>{t(`status.${c.getValue<UserStatus>()}`)}</span>,
      },
      { id: 'roles', header: t('org.col.roles'), enableSorting: false, accessorFn: (u) => u.roleIds.map((id) => roleNames.get(id) ?? id).join('、') },
    ],
    [t, index, usersById, roleNames],
  );

  const selectedDept = selected ? index.byId.get(selected) : undefined;
  const head = selectedDept?.headUserId ? usersById.get(selectedDept.headUserId) : undefined;

  return (
    <OrgDropContext.Provider value={onDrop}>
      <p className="muted small org-source">{draftId ? ft('draftView') : ft('baseView')}</p>
      <DraftProblemBanner />
      <div className="org-layout">
        <aside className="pane tree-pane">
          <div className="segmented" role="radiogroup" aria-label={ft('viewMode')}>
            {(['department', 'manager'] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="org-mode" checked={mode === m} onChange={() => setMode(m)} />
                {m === 'department' ? ft('byDepartment') : ft('byManager')}
              </label>
            ))}
          </div>
          {mode === 'department' ? (
            <>
              <h2>{t('org.departments')}</h2>
              <DepartmentTree index={index} selectedId={selected} onSelect={setChosen} />
            </>
          ) : (
            <>
              <h2>{ft('reportingLine')}</h2>
              <ReportingLineTree users={users} matches={matchIds} />
            </>
          )}
        </aside>
        <div className="pane people-pane">
          <header className="pane-header">
            <h2>
              {mode === 'department' ? (selectedDept?.name ?? t('org.people')) : t('org.people')} <small>{t('org.count', { count: visible.length })}</small>
            </h2>
            {mode === 'department' && selectedDept && (
              <>
                <p className="muted">{head ? t('org.head', { name: head.name }) : t('org.noHead')}</p>
                <DepartmentActions department={selectedDept} view={view} />
              </>
            )}
            <div className="toolbar">
              <input type="search" aria-label={t('org.search')} placeholder={t('org.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
              <label>
                {t('org.filterStatus')}{' '}
                <select value={status} onChange={(e) => setStatus(e.target.value as UserStatus | 'all')}>
                  <option value="all">{t('org.allStatuses')}</option>
                  <option value="active">{t('status.active')}</option>
                  <option value="inactive">{t('status.inactive')}</option>
                  <option value="disabled">{t('status.disabled')}</option>
                </select>
              </label>
              {mode === 'department' && (
                <label>
                  <input type="checkbox" checked={includeSub} onChange={(e) => setIncludeSub(e.target.checked)} /> {t('org.includeSub')}
                </label>
              )}
            </div>
          </header>
          <DataTable
            rows={visible}
            columns={columns}
            label={t('org.people')}
            getRowId={(u) => u.id}
            emptyText={t('org.empty')}
            onRowActivate={(u) => openPerson(u.id)}
            rowClassName={(u) => (u.status !== 'active' ? 'row-muted' : undefined)}
          />
        </div>
        <aside className="pane palette-pane">
          <RolePalette roles={view.roles} groups={view.groups} />
        </aside>
        <PersonPanel view={view} />
      </div>
    </OrgDropContext.Provider>
  );
}
