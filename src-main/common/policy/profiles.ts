/**
 * Profiles: users who hold the same set of roles (and the same super-admin flag) have the same effective
 * scope for every permission, so the scope row is computed once per distinct set. A 100k-user organisation
 * with 300 roles has a few thousand profiles at most.
 */
export interface ProfileTable {
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
  readonly roleScope: Uint8Array;
  readonly rolePermStart: Int32Array;
  readonly rolePerms: Int32Array;
}

export function buildProfiles(input: ProfileInputs): ProfileTable {
  const { userCount, permCount, userSuper, userRoleStart, userRoles, roleScope, rolePermStart, rolePerms } = input;
  const keyToProfile = new Map<string, number>();
  const userProfile = new Int32Array(userCount);
  const samples: number[] = [];
  const sorted: number[] = [];
  for (let u = 0; u < userCount; u++) {
    sorted.length = 0;
    for (let i = userRoleStart[u]!; i < userRoleStart[u + 1]!; i++) sorted.push(userRoles[i]!);
    sorted.sort((a, b) => a - b);
    const key = (userSuper[u] ? '*' : '') + sorted.join(',');
    let profile = keyToProfile.get(key);
    if (profile === undefined) {
      profile = samples.length;
      keyToProfile.set(key, profile);
      samples.push(u);
    }
    userProfile[u] = profile;
  }

  const profileCount = samples.length;
  const profileScopes = new Uint8Array(profileCount * permCount);
  const profileScopeBits = new Uint8Array(profileCount * permCount);
  for (let profile = 0; profile < profileCount; profile++) {
    const u = samples[profile]!;
    const base = profile * permCount;
    // Grants are recorded even for super admins so explain() and lints can show which roles grant what.
    for (let i = userRoleStart[u]!; i < userRoleStart[u + 1]!; i++) {
      const r = userRoles[i]!;
      const scope = roleScope[r]!;
      for (let j = rolePermStart[r]!; j < rolePermStart[r + 1]!; j++) {
        const cell = base + rolePerms[j]!;
        // WukongCRM takes the largest dataType among the roles granting this exact menu (reference §7.1).
        if (scope > profileScopes[cell]!) profileScopes[cell] = scope;
        profileScopeBits[cell]! |= 1 << scope;
      }
    }
    // The super admin short-circuits every check and sees everyone (reference §4.1, §7.2).
    if (userSuper[u]) profileScopes.fill(5, base, base + permCount);
  }
  return { profileCount, userProfile, profileScopes, profileScopeBits, profileSample: Int32Array.from(samples) };
}
