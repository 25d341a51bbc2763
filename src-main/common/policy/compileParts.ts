import type { Snapshot, UserStatus } from '../domain';
import { dataTypeRank, RANK_SCOPE } from './dataType';
import { DenseIds } from './denseIds';
import type { EditionRules } from './editionRules';
import { eulerTour, type EulerTour } from './eulerTour';

/**
 * The pieces of a compiled policy, each built from the snapshot alone so that compile.ts builds them all and
 * incremental.ts rebuilds only those a gesture touched.
 */

export const STATUS_CODE: Record<UserStatus, number> = { active: 0, inactive: 1, disabled: 2 };

export function indexOf(ids: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  // First occurrence wins for duplicate ids (validateSnapshot reports them).
  ids.forEach((id, i) => { if (!map.has(id)) map.set(id, i); });
  return map;
}

/** Transpose a CSR relation a → b into b → a (lists come out ascending in a). */
export function invertCsr(start: Int32Array, list: Int32Array, targetCount: number) {
  const outStart = new Int32Array(targetCount + 1);
  for (let i = 0; i < list.length; i++) outStart[list[i]! + 1]!++;
  for (let t = 0; t < targetCount; t++) outStart[t + 1]! += outStart[t]!;
  const fill = outStart.slice(0, targetCount);
  const out = new Int32Array(list.length);
  for (let a = 0; a + 1 < start.length; a++) {
    for (let i = start[a]!; i < start[a + 1]!; i++) out[fill[list[i]!]!++] = a;
  }
  return { start: outStart, list: out };
}

export interface CompiledRoles {
  readonly roleCount: number;
  readonly roleIds: readonly string[];
  readonly roleIndex: ReadonlyMap<string, number>;
  readonly roleScope: Uint8Array;
  readonly roleRank: Uint8Array;
  readonly roleSuper: Uint8Array;
  /** Number of the role the Java gateway treats as super admin (`remark = 'admin' limit 1`), -1 if none or on PHP. */
  readonly gatewayRole: number;
  /** Roles whose holders pass the gateway everywhere (editionRules.ts `gatewayRoleIds`). */
  readonly roleGateway: Uint8Array;
  /** Roles whose holders read scope 2 as everyone (editionRules.ts `reportsReadAsEveryone`). */
  readonly roleReportsEveryone: Uint8Array;
  readonly rolePermStart: Int32Array;
  readonly rolePerms: Int32Array;
  readonly permRoleStart: Int32Array;
  readonly permRoles: Int32Array;
}

/**
 * Roles: scope as the server reads it, rank for the max (and, on PHP, the raw type), the edition's super-admin,
 * gateway and reports-as-everyone markers, grants both ways. O(grants).
 */
export function compileRoles(
  snapshot: Snapshot, permIndex: ReadonlyMap<string, number>, rules: EditionRules,
  reuse?: { roleIds: readonly string[]; roleIndex: ReadonlyMap<string, number> },
): CompiledRoles {
  const roleIds = reuse?.roleIds ?? snapshot.roles.map((r) => r.id);
  const roleIndex = reuse?.roleIndex ?? new DenseIds(roleIds);
  const roleCount = roleIds.length;
  const permCount = permIndex.size;
  const roleScope = new Uint8Array(roleCount);
  const roleRank = new Uint8Array(roleCount);
  const roleSuper = new Uint8Array(roleCount);
  const roleReportsEveryone = new Uint8Array(roleCount);
  const rolePermStart = new Int32Array(roleCount + 1);
  const permsOfRoles: number[] = [];
  const seenPerm = new Int32Array(permCount).fill(-1);
  snapshot.roles.forEach((role, r) => {
    // A value outside 1..5 is read as 1 alone, but sorts by its raw value against other roles (dataType.ts).
    roleRank[r] = dataTypeRank(role.dataScope);
    roleScope[r] = RANK_SCOPE[roleRank[r]!]!;
    roleSuper[r] = rules.isSuperRole(role) ? 1 : 0;
    roleReportsEveryone[r] = rules.reportsReadAsEveryone(role) ? 1 : 0;
    for (const id of role.permissionIds) {
      const p = permIndex.get(id);
      if (p === undefined || seenPerm[p] === r) continue;
      seenPerm[p] = r;
      permsOfRoles.push(p);
    }
    rolePermStart[r + 1] = permsOfRoles.length;
  });
  const rolePerms = Int32Array.from(permsOfRoles);
  const { start: permRoleStart, list: permRoles } = invertCsr(rolePermStart, rolePerms, permCount);
  const roleGateway = new Uint8Array(roleCount);
  for (const id of rules.gatewayRoleIds(snapshot.roles)) roleGateway[roleIndex.get(id)!] = 1;
  const gatewayRole = rules.edition === 'wukong-crm-11' ? roleGateway.indexOf(1) : -1;
  return {
    roleCount, roleIds, roleIndex, roleScope, roleRank, roleSuper, gatewayRole, roleGateway, roleReportsEveryone,
    rolePermStart, rolePerms, permRoleStart, permRoles,
  };
}

export interface CompiledAssignments {
  readonly userRoleStart: Int32Array;
  readonly userRoles: Int32Array;
  readonly userSuper: Uint8Array;
  readonly userGatewayAdmin: Uint8Array;
}

/**
 * The users super admin by id: the snapshot's list (the pull's) and those the edition hard-codes (PHP user 1).
 * What `assignUser` is given, so that its check per user stays one set lookup.
 */
export function superUserSet(snapshot: Snapshot, rules: EditionRules): Set<string> {
  const set = new Set(snapshot.superUserIds);
  for (const id of rules.superUserIds) set.add(id);
  return set;
}

