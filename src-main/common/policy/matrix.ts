import type { CompiledPolicy } from './compiledPolicy';
import { permissionNumber, userNumber } from './scope';

/** Number of scope values (0 none … 5 all): the innermost dimension of the aggregates. */
export const SCOPE_SLOTS = 6;

export interface ScopeAggregate {
  /** Department ids, or manager user ids. */
  readonly groupIds: readonly string[];
  /** People of the requested set in each group. */
  readonly size: Uint32Array;
  /** Permissions per matrix row (the stride of the layouts below). */
  readonly width: number;
  /**
   * Dense form (departments): [group * width * 6 + permission * 6 + scope] → people;
   * share = count / size[group].
   */
  readonly counts?: Uint32Array;
  /**
   * Sparse form (managers' teams, tens of thousands of small groups): each group's members as distinct
   * matrix rows with a weight — group g owns entries start[g] .. start[g+1] of row / weight, and
   * rows[row * width + permission] is that row's scope. Read either form with scopeCounts().
   */
  readonly mixture?: { readonly start: Int32Array; readonly row: Int32Array; readonly weight: Uint32Array; readonly rows: Uint8Array };
}

/** People of `group` at each scope 0..5 for the permission at `permission` (its column in the matrix). */
export function scopeCounts(aggregate: ScopeAggregate, group: number, permission: number): Uint32Array {
  const out = new Uint32Array(SCOPE_SLOTS);
  const { width, counts, mixture } = aggregate;
  if (counts) {
    const base = group * width * SCOPE_SLOTS + permission * SCOPE_SLOTS;
    for (let s = 0; s < SCOPE_SLOTS; s++) out[s] = counts[base + s]!;
  } else if (mixture) {
    for (let k = mixture.start[group]!; k < mixture.start[group + 1]!; k++) {
      out[mixture.rows[mixture.row[k]! * width + permission]!]! += mixture.weight[k]!;
    }
  }
  return out;
}

export interface AccessMatrix {
  readonly userIds: readonly string[];
  readonly permissionIds: readonly string[];
  /** Row-major scopes: [user * permissionIds.length + permission] → 0..5. */
  readonly scopes: Uint8Array;
  /** Per department, counted over its whole subtree (what an org-tree heatmap shows). */
  readonly byDepartment?: ScopeAggregate;
  /** Per manager, counted over their direct reports (sparse form: read with scopeCounts). */
  readonly byManager?: ScopeAggregate;
}

export interface MatrixOptions {
  readonly aggregates?: boolean;
}

/**
 * Scopes for users × permissions (the data behind heatmaps). Users with the same roles share a profile and so a
 * row: the first user of each profile has its row gathered from the profile table, everyone after gets a copy of
 * that row (one memmove per user), then the aggregates.
 */
export function accessMatrix(
  policy: CompiledPolicy,
  userIds: readonly string[],
  permissionIds: readonly string[],
  options: MatrixOptions = {},
): AccessMatrix {
  const users = userNumbers(policy, userIds);
  const perms = Int32Array.from(permissionIds, (id) => permissionNumber(policy, id));
  const width = perms.length;
  const { permCount, profileScopes, userProfile } = policy;

  const rowOfProfile = new Int32Array(policy.profileCount).fill(-1);
  /** Distinct row → the first requested user holding it: that user's row of `scopes` is the row. */
  const firstUser: number[] = [];
  const rowOfUser = new Int32Array(users.length);
  const scopes = new Uint8Array(users.length * width);
  for (let i = 0; i < users.length; i++) {
    const profile = userProfile[users[i]!]!;
    let row = rowOfProfile[profile]!;
    const at = i * width;
    if (row < 0) {
      const base = profile * permCount;
      for (let j = 0; j < width; j++) scopes[at + j] = profileScopes[base + perms[j]!]!;
      row = rowOfProfile[profile] = firstUser.length;
      firstUser.push(i);
    } else {
      const from = firstUser[row]! * width;
      scopes.copyWithin(at, from, from + width);
    }
    rowOfUser[i] = row;
  }

  if (options.aggregates === false) return { userIds, permissionIds, scopes };
  const rows = firstUser.map((i) => scopes.subarray(i * width, (i + 1) * width));
  const distinct = { rows, rowOfUser, width };
  return {
    userIds,
    permissionIds,
    scopes,
    byDepartment: aggregateByDepartment(policy, users, distinct),
    byManager: aggregateByManager(policy, users, distinct),
  };
}

/** User numbers of the ids; the policy's own id list, without repeats, is 0..n-1 and needs no lookups. */
function userNumbers(policy: CompiledPolicy, userIds: readonly string[]): Int32Array {
  const users = new Int32Array(userIds.length);
  if (userIds === policy.userIds && policy.userIndex.size === policy.userCount) {
    for (let i = 0; i < users.length; i++) users[i] = i;
  } else {
    for (let i = 0; i < users.length; i++) users[i] = userNumber(policy, userIds[i]!);
  }
  return users;
}

