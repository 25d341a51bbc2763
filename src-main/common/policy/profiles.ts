import { RANK_SCOPE } from './dataType';
import { RoleSetTable } from './roleSets';

/**
 * Profiles: users who hold the same set of roles (and the same super-admin flag) have the same effective
 * scope for every permission, so the scope row is computed once per distinct set. A 100k-user organisation
 * with 300 roles has a few thousand profiles at most.
 */
export interface ProfileTable {
  /** Profile → its key (profileKey), and back: what an incremental update needs to file a changed user. */
  readonly keys: string[];
  readonly keyToProfile: Map<string, number>;
  readonly profileCount: number;
  readonly userProfile: Int32Array;
  readonly profileScopes: Uint8Array;
  readonly profileScopeBits: Uint8Array;
  readonly profileSample: Int32Array;
}

export interface ProfileInputs {
  readonly userCount: number;
  readonly permCount: number;
  readonly userSuper: Uint8Array;
  readonly userRoleStart: Int32Array;
  readonly userRoles: Int32Array;
  /** What each role alone gives (1..5), for the bits. */
  readonly roleScope: Uint8Array;
  /** The order the server compares raw data types in (see dataType.ts). */
  readonly roleRank: Uint8Array;
  readonly rolePermStart: Int32Array;
  readonly rolePerms: Int32Array;
}

/** The profile key of user u: super flag and the sorted role numbers. */
export function profileKey(input: Pick<ProfileInputs, 'userSuper' | 'userRoleStart' | 'userRoles'>, u: number, scratch: number[] = []): string {
  scratch.length = 0;
  for (let i = input.userRoleStart[u]!; i < input.userRoleStart[u + 1]!; i++) scratch.push(input.userRoles[i]!);
  scratch.sort((a, b) => a - b);
  return (input.userSuper[u] ? '*' : '') + scratch.join(',');
}

export function buildProfiles(input: ProfileInputs): ProfileTable {
  const { userCount, permCount, userRoleStart, userRoles, userSuper } = input;
  const table = new RoleSetTable();
  const userProfile = new Int32Array(userCount);
  const samples: number[] = [];
  let widest = 0;
  for (let u = 0; u < userCount; u++) widest = Math.max(widest, userRoleStart[u + 1]! - userRoleStart[u]!);
  const sorted = new Int32Array(widest);
  for (let u = 0; u < userCount; u++) {
    // The user's roles sorted (insertion sort: a user holds a handful), as profileKey sorts them.
    const from = userRoleStart[u]!;
    const length = userRoleStart[u + 1]! - from;
    for (let i = 0; i < length; i++) {
      const r = userRoles[from + i]!;
      let j = i;
      for (; j > 0 && sorted[j - 1]! > r; j--) sorted[j] = sorted[j - 1]!;
      sorted[j] = r;
    }
    const profile = table.intern(userSuper[u] ? 1 : 0, sorted, length);
    if (profile === samples.length) samples.push(u);
    userProfile[u] = profile;
  }

  const profileCount = samples.length;
  // Keys only per profile, in profileKey's form, for incremental updates to file changed users by.
  const keys: string[] = [];
  const keyToProfile = new Map<string, number>();
  for (let profile = 0; profile < profileCount; profile++) {
    const key = (table.flagOf(profile) ? '*' : '') + table.rolesOf(profile).join(',');
    keys.push(key);
    keyToProfile.set(key, profile);
  }
  const profileScopes = new Uint8Array(profileCount * permCount);
  const profileScopeBits = new Uint8Array(profileCount * permCount);
  for (let profile = 0; profile < profileCount; profile++) fillProfileRow(input, samples[profile]!, profile, profileScopes, profileScopeBits);
  return { keys, keyToProfile, profileCount, userProfile, profileScopes, profileScopeBits, profileSample: Int32Array.from(samples) };
}

/** Write the scope row of `profile` from the roles of its member u. */
export function fillProfileRow(input: ProfileInputs, u: number, profile: number, profileScopes: Uint8Array, profileScopeBits: Uint8Array): void {
  const { permCount, userRoleStart, userRoles, roleScope, roleRank, rolePermStart, rolePerms } = input;
  const base = profile * permCount;
  profileScopes.fill(0, base, base + permCount);
  profileScopeBits.fill(0, base, base + permCount);
  // Grants are recorded even for super admins so explain() and lints can show which roles grant what.
  for (let i = userRoleStart[u]!; i < userRoleStart[u + 1]!; i++) {
    const r = userRoles[i]!;
    const rank = roleRank[r]!;
    const bit = 1 << roleScope[r]!;
    for (let j = rolePermStart[r]!; j < rolePermStart[r + 1]!; j++) {
      const cell = base + rolePerms[j]!;
      // WukongCRM takes the largest raw dataType among the roles granting this exact menu (reference §7.1) …
      if (rank > profileScopes[cell]!) profileScopes[cell] = rank;
      profileScopeBits[cell]! |= bit;
    }
  }
  // … and only then maps it (DataAuthEnum.valueOf). The super admin short-circuits every check (§4.1, §7.2).
  if (input.userSuper[u]) profileScopes.fill(5, base, base + permCount);
  else {
    const rankScope = RANK_SCOPE; // once: under a CommonJS loader each read of an import is a getter call
    for (let cell = base; cell < base + permCount; cell++) profileScopes[cell] = rankScope[profileScopes[cell]!]!;
  }
}
