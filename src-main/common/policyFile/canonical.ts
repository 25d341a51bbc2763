import type { Snapshot } from '../domain';
import { DEFAULT_EDITION, editionOf, editionRules } from '../policy';

/**
 * The order a snapshot file is written in, so that the same state always gives the same bytes and a change
 * shows up in a diff as the lines it touches: entities by id, and set-like id lists (a role's grants, a user's
 * roles) sorted too. Numeric ids (WukongCRM's) sort as numbers, others by code point.
 */
export function compareIds(a: string, b: string): number {
  const numeric = /^\d+$/;
  if (numeric.test(a) && numeric.test(b)) return a.length - b.length || codePointOrder(a, b);
  return codePointOrder(a, b);
}

/** Locale-independent string order: the same bytes on every machine. */
export function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((x, y) => compareIds(x.id, y.id));
const sortedIds = (ids: readonly string[]) => [...ids].sort(compareIds);
const byKeys = (...keys: string[]) => keys.join('\u0000');

/**
 * The snapshot with every list in file order. Importing a snapshot file gives back exactly this.
 *
 * The edition: absent and `wukong-crm-11` (Java) mean the same, so neither is written and the same Java state gives
 * the same bytes either way; another edition is written. A user's roles are a set on Java and sorted; on the PHP
 * edition their order decides the data scope (policy/editionRules.ts, `getUserByPer`), so it is kept.
 */
export function canonicalSnapshot(snapshot: Snapshot): Snapshot {
  const edition = editionOf(snapshot);
  const rolesInOrder = editionRules(snapshot).roleOrderMatters;
  return {
    schemaVersion: snapshot.schemaVersion,
    ...(edition === DEFAULT_EDITION ? {} : { edition }),
    source: { ...snapshot.source },
    departments: byId(snapshot.departments).map((d) => ({ ...d })),
    users: byId(snapshot.users).map((u) => ({ ...u, roleIds: rolesInOrder ? [...u.roleIds] : sortedIds(u.roleIds) })),
    permissions: byId(snapshot.permissions).map((p) => ({ ...p, label: { ...p.label } })),
    roleGroups: byId(snapshot.roleGroups).map((g) => ({ ...g, label: { ...g.label }, rootPermissionIds: sortedIds(g.rootPermissionIds) })),
    roles: byId(snapshot.roles).map((r) => ({ ...r, permissionIds: sortedIds(r.permissionIds) })),
    fields: [...snapshot.fields].sort((a, b) => codePointOrder(byKeys(a.module, a.name), byKeys(b.module, b.name))).map((f) => ({ ...f, label: { ...f.label } })),
    fieldRules: [...snapshot.fieldRules]
      .sort((a, b) => compareIds(a.roleId, b.roleId) || codePointOrder(byKeys(a.module, a.field), byKeys(b.module, b.field)))
      .map((r) => ({ ...r })),
    superUserIds: sortedIds(snapshot.superUserIds),
  };
}
