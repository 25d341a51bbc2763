import type { Id, Role, Snapshot } from '../../../common/domain';

/**
 * The grants the server will hold once a role is written: `groups/update` adds the parent of every level-2 id and
 * the parent and grandparent of every level-3 id it is given (application/admin/model/Group.php updateDataById,
 * "处理编辑时，前端可能不传父id的问题"), and the permission check needs them — HonrayAuth builds `m-c-a` from a tree of
 * the user's rules, so an action whose module or controller is missing grants nothing (extend/com/HonrayAuth.php,
 * OBSERVED §8.6). The PHP connector therefore plans and verifies the closed set: every role the draft writes (a
 * new one, or one whose grants or data scope change) gets the ancestors of all its grants, shown in the plan as grants of their
 * own. A revoke the closure would undo (a module or controller revoked while one of its actions stays) is refused
 * (see refusals.ts). Roles the draft does not write are left as they are.
 */
export function closeGrants(base: Snapshot, projection: Snapshot): Snapshot {
  if (base === projection) return projection;
  const ancestorsOf = ancestry(projection);
  const before = new Map(base.roles.map((r) => [r.id, r]));
  let changed = false;
  const roles = projection.roles.map((role): Role => {
    const was = before.get(role.id);
    // Written by setRoleAccess when its grants or its data scope change (both go through groups/update with rules).
    if (was === role || (was !== undefined && was.permissionIds === role.permissionIds && was.dataScope === role.dataScope)) return role;
    const closed = closure(role.permissionIds, ancestorsOf);
    if (closed === role.permissionIds) return role;
    changed = true;
    return { ...role, permissionIds: closed };
  });
  return changed ? { ...projection, roles } : projection;
}

/** The ids with every ancestor added after them (the same list object when nothing is missing). */
export function closure(ids: readonly Id[], ancestorsOf: (id: Id) => readonly Id[]): Id[] {
  const present = new Set(ids);
  let out: Id[] | null = null;
  for (const id of ids) {
    for (const a of ancestorsOf(id)) {
      if (present.has(a)) continue;
      present.add(a);
      (out ??= [...ids]).push(a);
    }
  }
  return out ?? (ids as Id[]);
}

/** Permission id → its ancestors, nearest first (unknown ids: none). Safe on a cycle. */
export function ancestry(snapshot: Snapshot): (id: Id) => readonly Id[] {
  const parent = new Map(snapshot.permissions.map((p) => [p.id, p.parentId]));
  const memo = new Map<Id, Id[]>();
  return (id) => {
    const known = memo.get(id);
    if (known) return known;
    const chain: Id[] = [];
    for (let node = parent.get(id) ?? null; node !== null && !chain.includes(node) && node !== id; node = parent.get(node) ?? null) chain.push(node);
    memo.set(id, chain);
    return chain;
  };
}
