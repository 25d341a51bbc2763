import { useMemo, useState } from 'react';
import type { OrgRole } from '../../../src-main/common/ipc';
import type { RoleGroup } from '../../../src-main/common/domain';
import { ScopeBadge } from '../../components/ScopeBadge';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized } from '../../i18n/useT';
import { startDrag } from './dragData';
import { orgMessages } from './messages';

/** Roles to drag onto people or departments, grouped by role type, with the data scope each carries. */
export function RolePalette({ roles, groups }: { roles: readonly OrgRole[]; groups: readonly RoleGroup[] }) {
  const ft = useFeatureT(orgMessages);
  const localized = useLocalized();
  const [query, setQuery] = useState('');
  const byGroup = useMemo(() => {
    const q = query.trim().toLowerCase();
    return groups
      .map((g) => ({ group: g, roles: roles.filter((r) => r.groupId === g.id && (!q || r.name.toLowerCase().includes(q))) }))
      .filter((g) => g.roles.length > 0);
  }, [roles, groups, query]);
  return (
    <section className="role-palette" aria-label={ft('rolesPanel')}>
      <h2>{ft('rolesPanel')}</h2>
      <p className="muted small">{ft('rolesHint')}</p>
      <input type="search" aria-label={ft('roleSearch')} placeholder={ft('roleSearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <div className="role-palette-list">
        {byGroup.map(({ group, roles: list }) => (
          <div key={group.id} role="group" aria-label={localized(group.label)}>
            <h3>{localized(group.label)}</h3>
            <ul>
              {list.map((role) => (
                <li key={role.id} className="role-chip" draggable data-role-id={role.id} onDragStart={(e) => startDrag(e, { kind: 'role', roleId: role.id })}>
                  <span className="role-name">{role.name}</span>
                  {group.hasDataScope && <ScopeBadge scope={role.dataScope} />}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
