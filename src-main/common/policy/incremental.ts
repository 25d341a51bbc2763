import type { Snapshot } from '../domain';
import { compilePolicy } from './compile';
import type { CompiledPolicy } from './compiledPolicy';
import { compileRoles, compileStatus, invertCsr, type CompiledRoles } from './compileParts';
import { editionOf } from './editionRules';
import { indexFieldRules } from './fieldIndex';
import { updateAssignments, updateProfiles } from './incrementalRows';

export interface PolicyUpdate {
  readonly policy: CompiledPolicy;
  /** False when the change was structural (or too wide) and the snapshot was compiled afresh. */
  readonly incremental: boolean;
  /** Why a full compile was done, or what was updated. */
  readonly reason: string;
  readonly changedUsers: number;
  readonly refilledProfiles: number;
}

/** Beyond this share of changed people a fresh compile costs about the same and is simpler to trust. */
const MAX_CHANGED_SHARE = 0.25;

/**
 * The compiled policy of `next`, made from the compiled policy of an earlier state of the same organisation.
 * Drafts change snapshots copy-on-write (common/draft/workingTable.ts): untouched rows and arrays are the same
 * objects, so what changed is found by identity in one pass over the users.
 *
 * Role gestures — grants, revokes, data scopes, remarks, new roles, assigning and unassigning people, field
 * rules, user status — are updated in place of a compile: role-level indexes are rebuilt whole (a few hundred
 * roles), the people whose roles changed are re-filed under their profile (a new one if their role set is new),
 * and only the profile rows holding a changed role are recomputed. Structural changes (departments, moves,
 * managers, people added or removed, the catalogue, super users, deleted or reordered roles, the edition) compile
 * afresh. A person whose roles were only reordered is re-filed too: on PHP the order decides the scope.
 * The result answers every question exactly as compilePolicy(next) does (incremental.property.test.ts); only
 * the numbering of profiles may differ.
 */
export function updatePolicy(prev: CompiledPolicy, next: Snapshot): PolicyUpdate {
  if (next === prev.snapshot) return { policy: prev, incremental: true, reason: 'unchanged', changedUsers: 0, refilledProfiles: 0 };
  const structural = structuralChange(prev, next);
  if (structural) return fresh(prev, next, structural);

  const changed: number[] = [];
  let statusChanged = false;
  const before = prev.snapshot.users;
  for (let u = 0; u < before.length; u++) {
    const a = before[u]!;
    const b = next.users[u]!;
    if (a === b) continue;
    if (a.id !== b.id) return fresh(prev, next, 'people added, removed or reordered');
    if (a.departmentId !== b.departmentId || a.managerId !== b.managerId) return fresh(prev, next, 'people moved or got another manager');
    if (a.status !== b.status) statusChanged = true;
    if (!sameList(a.roleIds, b.roleIds)) changed.push(u);
  }
  const appended = next.roles.length > prev.roleCount;
  // A new role may carry an id someone already listed (compile skipped it while it was unknown): they change too.
  if (appended) addHoldersOf(next.roles.slice(prev.roleCount).map((r) => r.id), next, changed);
  if (changed.length > before.length * MAX_CHANGED_SHARE) return fresh(prev, next, `${changed.length} people changed roles`);

  const roles = compileRoles(next, prev.permIndex, prev.rules, appended ? undefined : { roleIds: prev.roleIds, roleIndex: prev.roleIndex });
  const changedRole = changedRoles(prev, next, roles);
  // Holders of a role that became or stopped being a gateway role (Java: the `admin` remark moved; PHP: `types`).
  const gatewayMoved: number[] = [];
  for (let r = 0; r < prev.roleCount; r++) if (roles.roleGateway[r] !== prev.roleGateway[r]) gatewayMoved.push(r);
  if (gatewayMoved.length > 0) addMembers(prev, gatewayMoved, changed);

  const assignments = updateAssignments(prev, next, roles, changed);
  const members = changed.length > 0 || appended
    ? invertCsr(assignments.userRoleStart, assignments.userRoles, roles.roleCount)
    : { start: prev.roleMemberStart, list: prev.roleMembers };
  const profiles = updateProfiles(prev, { ...roles, ...assignments, rules: prev.rules, permCount: prev.permCount, userCount: prev.userCount }, changed, changedRole);
  const sameRules = next.fieldRules === prev.snapshot.fieldRules && next.fields === prev.snapshot.fields && !appended;

  const policy: CompiledPolicy = {
    ...prev,
    snapshot: next,
    userStatus: statusChanged ? compileStatus(next) : prev.userStatus,
    userSuper: assignments.userSuper,
    userGatewayAdmin: assignments.userGatewayAdmin,
    userRoleStart: assignments.userRoleStart,
    userRoles: assignments.userRoles,
    userProfile: profiles.userProfile,
    roleCount: roles.roleCount, roleIds: roles.roleIds, roleIndex: roles.roleIndex,
    roleScope: roles.roleScope, roleRank: roles.roleRank, roleSuper: roles.roleSuper, gatewayRole: roles.gatewayRole,
    roleGateway: roles.roleGateway, roleReportsEveryone: roles.roleReportsEveryone,
    rolePermStart: roles.rolePermStart, rolePerms: roles.rolePerms, permRoleStart: roles.permRoleStart, permRoles: roles.permRoles,
    roleMemberStart: members.start, roleMembers: members.list,
    profileCount: profiles.profileCount,
    profileScopes: profiles.profileScopes,
    profileScopeBits: profiles.profileScopeBits,
    profileSample: profiles.profileSample,
    modules: sameRules ? prev.modules : indexFieldRules(next, roles.roleIndex),
    memo: {},
  };
  profiles.remember(policy);
  return { policy, incremental: true, reason: 'role gesture', changedUsers: changed.length, refilledProfiles: profiles.refilled };
}

