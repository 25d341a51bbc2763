import { RANK_ABOVE, RANK_BELOW, RANK_SCOPE } from './dataType';
import type { EditionRules } from './editionRules';
import { RoleSetTable } from './roleSets';

/**
 * Profiles: users who hold the same set of roles (and the same super-admin flag) have the same effective
 * scope for every permission, so the scope row is computed once per distinct set. A 100k-user organisation
 * with 300 roles has a few thousand profiles at most. Where the edition lets the order of a user's roles change
 * the scope (PHP, editionRules.ts), a profile is the same roles in the same order instead.
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
  readonly rules: EditionRules;
  readonly userCount: number;
  readonly permCount: number;
  readonly userSuper: Uint8Array;
  readonly userRoleStart: Int32Array;
  readonly userRoles: Int32Array;
  /** What each role alone gives (1..5), for the bits. */
  readonly roleScope: Uint8Array;
  /** The order the server compares raw data types in (see dataType.ts). */
  readonly roleRank: Uint8Array;
  /** Roles whose holders read scope 2 as everyone (PHP, editionRules.ts). */
  readonly roleReportsEveryone: Uint8Array;
  readonly rolePermStart: Int32Array;
  readonly rolePerms: Int32Array;
}

/** The profile key of user u: super flag and the sorted role numbers (in the user's order where it matters). */
export function profileKey(
  input: Pick<ProfileInputs, 'userSuper' | 'userRoleStart' | 'userRoles'> & { readonly rules: Pick<EditionRules, 'roleOrderMatters'> },
  u: number, scratch: number[] = [],
): string {
  scratch.length = 0;
  for (let i = input.userRoleStart[u]!; i < input.userRoleStart[u + 1]!; i++) scratch.push(input.userRoles[i]!);
  if (!input.rules.roleOrderMatters) scratch.sort((a, b) => a - b);
  return (input.userSuper[u] ? '*' : '') + scratch.join(',');
}

export function buildProfiles(input: ProfileInputs): ProfileTable {
  const { userCount, permCount, userRoleStart, userRoles, userSuper } = input;
  const table = new RoleSetTable();
  const userProfile = new Int32Array(userCount);
  const samples: number[] = [];
  let widest = 0;
  for (let u = 0; u < userCount; u++) widest = Math.max(widest, userRoleStart[u + 1]! - userRoleStart[u]!);
  if (input.rules.roleOrderMatters) {
    // The roles as the user holds them, in order: the CSR run itself is the key.
    for (let u = 0; u < userCount; u++) {
      const from = userRoleStart[u]!;
      const profile = table.intern(userSuper[u] ? 1 : 0, userRoles.subarray(from, userRoleStart[u + 1]!), userRoleStart[u + 1]! - from);
      if (profile === samples.length) samples.push(u);
      userProfile[u] = profile;
    }
  } else {
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
  if (input.rules.scopeAcrossRoles === 'lastListed') {
    fillLastListedRow(input, u, profile, profileScopes, profileScopeBits);
    return;
  }
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

/**
 * The PHP edition's row (editionRules.ts `lastListed`, `User::getUserByPer`): per permission, walk the roles granting
 * it in the user's order; a type already met is skipped (`array_unique` keeps the first), 5 anywhere means everyone,
 * any other known type overwrites what came before, a type outside 1..5 changes nothing. Then scope 2 reads as
 * everyone for holders of a role of `types` 1 (`getSubUserId`), and the super admin gets 5 everywhere.
 *
 * A permission granted only by roles of unknown types matches no branch on the server (it lists nobody); the domain
 * cannot hold such a type (the PHP pull shows it as 本人, 1) and the engine reads it so too.
 */
function fillLastListedRow(input: ProfileInputs, u: number, profile: number, profileScopes: Uint8Array, profileScopeBits: Uint8Array): void {
  const { permCount, userRoleStart, userRoles, roleScope, roleRank, rolePermStart, rolePerms, roleReportsEveryone } = input;
  const base = profile * permCount;
  profileScopes.fill(0, base, base + permCount);
  profileScopeBits.fill(0, base, base + permCount);
  // Per permission: bit t set once type t (1..5) was met; the row holds the last new type (0 none yet).
  const met = new Uint8Array(permCount);
  let everyoneForReports = false;
  for (let i = userRoleStart[u]!; i < userRoleStart[u + 1]!; i++) {
    const r = userRoles[i]!;
    if (roleReportsEveryone[r]) everyoneForReports = true;
    const rank = roleRank[r]!;
    // rank 2..6 = types 1..5; RANK_BELOW / RANK_ABOVE = outside 1..5 (dataType.ts).
    const type = rank > RANK_BELOW && rank < RANK_ABOVE ? rank - RANK_BELOW : 0;
    const typeBit = 1 << type;
    const bit = 1 << roleScope[r]!;
    for (let j = rolePermStart[r]!; j < rolePermStart[r + 1]!; j++) {
      const p = rolePerms[j]!;
      profileScopeBits[base + p]! |= bit;
      if (type === 0 || met[p]! & typeBit) continue;
      met[p]! |= typeBit;
      if (type !== 5) profileScopes[base + p] = type;
    }
  }
  if (input.userSuper[u]) {
    profileScopes.fill(5, base, base + permCount);
    return;
  }
  for (let p = 0; p < permCount; p++) {
    const cell = base + p;
    if (met[p]! & (1 << 5)) profileScopes[cell] = 5;
    else if (profileScopes[cell] === 0 && profileScopeBits[cell] !== 0) profileScopes[cell] = 1; // unknown types only
    if (everyoneForReports && profileScopes[cell] === 2) profileScopes[cell] = 5;
  }
}
