import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { RoleSummary } from '../../../src-main/common/ipc';
import { DataTable } from '../../components/DataTable';
import { LoadState } from '../../components/LoadState';
import { ScopeBadge } from '../../components/ScopeBadge';
import { useLocalized, useT } from '../../i18n/useT';
import { useRoleList } from '../../stores/rolesStore';

/** The role list tab: every role with its type, data scope and how many people hold it. */
export function RoleListTab() {
  const t = useT();
  const localized = useLocalized();
  const resource = useRoleList();
  const [query, setQuery] = useState('');

  const groupNames = useMemo(
    () => new Map((resource.shown?.groups ?? []).map((g) => [g.id, localized(g.label)])),
    [resource.shown, localized],
  );

  const columns = useMemo<ColumnDef<RoleSummary, unknown>[]>(
    () => [
      {
        id: 'name',
        header: t('roles.col.name'),
        accessorFn: (r) => r.name,
        cell: (c) => (
          <span>
            {c.row.original.name}
            {c.row.original.superAdmin && <span className="tag" title={t('roles.superAdmin')}> ★</span>}
            {c.row.original.memberCount === 0 && <span className="tag warn"> {t('roles.unused')}</span>}
          </span>
        ),
      },
      { id: 'group', header: t('roles.col.group'), accessorFn: (r) => groupNames.get(r.groupId) ?? r.groupId },
      { id: 'scope', header: t('roles.col.scope'), accessorFn: (r) => r.dataScope, cell: (c) => <ScopeBadge scope={c.row.original.dataScope} /> },
      { id: 'members', header: t('roles.col.members'), accessorFn: (r) => r.memberCount },
      { id: 'active', header: t('roles.col.active'), accessorFn: (r) => r.activeMemberCount },
      { id: 'permissions', header: t('roles.col.permissions'), accessorFn: (r) => r.permissionCount },
      { id: 'status', header: t('roles.col.status'), accessorFn: (r) => (r.enabled ? t('roles.enabled') : t('roles.disabled')) },
    ],
    [t, groupNames],
  );

  return (
    <>
      <LoadState resource={resource}>
        {(data) => {
          const q = query.trim().toLowerCase();
          const rows = q ? data.roles.filter((r) => r.name.toLowerCase().includes(q) || (groupNames.get(r.groupId) ?? '').toLowerCase().includes(q)) : data.roles;
          return (
            <>
              <div className="toolbar">
                <input type="search" aria-label={t('roles.search')} placeholder={t('roles.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
                <span className="muted">{t('roles.count', { count: rows.length })}</span>
              </div>
              <DataTable rows={rows} columns={columns} label={t('roles.title')} getRowId={(r) => r.id} emptyText={t('org.empty')} />
            </>
          );
        }}
      </LoadState>
    </>
  );
}
