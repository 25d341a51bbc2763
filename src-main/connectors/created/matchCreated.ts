import type { Id, Snapshot } from '../../common/domain';

/**
 * Server ids of roles and departments a push created but whose id it never learned (the process stopped between
 * `add` and the re-read that finds the new row; the server returns no ids, reference §9): found in a fresh pull
 * as the row with the same name (and role type / parent) that did not exist when the push was planned.
 */
export function matchCreated(args: { plannedOn: Snapshot; projection: Snapshot; pulled: Snapshot; ids: Readonly<Record<string, string>> }): Record<string, string> {
  const { plannedOn, projection, pulled } = args;
  const ids: Record<string, string> = { ...args.ids };
  const claimed = new Set(Object.values(ids));
  const before = { roles: new Set(plannedOn.roles.map((r) => r.id)), departments: new Set(plannedOn.departments.map((d) => d.id)) };
  const serverId = (id: Id | null) => (id === null ? null : (ids[id] ?? id));
  for (const role of projection.roles) {
    if (before.roles.has(role.id) || ids[role.id]) continue;
    const found = pulled.roles.filter((r) => !before.roles.has(r.id) && !claimed.has(r.id) && r.name === role.name && r.groupId === role.groupId);
    if (found.length === 1) claimed.add((ids[role.id] = found[0]!.id));
  }
  // Parents first, so a department created under a new one finds its parent's id.
  const created = projection.departments.filter((d) => !before.departments.has(d.id) && !ids[d.id]);
  for (let pass = 0; pass < created.length; pass++) {
    for (const dept of created) {
      if (ids[dept.id]) continue;
      const parent = serverId(dept.parentId);
      const found = pulled.departments.filter((d) => !before.departments.has(d.id) && !claimed.has(d.id) && d.name === dept.name && d.parentId === parent);
      if (found.length === 1) claimed.add((ids[dept.id] = found[0]!.id));
    }
  }
  return ids;
}