/**
 * One user's roles (known, deduplicated keeping the first, in the user's order) appended to `out`; returns the
 * flags. Keeping the first of a repeated role is also PHP's answer: a repeat adds a `type` already met, which
 * `array_unique` in `getUserByPer` removes.
 */
export function assignUser(
  snapshot: Snapshot, u: number, roles: CompiledRoles, superUsers: ReadonlySet<string>, out: number[], seenRole: Int32Array,
): { isSuper: boolean; gateway: boolean } {
  const user = snapshot.users[u]!;
  const hardCoded = superUsers.has(user.id);
  let isSuper = hardCoded;
  let gateway = hardCoded;
  for (const id of user.roleIds) {
    const r = roles.roleIndex.get(id);
    if (r === undefined || seenRole[r] === u) continue;
    seenRole[r] = u;
    out.push(r);
    if (roles.roleSuper[r]) isSuper = true;
    if (roles.roleGateway[r]) gateway = true;
  }
  return { isSuper, gateway };
}

export function compileAssignments(snapshot: Snapshot, roles: CompiledRoles, rules: EditionRules): CompiledAssignments {
  const userCount = snapshot.users.length;
  const userRoleStart = new Int32Array(userCount + 1);
  const userSuper = new Uint8Array(userCount);
  const userGatewayAdmin = new Uint8Array(userCount);
  const rolesOfUsers: number[] = [];
  const seenRole = new Int32Array(roles.roleCount).fill(-1);
  const superUsers = superUserSet(snapshot, rules);
  for (let u = 0; u < userCount; u++) {
    const flags = assignUser(snapshot, u, roles, superUsers, rolesOfUsers, seenRole);
    userSuper[u] = flags.isSuper ? 1 : 0;
    userGatewayAdmin[u] = flags.gateway ? 1 : 0;
    userRoleStart[u + 1] = rolesOfUsers.length;
  }
  return { userRoleStart, userRoles: Int32Array.from(rolesOfUsers), userSuper, userGatewayAdmin };
}

export interface CompiledDepartments {
  /** Department ids; those past snapshot.departments.length are referenced but have no row (see below). */
  readonly deptIds: readonly string[];
  readonly deptIndex: ReadonlyMap<string, number>;
  readonly deptParent: Int32Array;
  readonly tour: EulerTour;
  readonly userDept: Int32Array;
  readonly usersByDept: Int32Array;
  readonly deptUserStart: Int32Array;
}

/**
 * The department graph. The server matches scope 3 on `dept_id` alone and walks `pid` links for scope 4
 * (`AdminRoleServiceImpl#queryUserByAuth`, `AdminDeptServiceImpl#queryChildDept`), never checking that a row
 * exists — and `setUser`, `addDept` and `setDept` accept ids of departments that do not exist. So an id that a
 * user or a department points at without a row of its own becomes a node too (a root): its members see each
 * other at scope 3, and at scope 4 they see the departments filed under it.
 */
export function compileDepartments(snapshot: Snapshot): CompiledDepartments {
  const deptIds = snapshot.departments.map((d) => d.id);
  const deptIndex = indexOf(deptIds);
  const node = (id: string) => {
    let i = deptIndex.get(id);
    if (i === undefined) {
      i = deptIds.length;
      deptIds.push(id);
      deptIndex.set(id, i);
    }
    return i;
  };
  const parents = snapshot.departments.map((d, i) => {
    const parent = d.parentId === null ? -1 : node(d.parentId);
    return parent === i ? -1 : parent;
  });
  const userCount = snapshot.users.length;
  const userDept = new Int32Array(userCount);
  for (let u = 0; u < userCount; u++) userDept[u] = node(snapshot.users[u]!.departmentId);
  const deptCount = deptIds.length;
  const deptParent = new Int32Array(deptCount).fill(-1);
  deptParent.set(parents);
  const tour = eulerTour(deptParent);

  // Users in tour order of their department: a subtree's users form one slice.
  const deptUserStart = new Int32Array(deptCount + 1);
  for (let u = 0; u < userCount; u++) deptUserStart[tour.enter[userDept[u]!]! + 1]!++;
  for (let i = 0; i < deptCount; i++) deptUserStart[i + 1]! += deptUserStart[i]!;
  const usersByDept = new Int32Array(userCount);
  const fill = deptUserStart.slice(0, deptCount);
  for (let u = 0; u < userCount; u++) usersByDept[fill[tour.enter[userDept[u]!]!]!++] = u;
  return { deptIds, deptIndex, deptParent, tour, userDept, usersByDept, deptUserStart };
}

/** Manager numbers (-1 none, unknown, or self: WukongCRM refuses self as superior, 1130) and their tour. */
export function compileManagers(snapshot: Snapshot, userIndex: ReadonlyMap<string, number>) {
  const users = snapshot.users;
  const userManager = new Int32Array(users.length);
  for (let u = 0; u < users.length; u++) {
    const managerId = users[u]!.managerId;
    const m = managerId === null ? -1 : (userIndex.get(managerId) ?? -1);
    userManager[u] = m === u ? -1 : m;
  }
  return { userManager, tour: eulerTour(userManager) };
}

export function compileStatus(snapshot: Snapshot): Uint8Array {
  const users = snapshot.users;
  const out = new Uint8Array(users.length);
  for (let u = 0; u < users.length; u++) {
    // Compared, not looked up in STATUS_CODE: a keyed read per user was a tenth of a compile at a million users.
    const status = users[u]!.status;
    out[u] = status === 'active' ? STATUS_CODE.active : status === 'inactive' ? STATUS_CODE.inactive : status === 'disabled' ? STATUS_CODE.disabled : 0;
  }
  return out;
}