/** The matrix's distinct rows (one per role profile) and which row each requested user has. */
interface DistinctRows {
  readonly rows: readonly Uint8Array[];
  readonly rowOfUser: Int32Array;
  readonly width: number;
}

/** Members of each group, grouped contiguously (CSR). */
function membersByGroup(groupOfUser: Int32Array, groupCount: number) {
  const start = new Int32Array(groupCount + 1);
  for (let i = 0; i < groupOfUser.length; i++) if (groupOfUser[i]! >= 0) start[groupOfUser[i]! + 1]!++;
  for (let g = 0; g < groupCount; g++) start[g + 1]! += start[g]!;
  const members = new Int32Array(start[groupCount]!);
  const fill = start.slice(0, groupCount);
  for (let i = 0; i < groupOfUser.length; i++) if (groupOfUser[i]! >= 0) members[fill[groupOfUser[i]!]!++] = i;
  return { start, members };
}

/**
 * Per group, its members as distinct rows with weights. Members of a group mostly share a few role
 * profiles, so this is far smaller than one entry per member.
 */
function mixtureByGroup(groupOfUser: Int32Array, groupCount: number, distinct: DistinctRows) {
  const { start, members } = membersByGroup(groupOfUser, groupCount);
  const size = new Uint32Array(groupCount);
  const outStart = new Int32Array(groupCount + 1);
  const row = new Int32Array(members.length);
  const weight = new Uint32Array(members.length);
  const seen = new Int32Array(distinct.rows.length).fill(-1);
  let n = 0;
  for (let g = 0; g < groupCount; g++) {
    size[g] = start[g + 1]! - start[g]!;
    const first = n;
    for (let k = start[g]!; k < start[g + 1]!; k++) {
      const r = distinct.rowOfUser[members[k]!]!;
      const at = seen[r]!;
      if (at >= first) weight[at]!++;
      else {
        seen[r] = n;
        row[n] = r;
        weight[n++] = 1;
      }
    }
    outStart[g + 1] = n;
  }
  return { size, start: outStart, row: row.slice(0, n), weight: weight.slice(0, n) };
}

function aggregateByDepartment(policy: CompiledPolicy, users: Int32Array, distinct: DistinctRows): ScopeAggregate {
  const { width, rows } = distinct;
  const stride = width * SCOPE_SLOTS;
  const groupOfUser = new Int32Array(users.length);
  for (let i = 0; i < users.length; i++) groupOfUser[i] = policy.userDept[users[i]!]!;
  const mix = mixtureByGroup(groupOfUser, policy.deptCount, distinct);
  const size = mix.size;
  const counts = new Uint32Array(policy.deptCount * stride);
  for (let g = 0; g < policy.deptCount; g++) {
    const base = g * stride;
    for (let k = mix.start[g]!; k < mix.start[g + 1]!; k++) {
      const scopes = rows[mix.row[k]!]!;
      const w = mix.weight[k]!;
      for (let j = 0; j < width; j++) counts[base + j * SCOPE_SLOTS + scopes[j]!]! += w;
    }
  }
  // Roll members up to every ancestor: children finish before parents in reverse pre-order.
  const byPosition = new Int32Array(policy.deptCount);
  for (let d = 0; d < policy.deptCount; d++) byPosition[policy.deptEnter[d]!] = d;
  for (let pos = policy.deptCount - 1; pos >= 0; pos--) {
    const d = byPosition[pos]!;
    const parent = policy.deptParent[d]!;
    if (parent < 0 || policy.deptEnter[parent]! > pos) continue; // a root, or a broken cycle edge
    size[parent]! += size[d]!;
    const from = d * stride;
    const to = parent * stride;
    for (let k = 0; k < stride; k++) counts[to + k]! += counts[from + k]!;
  }
  return { groupIds: policy.deptIds, size, width, counts };
}

function aggregateByManager(policy: CompiledPolicy, users: Int32Array, distinct: DistinctRows): ScopeAggregate {
  const groupOfManager = new Int32Array(policy.userCount).fill(-1);
  const groupIds: string[] = [];
  const groupOfUser = new Int32Array(users.length);
  for (let i = 0; i < users.length; i++) {
    const m = policy.userManager[users[i]!]!;
    if (m >= 0 && groupOfManager[m] === -1) {
      groupOfManager[m] = groupIds.length;
      groupIds.push(policy.userIds[m]!);
    }
    groupOfUser[i] = m >= 0 ? groupOfManager[m]! : -1;
  }
  const mix = mixtureByGroup(groupOfUser, groupIds.length, distinct);
  const rows = new Uint8Array(distinct.rows.length * distinct.width);
  distinct.rows.forEach((r, i) => rows.set(r, i * distinct.width));
  return {
    groupIds,
    size: mix.size,
    width: distinct.width,
    mixture: { start: mix.start, row: mix.row, weight: mix.weight, rows },
  };
}
