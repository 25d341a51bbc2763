import type { Id, Snapshot } from '../../common/domain';

/** The projection in the server's ids: draft ids (`new-role:…`) replaced by what the push learned. */
export function remapIds(snapshot: Snapshot, ids: Readonly<Record<string, string>>): Snapshot {
  if (Object.keys(ids).length === 0) return snapshot;
  const id = (x: Id): Id => ids[x] ?? x;
  const maybe = (x: Id | null): Id | null => (x === null ? null : id(x));
  return {
    ...snapshot,
    departments: snapshot.departments.map((d) => ({ ...d, id: id(d.id), parentId: maybe(d.parentId) })),
    users: snapshot.users.map((u) => ({ ...u, departmentId: id(u.departmentId), roleIds: u.roleIds.map(id) })),
    roles: snapshot.roles.map((r) => ({ ...r, id: id(r.id) })),
    fieldRules: snapshot.fieldRules.map((f) => ({ ...f, roleId: id(f.roleId) })),
  };
}