function fresh(prev: CompiledPolicy, next: Snapshot, reason: string): PolicyUpdate {
  return { policy: compilePolicy(next, { recursionDepth: prev.recursionDepth }), incremental: false, reason, changedUsers: next.users.length, refilledProfiles: 0 };
}

/** What the update cannot patch: everything the tours, the catalogue numbering and the role numbering rest on. */
function structuralChange(prev: CompiledPolicy, next: Snapshot): string | null {
  const s = prev.snapshot;
  if (editionOf(next) !== prev.edition) return 'the edition changed';
  if (next.permissions !== s.permissions && !sameIds(next.permissions, prev.permIds)) return 'the catalogue changed';
  if (next.departments !== s.departments && !sameRows(next.departments, s.departments)) return 'departments changed';
  if (next.users.length !== s.users.length) return 'people added or removed';
  if (next.superUserIds !== s.superUserIds && !sameList(next.superUserIds, s.superUserIds)) return 'super users changed';
  if (next.roles.length < prev.roleCount) return 'roles deleted';
  for (let r = 0; r < prev.roleCount; r++) if (next.roles[r]!.id !== prev.roleIds[r]) return 'roles deleted or reordered';
  // Duplicate role ids (validateSnapshot reports them) resolve by first occurrence; leave those to a compile.
  if (next.roles.length > prev.roleCount && new Set(next.roles.map((r) => r.id)).size !== next.roles.length) return 'duplicate role ids';
  return null;
}

/** Existing roles whose rank, reports-as-everyone marker or grants changed: every profile holding one needs its row again. */
function changedRoles(prev: CompiledPolicy, next: Snapshot, roles: CompiledRoles): Uint8Array {
  const changed = new Uint8Array(roles.roleCount);
  const mark = new Int32Array(prev.permCount).fill(-1);
  for (let r = 0; r < prev.roleCount; r++) {
    if (next.roles[r] === prev.snapshot.roles[r]) continue;
    if (roles.roleRank[r] !== prev.roleRank[r] || roles.roleReportsEveryone[r] !== prev.roleReportsEveryone[r]) { changed[r] = 1; continue; }
    const from = prev.rolePermStart[r]!, to = prev.rolePermStart[r + 1]!;
    if (roles.rolePermStart[r + 1]! - roles.rolePermStart[r]! !== to - from) { changed[r] = 1; continue; }
    for (let i = from; i < to; i++) mark[prev.rolePerms[i]!] = r;
    for (let i = roles.rolePermStart[r]!; i < roles.rolePermStart[r + 1]!; i++) if (mark[roles.rolePerms[i]!] !== r) { changed[r] = 1; break; }
  }
  return changed;
}

/** Holders of these roles (numbers valid in prev) join `users`, kept ascending and unique. */
function addMembers(prev: CompiledPolicy, roleNumbers: readonly number[], users: number[]): void {
  const set = new Set(users);
  for (const r of roleNumbers) {
    if (r < 0 || r >= prev.roleCount) continue;
    for (let i = prev.roleMemberStart[r]!; i < prev.roleMemberStart[r + 1]!; i++) set.add(prev.roleMembers[i]!);
  }
  // A new gateway role has no members in prev; its holders, if any, already changed their roles.
  replaceSorted(users, set);
}

function addHoldersOf(roleIds: readonly string[], next: Snapshot, users: number[]): void {
  const ids = new Set(roleIds);
  const set = new Set(users);
  next.users.forEach((user, u) => { if (!set.has(u) && user.roleIds.some((r) => ids.has(r))) set.add(u); });
  if (set.size !== users.length) replaceSorted(users, set);
}

function replaceSorted(users: number[], set: ReadonlySet<number>): void {
  users.length = 0;
  for (const u of set) users.push(u);
  users.sort((a, b) => a - b);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => b[i] === x));
}

function sameIds(rows: readonly { id: string }[], ids: readonly string[]): boolean {
  return rows.length === ids.length && rows.every((row, i) => row.id === ids[i]);
}

function sameRows<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((row, i) => row === b[i]);
}
