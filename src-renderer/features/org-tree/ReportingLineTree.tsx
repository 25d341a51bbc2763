import { useMemo, useState } from 'react';
import type { User } from '../../../src-main/common/domain';
import { useFeatureT } from '../../i18n/featureMessages';
import { usePersonPanelStore } from '../person/personPanelStore';
import { startDrag } from './dragData';
import { useDropProps } from './dropTarget';
import { orgMessages } from './messages';

const LARGE_ORG = 500;

interface ReportingLineTreeProps {
  users: readonly User[];
  /** People that match the search and status filter; their managers stay visible to keep the line. */
  matches: ReadonlySet<string>;
}

/**
 * People by reporting line (manager → reports), the chain that scope 2 "self + reports" follows. Drop a
 * person on another to make the second the first's manager.
 */
export function ReportingLineTree({ users, matches }: ReportingLineTreeProps) {
  const ft = useFeatureT(orgMessages);
  const { reports, roots, shown } = useMemo(() => {
    const byId = new Map(users.map((u) => [u.id, u]));
    const reports = new Map<string, User[]>();
    const roots: User[] = [];
    for (const u of users) {
      if (!u.managerId || !byId.has(u.managerId)) roots.push(u);
      else if (reports.has(u.managerId)) reports.get(u.managerId)!.push(u);
      else reports.set(u.managerId, [u]);
    }
    // A match keeps its whole chain above visible; the guard stops at a loop in bad data.
    const shown = new Set<string>();
    for (const id of matches) {
      let at: User | undefined = byId.get(id);
      while (at && !shown.has(at.id)) {
        shown.add(at.id);
        at = at.managerId ? byId.get(at.managerId) : undefined;
      }
    }
    return { reports, roots, shown };
  }, [users, matches]);
  // A large org opens folded below the top of the line, so the tree does not put thousands of nodes in the page.
  const [collapsed, setCollapsed] = useState<Set<string>>(() =>
    users.length > LARGE_ORG ? new Set(users.filter((u) => u.managerId && reports.has(u.id)).map((u) => u.id)) : new Set(),
  );
  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <ul role="tree" aria-label={ft('reportingLine')} className="reporting-tree">
      {roots.filter((r) => shown.has(r.id)).map((r) => (
        <PersonNode key={r.id} user={r} level={1} reports={reports} shown={shown} matches={matches} collapsed={collapsed} toggle={toggle} />
      ))}
    </ul>
  );
}

interface PersonNodeProps {
  user: User;
  level: number;
  reports: Map<string, User[]>;
  shown: Set<string>;
  matches: ReadonlySet<string>;
  collapsed: Set<string>;
  toggle: (id: string) => void;
}

function PersonNode({ user, level, reports, shown, matches, collapsed, toggle }: PersonNodeProps) {
  const ft = useFeatureT(orgMessages);
  const openPerson = usePersonPanelStore((s) => s.open);
  const drop = useDropProps({ kind: 'person', userId: user.id });
  const kids = (reports.get(user.id) ?? []).filter((k) => shown.has(k.id));
  const open = !collapsed.has(user.id);
  return (
    <li role="treeitem" aria-level={level} aria-expanded={kids.length ? open : undefined} aria-selected={false}>
      <div className="tree-row" style={{ paddingInlineStart: `${level * 14}px` }}>
        {kids.length > 0 ? (
          <button type="button" className="twisty-button" aria-label={ft('reports', { count: kids.length })} aria-expanded={open} onClick={() => toggle(user.id)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="twisty-spacer" />
        )}
        <button
          type="button"
          className={`tree-label person-label status-${user.status}${matches.has(user.id) ? '' : ' context-only'}`}
          draggable
          title={ft('dragPerson', { name: user.name })}
          data-user-id={user.id}
          onDragStart={(e) => startDrag(e, { kind: 'person', userId: user.id })}
          {...drop}
          onClick={() => openPerson(user.id)}
        >
          <span className="tree-name">{user.name}</span>
          <span className="muted">{user.title}</span>
          {kids.length > 0 && <span className="tree-count">{kids.length}</span>}
        </button>
      </div>
      {kids.length > 0 && open && (
        <ul role="group">
          {kids.map((k) => (
            <PersonNode key={k.id} user={k} level={level + 1} reports={reports} shown={shown} matches={matches} collapsed={collapsed} toggle={toggle} />
          ))}
        </ul>
      )}
    </li>
  );
}
