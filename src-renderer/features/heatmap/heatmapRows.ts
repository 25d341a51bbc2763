import { type Department, departmentTree } from '../../../src-main/common/domain';
import type { User } from '../../../src-main/common/domain';

export type GroupBy = 'department' | 'manager';

/** One line of the access map: a group header (collapsible) or a person (row of the scope matrix). */
export type MapLine =
  | { kind: 'group'; id: string; label: string; depth: number; count: number; collapsed: boolean }
  | { kind: 'person'; userId: string; row: number; depth: number };

/** Departments depth-first in sibling order, with their depth: the order the tree shows them in. */
export function departmentsInTreeOrder(departments: readonly Department[]): { department: Department; depth: number }[] {
  return departmentTree(departments).inTreeOrder();
}

/**
 * The access map's lines: people grouped by their own department (in tree order) or by their direct
 * manager, with collapsed groups contributing only their header. `rowOf` maps a user to their matrix row.
 */
export function mapLines(
  users: readonly User[],
  departments: readonly Department[],
  rowOf: ReadonlyMap<string, number>,
  groupBy: GroupBy,
  collapsed: ReadonlySet<string>,
  noManagerLabel: string,
): MapLine[] {
  const present = users.filter((u) => rowOf.has(u.id));
  const lines: MapLine[] = [];
  const push = (id: string, label: string, depth: number, members: readonly User[]) => {
    if (members.length === 0) return;
    const isCollapsed = collapsed.has(id);
    lines.push({ kind: 'group', id, label, depth, count: members.length, collapsed: isCollapsed });
    if (!isCollapsed) for (const u of members) lines.push({ kind: 'person', userId: u.id, row: rowOf.get(u.id)!, depth });
  };
  if (groupBy === 'department') {
    const byDept = new Map<string, User[]>();
    for (const u of present) append(byDept, u.departmentId, u);
    for (const { department, depth } of departmentsInTreeOrder(departments)) push(`d:${department.id}`, department.name, depth, byDept.get(department.id) ?? []);
    const placed = new Set(departments.map((d) => d.id));
    push('d:?', '?', 0, present.filter((u) => !placed.has(u.departmentId)));
  } else {
    const names = new Map(users.map((u) => [u.id, u.name]));
    const byManager = new Map<string, User[]>();
    for (const u of present) {
      const key = u.managerId && names.has(u.managerId) ? u.managerId : '';
      append(byManager, key, u);
    }
    for (const [managerId, members] of byManager) push(`m:${managerId}`, managerId ? names.get(managerId)! : noManagerLabel, 0, members);
  }
  return lines;
}

/** A manager and everyone below them in the reporting line (scope 2's reach), for "my team". */
export function teamOf(users: readonly User[], managerId: string): string[] {
  const reports = new Map<string, string[]>();
  for (const u of users) if (u.managerId) append(reports, u.managerId, u.id);
  const team = new Set([managerId]);
  const stack = [managerId];
  while (stack.length) {
    for (const r of reports.get(stack.pop()!) ?? []) {
      if (team.has(r)) continue;
      team.add(r);
      stack.push(r);
    }
  }
  return users.filter((u) => team.has(u.id)).map((u) => u.id);
}

/** Adds to a multimap in place (copying the list on every add would be quadratic at 20k people). */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
