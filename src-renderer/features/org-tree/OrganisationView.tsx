import type { ColumnDef } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import type { User, UserStatus } from '../../../src-main/common/domain/user';
import { DataTable } from '../../components/DataTable';
import { LoadState } from '../../components/LoadState';
import { useT } from '../../i18n/useT';
import { useOrgStore } from '../../stores/orgStore';
import { useRolesStore } from '../../stores/rolesStore';
import { DepartmentTree } from './DepartmentTree';
import { indexDepartments } from './departmentIndex';

/** Departments on the left, the people of the selected department (and below) on the right. */
export function OrganisationView() {
  const t = useT();
  const org = useOrgStore((s) => s.resource);
  const loadOrg = useOrgStore((s) => s.load);
  const roles = useRolesStore((s) => s.resource);
  const loadRoles = useRolesStore((s) => s.load);
  useEffect(() => {
    void loadOrg();
    void loadRoles();
  }, [loadOrg, loadRoles]);

  return (
    <section className="view organisation-view" aria-labelledby="org-title">
      <h1 id="org-title">{t('org.title')}</h1>
      <LoadState resource={org} retry={loadOrg}>
        {(tree) => <OrganisationBody departments={tree.departments} users={tree.users} roleNames={roleNameMap(roles.data?.roles)} />}
      </LoadState>
    </section>
  );
}

function roleNameMap(roles: { id: string; name: string }[] | undefined) {
  return new Map((roles ?? []).map((r) => [r.id, r.name]));
}

function OrganisationBody({ departments, users, roleNames }: { departments: Parameters<typeof indexDepartments>[0]; users: User[]; roleNames: Map<string, string> }) {
  const t = useT();
  const index = useMemo(() => indexDepartments(departments, users), [departments, users]);
  const usersById = useMemo(() => new Map(users.map((u) => [u.id, u])), [users]);
  const [selected, setSelected] = useState<string | null>(index.children.get(null)?.[0]?.id ?? null);
  const [includeSub, setIncludeSub] = useState(true);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<UserStatus | 'all'>('all');

  const visible = useMemo(() => {
    const scope = selected ? (includeSub ? index.subtree(selected) : new Set([selected])) : null;
    const q = query.trim().toLowerCase();
    return users.filter(
      (u) =>
        (!scope || scope.has(u.departmentId)) &&
        (status === 'all' || u.status === status) &&
        (!q || u.name.toLowerCase().includes(q) || u.login.toLowerCase().includes(q)),
    );
  }, [users, selected, includeSub, query, status, index]);

  const columns = useMemo<ColumnDef<User, unknown>[]>(
    () => [
      { id: 'name', header: t('org.col.name'), accessorFn: (u) => u.name },
      { id: 'login', header: t('org.col.login'), accessorFn: (u) => u.login },
      { id: 'title', header: t('org.col.title'), accessorFn: (u) => u.title },
      { id: 'department', header: t('org.col.department'), accessorFn: (u) => index.byId.get(u.departmentId)?.name ?? u.departmentId },
      { id: 'manager', header: t('org.col.manager'), accessorFn: (u) => (u.managerId ? usersById.get(u.managerId)?.name ?? u.managerId : t('org.none')) },
      {
        id: 'status',
        header: t('org.col.status'),
        accessorFn: (u) => u.status,
        cell: (c) => <span className={`status status-${c.getValue<string>()}`}>{t(`status.${c.getValue<UserStatus>()}`)}</span>,
      },
      {
        id: 'roles',
        header: t('org.col.roles'),
        enableSorting: false,
        accessorFn: (u) => u.roleIds.map((id) => roleNames.get(id) ?? id).join('、'),
      },
    ],
    [t, index, usersById, roleNames],
  );

  const selectedDept = selected ? index.byId.get(selected) : undefined;
  const head = selectedDept?.headUserId ? usersById.get(selectedDept.headUserId) : undefined;

  return (
    <div className="split">
      <aside className="pane tree-pane">
        <h2>{t('org.departments')}</h2>
        <DepartmentTree index={index} selectedId={selected} onSelect={setSelected} />
      </aside>
      <div className="pane people-pane">
        <header className="pane-header">
          <h2>
            {selectedDept?.name ?? t('org.people')} <small>{t('org.count', { count: visible.length })}</small>
          </h2>
          <p className="muted">{head ? t('org.head', { name: head.name }) : t('org.noHead')}</p>
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
            <label>
              <input type="checkbox" checked={includeSub} onChange={(e) => setIncludeSub(e.target.checked)} /> {t('org.includeSub')}
            </label>
          </div>
        </header>
        <DataTable rows={visible} columns={columns} label={t('org.people')} getRowId={(u) => u.id} emptyText={t('org.empty')} rowClassName={(u) => (u.status !== 'active' ? 'row-muted' : undefined)} />
      </div>
    </div>
  );
}
