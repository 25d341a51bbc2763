import type { Snapshot, UserStatus } from '../domain';
import type { CompileOptions, CompiledPolicy } from './compiledPolicy';
import { WUKONG_RECURSION_DEPTH } from './compiledPolicy';
import { eulerTour } from './eulerTour';
import { indexFieldRules } from './fieldIndex';
import { buildProfiles } from './profiles';

const STATUS_CODE: Record<UserStatus, number> = { active: 0, inactive: 1, disabled: 2 };

/**
 * Compile a snapshot into dense indexes. Unknown references (a user's role that does not exist, a grant
 * of a permission missing from the catalogue) are skipped: validateSnapshot reports them, the engine must
 * still answer for everything else.
 */
export function compilePolicy(snapshot: Snapshot, options: CompileOptions = {}): CompiledPolicy {
  const recursionDepth = options.recursionDepth ?? WUKONG_RECURSION_DEPTH;
  const userIds = snapshot.users.map((u) => u.id);
  const roleIds = snapshot.roles.map((r) => r.id);
  const permIds = snapshot.permissions.map((p) => p.id);
  const deptIds = snapshot.departments.map((d) => d.id);
  const userIndex = indexOf(userIds);
  const roleIndex = indexOf(roleIds);
  const permIndex = indexOf(permIds);
  const deptIndex = indexOf(deptIds);
  const userCount = userIds.length;
  const roleCount = roleIds.length;
  const permCount = permIds.length;
  const deptCount = deptIds.length;

  // Roles: scope, super-admin marker, grants.
  const roleScope = new Uint8Array(roleCount);
  const roleSuper = new Uint8Array(roleCount);
  const rolePermStart = new Int32Array(roleCount + 1);
  const permsOfRoles: number[] = [];
  const seenPerm = new Int32Array(permCount).fill(-1);
  snapshot.roles.forEach((role, r) => {
    roleScope[r] = role.dataScope;
    // WukongCRM finds the super-admin role by remark = 'admin' (reference §4.1).
    roleSuper[r] = role.remark === 'admin' ? 1 : 0;
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

  // Users: department, manager, status, roles, super admin.
  const userDept = new Int32Array(userCount);
  const userManager = new Int32Array(userCount);
  const userStatus = new Uint8Array(userCount);
  const userSuper = new Uint8Array(userCount);
  const userRoleStart = new Int32Array(userCount + 1);
  const rolesOfUsers: number[] = [];
  const seenRole = new Int32Array(roleCount).fill(-1);
  const superUsers = new Set(snapshot.superUserIds);
  snapshot.users.forEach((user, u) => {
    userDept[u] = deptIndex.get(user.departmentId) ?? -1;
    userManager[u] = user.managerId === null ? -1 : (userIndex.get(user.managerId) ?? -1);
    if (userManager[u] === u) userManager[u] = -1; // WukongCRM refuses self as superior (1130)
    userStatus[u] = STATUS_CODE[user.status];
    let isSuper = superUsers.has(user.id);
    for (const id of user.roleIds) {
      const r = roleIndex.get(id);
      if (r === undefined || seenRole[r] === u) continue;
      seenRole[r] = u;
      rolesOfUsers.push(r);
      if (roleSuper[r]) isSuper = true;
    }
    userSuper[u] = isSuper ? 1 : 0;
    userRoleStart[u + 1] = rolesOfUsers.length;
  });
  const userRoles = Int32Array.from(rolesOfUsers);
  const { start: roleMemberStart, list: roleMembers } = invertCsr(userRoleStart, userRoles, roleCount);

  const profiles = buildProfiles({
    userCount, permCount, userSuper, userRoleStart, userRoles, roleScope, rolePermStart, rolePerms,
  });

  // Department tree and the users of each department in tour order: a subtree's users form one slice.
  const deptParent = new Int32Array(deptCount);
  snapshot.departments.forEach((d, i) => {
    const parent = d.parentId === null ? -1 : (deptIndex.get(d.parentId) ?? -1);
    deptParent[i] = parent === i ? -1 : parent;
  });
  const deptTour = eulerTour(deptParent);
  const deptUserStart = new Int32Array(deptCount + 1);
  for (let u = 0; u < userCount; u++) {
    const d = userDept[u]!;
    if (d >= 0) deptUserStart[deptTour.enter[d]! + 1]!++;
  }
  for (let i = 0; i < deptCount; i++) deptUserStart[i + 1]! += deptUserStart[i]!;
  const usersByDept = new Int32Array(deptUserStart[deptCount]!);
  const fill = deptUserStart.slice(0, deptCount);
  for (let u = 0; u < userCount; u++) {
    const d = userDept[u]!;
    if (d >= 0) usersByDept[fill[deptTour.enter[d]!]!++] = u;
  }

  const mgrTour = eulerTour(userManager);

  return {
    snapshot,
    recursionDepth,
    userCount, userIds, userIndex, userDept, userManager, userStatus, userSuper, userRoleStart, userRoles,
    userProfile: profiles.userProfile,
    roleCount, roleIds, roleIndex, roleScope, roleSuper, rolePermStart, rolePerms, roleMemberStart, roleMembers,
    permCount, permIds, permIndex, permRoleStart, permRoles,
    profileCount: profiles.profileCount,
    profileScopes: profiles.profileScopes,
    profileScopeBits: profiles.profileScopeBits,
    profileSample: profiles.profileSample,
    deptCount, deptIds, deptIndex, deptParent,
    deptEnter: deptTour.enter, deptExit: deptTour.exit, deptDepth: deptTour.depth,
    usersByDept, deptUserStart,
    mgrEnter: mgrTour.enter, mgrExit: mgrTour.exit, mgrDepth: mgrTour.depth, usersByManager: mgrTour.order,
    modules: indexFieldRules(snapshot, roleIndex),
  };
}

function indexOf(ids: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  // First occurrence wins for duplicate ids (validateSnapshot reports them).
  ids.forEach((id, i) => { if (!map.has(id)) map.set(id, i); });
  return map;
}

/** Transpose a CSR relation a → b into b → a (lists come out ascending in a). */
function invertCsr(start: Int32Array, list: Int32Array, targetCount: number) {
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
