import type { FieldAccess, FieldMask } from '../domain';
import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER } from '../domain';
import type { CompiledPolicy, ScopeValue } from './compiledPolicy';
import { fieldCodes } from './fields';
import { changedRoles, changedMaskModules, rulesChangedModules } from './impactCandidates';

export interface PermissionChange {
  readonly permissionId: string;
  readonly before: ScopeValue;
  readonly after: ScopeValue;
}

export interface FieldChange {
  readonly module: string;
  readonly field: string;
  readonly before: { readonly access: FieldAccess; readonly mask: FieldMask };
  readonly after: { readonly access: FieldAccess; readonly mask: FieldMask };
}

export interface UserImpact {
  readonly userId: string;
  readonly kind: 'changed' | 'added' | 'removed';
  readonly permissions: readonly PermissionChange[];
  readonly fields: readonly FieldChange[];
  /** Department or manager changed: same scope numbers, different people behind them. */
  readonly moved: boolean;
}

export interface ImpactReport {
  readonly users: readonly UserImpact[];
  readonly counts: {
    readonly usersAffected: number;
    readonly gained: number;
    readonly lost: number;
    readonly widened: number;
    readonly narrowed: number;
    readonly fieldChanges: number;
    readonly moved: number;
    readonly candidatesExamined: number;
  };
}

interface ProfileDiff {
  permissions: PermissionChange[];
  fields: FieldChange[];
}

/**
 * Who gains or loses which permission, scope or field access between two compiled snapshots.
 * Only candidates are examined: users holding a role whose grants, scope, super-admin marker or field
 * rules changed, users whose own roles, department, manager or super-admin flag changed, and everyone
 * when a field's server-wide mask changed. Differences are computed once per (profile before, profile
 * after) pair, so a one-role change at 100k users costs little more than listing that role's members.
 */
export function impact(before: CompiledPolicy, after: CompiledPolicy): ImpactReport {
  const roles = changedRoles(before, after);
  const maskModules = changedMaskModules(before, after);
  const fieldModules = rulesChangedModules(before, after);
  const candidate = new Uint8Array(after.userCount);
  const mark = (policy: CompiledPolicy, roleNumber: number, onAfter: boolean) => {
    for (let i = policy.roleMemberStart[roleNumber]!; i < policy.roleMemberStart[roleNumber + 1]!; i++) {
      const u = policy.roleMembers[i]!;
      const a = onAfter ? u : after.userIndex.get(before.userIds[u]!);
      if (a !== undefined) candidate[a] = 1;
    }
  };
  for (const id of roles) {
    const b = before.roleIndex.get(id);
    const a = after.roleIndex.get(id);
    if (b !== undefined) mark(before, b, false);
    if (a !== undefined) mark(after, a, true);
  }
  // A field's server-wide mask reaches everyone; a catalogue that gained or lost permissions changes every
  // super admin's row and every role that named a vanished id, without any role object changing.
  // Another edition reads every role by other rules (editionRules.ts): everyone is a candidate.
  const editionChanged = before.edition !== after.edition;
  if (maskModules.size > 0 || !sameCatalogue(before, after) || editionChanged) candidate.fill(1);

  const users: UserImpact[] = [];
  const pairCache = new Map<number, ProfileDiff>();
  const permMap = mapPermissions(before, after);
  let examined = 0;
  // Drafts keep users in place: when both lists hold the same ids in the same order, skip the id lookups.
  const aligned = before.snapshot.users === after.snapshot.users || before.userIds === after.userIds
    || (before.userCount === after.userCount && before.userIds.every((id, i) => after.userIds[i] === id));
  for (let a = 0; a < after.userCount; a++) {
    const id = after.userIds[a]!;
    const b = aligned ? a : before.userIndex.get(id);
    if (b === undefined) {
      users.push({ userId: id, kind: 'added', permissions: heldPermissions(after, a, true), fields: [], moved: false });
      continue;
    }
    const userB = before.snapshot.users[b]!;
    const userA = after.snapshot.users[a]!;
    // Drafts share unchanged user objects between snapshots: nothing about this user changed.
    if (userB === userA && !candidate[a] && before.userSuper[b] === after.userSuper[a]) continue;
    const moved = userB.departmentId !== userA.departmentId || userB.managerId !== userA.managerId;
    const sameRoles = sameRoleIds(before, b, after, a) && before.userSuper[b] === after.userSuper[a];
    if (!candidate[a] && sameRoles && !moved) continue;
    examined++;
    const pb = before.userProfile[b]!;
    const pa = after.userProfile[a]!;
    const key = pb * after.profileCount + pa;
    let diff = pairCache.get(key);
    if (!diff) {
      diff = diffProfiles(before, b, after, a, permMap, sameRoles && !editionChanged ? fieldModules : null);
      pairCache.set(key, diff);
    }
    if (diff.permissions.length || diff.fields.length || moved) {
      users.push({ userId: id, kind: 'changed', permissions: diff.permissions, fields: diff.fields, moved });
    }
  }
  for (let b = 0; b < before.userCount && !aligned; b++) {
    if (!after.userIndex.has(before.userIds[b]!)) {
      users.push({ userId: before.userIds[b]!, kind: 'removed', permissions: heldPermissions(before, b, false), fields: [], moved: false });
    }
  }

  let gained = 0, lost = 0, widened = 0, narrowed = 0, fieldChanges = 0, movedCount = 0;
  for (const u of users) {
    if (u.moved) movedCount++;
    fieldChanges += u.fields.length;
    for (const c of u.permissions) {
      if (c.before === 0) gained++;
      else if (c.after === 0) lost++;
      else if (c.after > c.before) widened++;
      else narrowed++;
    }
  }
  return {
    users,
    counts: { usersAffected: users.length, gained, lost, widened, narrowed, fieldChanges, moved: movedCount, candidatesExamined: examined },
  };
}

