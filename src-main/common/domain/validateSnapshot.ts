import type { Snapshot } from './snapshot';

export interface SnapshotProblem {
  code:
    | 'DUPLICATE_ID'
    | 'MISSING_REFERENCE'
    | 'DEPARTMENT_CYCLE'
    | 'MANAGER_CYCLE'
    | 'ROOT_DEPARTMENT';
  message: string;
  /**
   * The WukongCRM server itself can hold this, through its own API, and the engine computes it as the server does:
   * a user in a department that has no row and a department under one (`setUser`, `addDept`, `setDept` never check
   * that the id exists), manager and department cycles (the 1109 / 1110 checks look 20 levels down only, and
   * nothing serialises concurrent edits), field rows of a deleted role (`/adminRole/delete` leaves them). A pull
   * may keep such a state (with a note) instead of refusing it; files and drafts should still be told.
   */
  serverCanHold: boolean;
}

/**
 * Referential integrity beyond what zod can say about one row: ids unique, every reference resolves,
 * no department or manager cycles (WukongCRM refuses them with 1110 / 1109), exactly one root department.
 */
export function validateSnapshot(snapshot: Snapshot): SnapshotProblem[] {
  const problems: SnapshotProblem[] = [];
  const missing = (what: string, serverCanHold = false) => problems.push({ code: 'MISSING_REFERENCE', message: what, serverCanHold });

  const departments = indexById(snapshot.departments, 'department', problems);
  const users = indexById(snapshot.users, 'user', problems);
  const permissions = indexById(snapshot.permissions, 'permission', problems);
  const roles = indexById(snapshot.roles, 'role', problems);
  const groups = indexById(snapshot.roleGroups, 'role group', problems);

  const roots = snapshot.departments.filter((d) => d.parentId === null);
  if (snapshot.departments.length > 0 && roots.length !== 1) {
    problems.push({ code: 'ROOT_DEPARTMENT', message: `expected one top-level department, found ${roots.length}`, serverCanHold: false });
  }
  for (const d of snapshot.departments) {
    if (d.parentId !== null && !departments.has(d.parentId)) missing(`department ${d.id}: parent ${d.parentId}`, true);
    if (d.headUserId !== null && !users.has(d.headUserId)) missing(`department ${d.id}: head ${d.headUserId}`);
  }
  for (const p of snapshot.permissions) {
    if (p.parentId !== null && !permissions.has(p.parentId)) missing(`permission ${p.id}: parent ${p.parentId}`);
  }
  for (const u of snapshot.users) {
    if (!departments.has(u.departmentId)) missing(`user ${u.id}: department ${u.departmentId}`, true);
    if (u.managerId !== null && !users.has(u.managerId)) missing(`user ${u.id}: manager ${u.managerId}`);
    for (const r of u.roleIds) if (!roles.has(r)) missing(`user ${u.id}: role ${r}`);
  }
  for (const r of snapshot.roles) {
    if (!groups.has(r.groupId)) missing(`role ${r.id}: group ${r.groupId}`);
    for (const p of r.permissionIds) if (!permissions.has(p)) missing(`role ${r.id}: permission ${p}`);
  }
  for (const g of snapshot.roleGroups) {
    for (const p of g.rootPermissionIds) if (!permissions.has(p)) missing(`role group ${g.id}: root ${p}`);
  }
  for (const f of snapshot.fieldRules) if (!roles.has(f.roleId)) missing(`field rule ${f.module}.${f.field}: role ${f.roleId}`, true);
  for (const id of snapshot.superUserIds) if (!users.has(id)) missing(`super user ${id}`);

  for (const id of findCycle(snapshot.departments.map((d) => [d.id, d.parentId]))) {
    problems.push({ code: 'DEPARTMENT_CYCLE', message: `department ${id} is its own ancestor`, serverCanHold: true });
  }
  for (const id of findCycle(snapshot.users.map((u) => [u.id, u.managerId]))) {
    problems.push({ code: 'MANAGER_CYCLE', message: `user ${id} is in their own reporting line`, serverCanHold: true });
  }
  return problems;
}

function indexById<T extends { id: string }>(rows: readonly T[], what: string, problems: SnapshotProblem[]) {
  const map = new Map<string, T>();
  for (const row of rows) {
    if (map.has(row.id)) problems.push({ code: 'DUPLICATE_ID', message: `${what} ${row.id} appears twice`, serverCanHold: false });
    map.set(row.id, row);
  }
  return map;
}

/** Ids that sit on a cycle of a parent-pointer forest (each reported once). Iterative: chains can be 100k long. */
export function findCycle(edges: ReadonlyArray<readonly [string, string | null]>): string[] {
  const parent = new Map(edges);
  const state = new Map<string, 1 | 2>(); // 1 = on the current walk, 2 = known to reach a root
  const onCycle: string[] = [];
  for (const [start] of edges) {
    if (state.has(start)) continue;
    const walk: string[] = [];
    let node: string | null | undefined = start;
    while (node != null && parent.has(node) && !state.has(node)) {
      state.set(node, 1);
      walk.push(node);
      node = parent.get(node);
    }
    if (node != null && state.get(node) === 1) {
      // The walk came back to itself: everything from `node` onwards is the cycle.
      onCycle.push(...walk.slice(walk.indexOf(node)));
    }
    for (const n of walk) state.set(n, 2);
  }
  return onCycle;
}
