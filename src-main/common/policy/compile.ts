import type { Snapshot } from '../domain';
import type { CompileOptions, CompiledPolicy } from './compiledPolicy';
import { compileAssignments, compileDepartments, compileManagers, compileRoles, compileStatus, invertCsr } from './compileParts';
import { DenseIds } from './denseIds';
import { editionOf, EDITION_RULES } from './editionRules';
import { indexFieldRules } from './fieldIndex';
import { rememberProfileKeys } from './profileKeys';
import { buildProfiles } from './profiles';

/**
 * Compile a snapshot into dense indexes. Never throws on a snapshot the domain schema accepts, nor on what the
 * server itself can hold beyond it: unknown references (a user's role that does not exist, a grant of a
 * permission missing from the catalogue) are skipped, departments without a row still group their members,
 * manager and department cycles are walked round as the server walks them, data types outside 1..5 are read
 * as the server reads them (dataType.ts). validateSnapshot reports all of these; the engine still answers.
 * The snapshot's edition picks the rules (editionRules.ts): how scopes combine, who is super admin, the depth.
 */
export function compilePolicy(snapshot: Snapshot, options: CompileOptions = {}): CompiledPolicy {
  const edition = editionOf(snapshot);
  const rules = EDITION_RULES[edition];
  const recursionDepth = options.recursionDepth ?? rules.recursionDepth;
  const userIds = snapshot.users.map((u) => u.id);
  const permIds = snapshot.permissions.map((p) => p.id);
  const userIndex = new DenseIds(userIds);
  const permIndex = new DenseIds(permIds);

  const roles = compileRoles(snapshot, permIndex, rules);
  const assignments = compileAssignments(snapshot, roles, rules);
  const { start: roleMemberStart, list: roleMembers } = invertCsr(assignments.userRoleStart, assignments.userRoles, roles.roleCount);
  const profiles = buildProfiles({ rules, userCount: userIds.length, permCount: permIds.length, ...roles, ...assignments });
  const depts = compileDepartments(snapshot);
  const managers = compileManagers(snapshot, userIndex);

  const policy = assemble({
    snapshot, edition, rules, recursionDepth, userIds, userIndex, permIds, permIndex, roles, assignments, roleMemberStart, roleMembers,
    profiles, depts, managers, userStatus: compileStatus(snapshot),
    modules: indexFieldRules(snapshot, roles.roleIndex),
  });
  return rememberProfileKeys(policy, { keys: profiles.keys, index: profiles.keyToProfile });
}

export interface PolicyParts {
  snapshot: Snapshot;
  edition: CompiledPolicy['edition'];
  rules: CompiledPolicy['rules'];
  recursionDepth: number;
  userIds: readonly string[];
  userIndex: ReadonlyMap<string, number>;
  permIds: readonly string[];
  permIndex: ReadonlyMap<string, number>;
  roles: ReturnType<typeof compileRoles>;
  assignments: ReturnType<typeof compileAssignments>;
  roleMemberStart: Int32Array;
  roleMembers: Int32Array;
  profiles: ReturnType<typeof buildProfiles>;
  depts: ReturnType<typeof compileDepartments>;
  managers: ReturnType<typeof compileManagers>;
  userStatus: Uint8Array;
  modules: CompiledPolicy['modules'];
}

/** The parts laid out as the CompiledPolicy every question reads. */
export function assemble(p: PolicyParts): CompiledPolicy {
  const { roles, assignments, profiles, depts, managers } = p;
  return {
    snapshot: p.snapshot,
    edition: p.edition, rules: p.rules,
    recursionDepth: p.recursionDepth,
    userCount: p.userIds.length, userIds: p.userIds, userIndex: p.userIndex,
    userDept: depts.userDept, userManager: managers.userManager, userStatus: p.userStatus,
    userSuper: assignments.userSuper, userGatewayAdmin: assignments.userGatewayAdmin,
    userRoleStart: assignments.userRoleStart, userRoles: assignments.userRoles,
    userProfile: profiles.userProfile,
    roleCount: roles.roleCount, roleIds: roles.roleIds, roleIndex: roles.roleIndex,
    roleScope: roles.roleScope, roleRank: roles.roleRank, roleSuper: roles.roleSuper, gatewayRole: roles.gatewayRole,
    roleGateway: roles.roleGateway, roleReportsEveryone: roles.roleReportsEveryone,
    rolePermStart: roles.rolePermStart, rolePerms: roles.rolePerms,
    roleMemberStart: p.roleMemberStart, roleMembers: p.roleMembers,
    permCount: p.permIds.length, permIds: p.permIds, permIndex: p.permIndex,
    permRoleStart: roles.permRoleStart, permRoles: roles.permRoles,
    profileCount: profiles.profileCount,
    profileScopes: profiles.profileScopes,
    profileScopeBits: profiles.profileScopeBits,
    profileSample: profiles.profileSample,
    deptCount: depts.deptIds.length, knownDeptCount: p.snapshot.departments.length,
    deptIds: depts.deptIds, deptIndex: depts.deptIndex, deptParent: depts.deptParent,
    deptEnter: depts.tour.enter, deptExit: depts.tour.exit, deptDepth: depts.tour.depth,
    deptLoopRoot: depts.tour.loopRoot, deptLoop: depts.tour.loop,
    usersByDept: depts.usersByDept, deptUserStart: depts.deptUserStart,
    mgrEnter: managers.tour.enter, mgrExit: managers.tour.exit, mgrDepth: managers.tour.depth,
    mgrLoopRoot: managers.tour.loopRoot, mgrLoop: managers.tour.loop, usersByManager: managers.tour.order,
    modules: p.modules,
    memo: {},
  };
}
