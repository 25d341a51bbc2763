import type { Snapshot } from '../domain';
import type { CompiledPolicy } from './compiledPolicy';
import { assignUser, superUserSet, type CompiledAssignments, type CompiledRoles } from './compileParts';
import { profileKeysOf, rememberProfileKeys } from './profileKeys';
import { fillProfileRow, profileKey, type ProfileInputs } from './profiles';

/**
 * The per-person half of an incremental update (incremental.ts): the user → role lists with only the changed
 * people re-read, and the profiles with only the changed people re-filed and only the touched rows recomputed.
 */

/** User → roles CSR: unchanged people's runs copied block-wise from prev, changed people read from `next`. */
export function updateAssignments(prev: CompiledPolicy, next: Snapshot, roles: CompiledRoles, changed: readonly number[]): CompiledAssignments {
  if (changed.length === 0) {
    return { userRoleStart: prev.userRoleStart, userRoles: prev.userRoles, userSuper: prev.userSuper, userGatewayAdmin: prev.userGatewayAdmin };
  }
  const n = prev.userCount;
  let capacity = prev.userRoles.length;
  for (const u of changed) capacity += next.users[u]!.roleIds.length;
  const userRoles = new Int32Array(capacity);
  const userRoleStart = new Int32Array(n + 1);
  const userSuper = prev.userSuper.slice();
  const userGatewayAdmin = prev.userGatewayAdmin.slice();
  const superUsers = superUserSet(next, prev.rules);
  const seenRole = new Int32Array(roles.roleCount).fill(-1);
  const scratch: number[] = [];
  let written = 0;
  let from = 0;
  const copyUpTo = (to: number) => {
    const a = prev.userRoleStart[from]!, b = prev.userRoleStart[to]!;
    userRoles.set(prev.userRoles.subarray(a, b), written);
    const shift = written - a;
    for (let v = from; v < to; v++) userRoleStart[v + 1] = prev.userRoleStart[v + 1]! + shift;
    written += b - a;
  };
  for (const u of changed) {
    copyUpTo(u);
    scratch.length = 0;
    const flags = assignUser(next, u, roles, superUsers, scratch, seenRole);
    for (const r of scratch) userRoles[written++] = r;
    userRoleStart[u + 1] = written;
    userSuper[u] = flags.isSuper ? 1 : 0;
    userGatewayAdmin[u] = flags.gateway ? 1 : 0;
    from = u + 1;
  }
  copyUpTo(n);
  return { userRoleStart, userRoles: userRoles.slice(0, written), userSuper, userGatewayAdmin };
}

export interface UpdatedProfiles {
  readonly userProfile: Int32Array;
  readonly profileCount: number;
  readonly profileScopes: Uint8Array;
  readonly profileScopeBits: Uint8Array;
  readonly profileSample: Int32Array;
  readonly refilled: number;
  /** Keep the keys beside the new policy for the next update. */
  remember(policy: CompiledPolicy): void;
}

/**
 * Re-file the changed people under the profile of their new role set (made when new), recompute the rows of new
 * profiles and of profiles holding a changed role, then drop profiles nobody is left in, so that every profile
 * has members and a member as its sample — what the lints and aggregates rely on.
 */
export function updateProfiles(prev: CompiledPolicy, input: ProfileInputs, changed: readonly number[], changedRole: Uint8Array): UpdatedProfiles {
  const { permCount } = input;
  const old = profileKeysOf(prev);
  const keys = changed.length > 0 ? old.keys.slice() : (old.keys as string[]);
  const index = changed.length > 0 ? new Map(old.index) : (old.index as Map<string, number>);
  const userProfile = changed.length > 0 ? prev.userProfile.slice() : prev.userProfile;
  let samples = Array.from(prev.profileSample);
  const refill = new Set<number>();
  const scratch: number[] = [];
  for (const u of changed) {
    const key = profileKey(input, u, scratch);
    let p = index.get(key);
    if (p === undefined) {
      p = keys.length;
      keys.push(key);
      index.set(key, p);
      samples.push(u);
      refill.add(p);
    }
    userProfile[u] = p;
  }

  // Sizes, and a member for every profile whose sample left it.
  let count = keys.length;
  const size = new Int32Array(count);
  let orphaned = 0;
  if (changed.length > 0) {
    for (let u = 0; u < userProfile.length; u++) size[userProfile[u]!]!++;
    const needSample = new Uint8Array(count);
    for (let p = 0; p < count; p++) if (size[p]! > 0 && userProfile[samples[p]!] !== p) { needSample[p] = 1; orphaned++; }
    for (let u = 0; u < userProfile.length && orphaned > 0; u++) {
      const p = userProfile[u]!;
      if (needSample[p]) { samples[p] = u; needSample[p] = 0; orphaned--; }
    }
  } else size.fill(1);

  // Rows: the old ones copied, the touched ones recomputed from a member's roles.
  for (let p = 0; p < prev.profileCount; p++) {
    if (size[p] === 0 || refill.has(p)) continue;
    const s = samples[p]!;
    for (let i = input.userRoleStart[s]!; i < input.userRoleStart[s + 1]!; i++) if (changedRole[input.userRoles[i]!]) { refill.add(p); break; }
  }
  let profileScopes = prev.profileScopes;
  let profileScopeBits = prev.profileScopeBits;
  if (refill.size > 0 || count !== prev.profileCount) {
    profileScopes = new Uint8Array(count * permCount);
    profileScopeBits = new Uint8Array(count * permCount);
    profileScopes.set(prev.profileScopes);
    profileScopeBits.set(prev.profileScopeBits);
    for (const p of refill) if (size[p]! > 0) fillProfileRow(input, samples[p]!, p, profileScopes, profileScopeBits);
  }

  // Compact away empty profiles.
  let finalKeys = keys;
  let finalIndex = index;
  if (size.includes(0)) {
    const remap = new Int32Array(count).fill(-1);
    const kept: number[] = [];
    for (let p = 0; p < count; p++) if (size[p]! > 0) { remap[p] = kept.length; kept.push(p); }
    const scopes = new Uint8Array(kept.length * permCount);
    const bits = new Uint8Array(kept.length * permCount);
    kept.forEach((p, q) => {
      scopes.set(profileScopes.subarray(p * permCount, (p + 1) * permCount), q * permCount);
      bits.set(profileScopeBits.subarray(p * permCount, (p + 1) * permCount), q * permCount);
    });
    for (let u = 0; u < userProfile.length; u++) userProfile[u] = remap[userProfile[u]!]!;
    finalKeys = kept.map((p) => keys[p]!);
    finalIndex = new Map(finalKeys.map((k, q) => [k, q]));
    profileScopes = scopes;
    profileScopeBits = bits;
    samples = kept.map((p) => samples[p]!);
    count = kept.length;
  }

  return {
    userProfile,
    profileCount: count,
    profileScopes,
    profileScopeBits,
    profileSample: Int32Array.from(samples.slice(0, count)),
    refilled: refill.size,
    remember: (policy) => { rememberProfileKeys(policy, { keys: finalKeys, index: finalIndex }); },
  };
}