/** For every permission number of `before`, its number in `after` (-1 when gone), and the new ones. */
function mapPermissions(before: CompiledPolicy, after: CompiledPolicy) {
  const toAfter = Int32Array.from(before.permIds, (id) => after.permIndex.get(id) ?? -1);
  const onlyAfter: number[] = [];
  after.permIds.forEach((id, p) => { if (!before.permIndex.has(id)) onlyAfter.push(p); });
  return { toAfter, onlyAfter };
}

function diffProfiles(
  before: CompiledPolicy, b: number, after: CompiledPolicy, a: number,
  permMap: ReturnType<typeof mapPermissions>, onlyModules: ReadonlySet<string> | null,
): ProfileDiff {
  const permissions: PermissionChange[] = [];
  const rowB = before.userProfile[b]! * before.permCount;
  const rowA = after.userProfile[a]! * after.permCount;
  for (let p = 0; p < before.permCount; p++) {
    const pa = permMap.toAfter[p]!;
    const sb = before.profileScopes[rowB + p]! as ScopeValue;
    const sa = pa < 0 ? 0 : (after.profileScopes[rowA + pa]! as ScopeValue);
    if (sb !== sa) permissions.push({ permissionId: before.permIds[p]!, before: sb, after: sa });
  }
  for (const pa of permMap.onlyAfter) {
    const sa = after.profileScopes[rowA + pa]! as ScopeValue;
    if (sa !== 0) permissions.push({ permissionId: after.permIds[pa]!, before: 0, after: sa });
  }

  const fields: FieldChange[] = [];
  for (const [module, compiledAfter] of after.modules) {
    if (onlyModules && !onlyModules.has(module)) continue;
    const compiledBefore = before.modules.get(module);
    const codesA = fieldCodes(after, a, compiledAfter);
    const codesB = compiledBefore ? fieldCodes(before, b, compiledBefore) : null;
    compiledAfter.fields.forEach((field, f) => {
      const fb = compiledBefore?.fieldIndex.get(field);
      // A field new to the catalogue was not restricted before: edit / none.
      const accB = codesB && fb !== undefined ? codesB.access[fb]! : 2;
      const maskB = codesB && fb !== undefined ? codesB.mask[fb]! : 0;
      if (accB !== codesA.access[f] || maskB !== codesA.mask[f]) {
        fields.push({
          module,
          field,
          before: { access: FIELD_ACCESS_ORDER[accB]!, mask: FIELD_MASK_ORDER[maskB]! },
          after: { access: FIELD_ACCESS_ORDER[codesA.access[f]!]!, mask: FIELD_MASK_ORDER[codesA.mask[f]!]! },
        });
      }
    });
  }
  return { permissions, fields };
}

function heldPermissions(policy: CompiledPolicy, u: number, added: boolean): PermissionChange[] {
  const out: PermissionChange[] = [];
  const row = policy.userProfile[u]! * policy.permCount;
  for (let p = 0; p < policy.permCount; p++) {
    const s = policy.profileScopes[row + p]! as ScopeValue;
    if (s !== 0) out.push({ permissionId: policy.permIds[p]!, before: added ? 0 : s, after: added ? s : 0 });
  }
  return out;
}

function sameCatalogue(before: CompiledPolicy, after: CompiledPolicy): boolean {
  if (before.snapshot.permissions === after.snapshot.permissions) return true;
  return before.permCount === after.permCount && before.permIds.every((id, p) => after.permIds[p] === id);
}

/** Whether the user holds the same roles (in the same order where the edition reads it: PHP). */
function sameRoleIds(before: CompiledPolicy, b: number, after: CompiledPolicy, a: number): boolean {
  const ub = before.snapshot.users[b]!.roleIds;
  const ua = after.snapshot.users[a]!.roleIds;
  if (ub === ua || (ub.length === ua.length && ub.every((id, i) => ua[i] === id))) return true;
  const lb = before.userRoleStart[b + 1]! - before.userRoleStart[b]!;
  const la = after.userRoleStart[a + 1]! - after.userRoleStart[a]!;
  if (lb !== la) return false;
  if (after.rules.roleOrderMatters || before.rules.roleOrderMatters) {
    for (let i = 0; i < la; i++) {
      if (before.roleIds[before.userRoles[before.userRoleStart[b]! + i]!] !== after.roleIds[after.userRoles[after.userRoleStart[a]! + i]!]) return false;
    }
    return true;
  }
  const ids = new Set<string>();
  for (let i = before.userRoleStart[b]!; i < before.userRoleStart[b + 1]!; i++) ids.add(before.roleIds[before.userRoles[i]!]!);
  for (let i = after.userRoleStart[a]!; i < after.userRoleStart[a + 1]!; i++) if (!ids.has(after.roleIds[after.userRoles[i]!]!)) return false;
  return true;
}
