import type { CompiledPolicy } from './compiledPolicy';
import { permissionNumber, userNumber } from './scope';

/** Number of scope values (0 none … 5 all): the innermost dimension of the aggregates. */
export const SCOPE_SLOTS = 6;

export interface ScopeAggregate {
  /** Department ids, or manager user ids. */
  readonly groupIds: readonly string[];
  /** People of the requested set in each group. */
  readonly size: Uint32Array;
  /** [group * permissions * 6 + permission * 6 + scope] → people; share = count / size[group]. */
  readonly counts: Uint32Array;
}

export interface AccessMatrix {
  readonly userIds: readonly string[];
  readonly permissionIds: readonly string[];
  /** Row-major scopes: [user * permissionIds.length + permission] → 0..5. */
  readonly scopes: Uint8Array;
  /** Per department, counted over its whole subtree (what an org-tree heatmap shows). */
  readonly byDepartment?: ScopeAggregate;
  /** Per manager, counted over their direct reports. */
  readonly byManager?: ScopeAggregate;
}

export interface MatrixOptions {
  readonly aggregates?: boolean;
}

/**
 * Scopes for users × permissions (the data behind heatmaps). Each user's row is copied from a per-profile
 * row, so the cost is one memcpy per user plus the aggregates.
 */
export function accessMatrix(
  policy: CompiledPolicy,
  userIds: readonly string[],
  permissionIds: readonly string[],
  options: MatrixOptions = {},
): AccessMatrix {
  const users = Int32Array.from(userIds, (id) => userNumber(policy, id));
  const perms = Int32Array.from(permissionIds, (id) => permissionNumber(policy, id));
  const width = perms.length;
  const { permCount, profileScopes, userProfile } = policy;

  // Compact rows per profile, built lazily: only profiles of requested users.
  const rowOf = new Int32Array(policy.profileCount).fill(-1);
  const rows: Uint8Array[] = [];
  const scopes = new Uint8Array(users.length * width);
  for (let i = 0; i < users.length; i++) {
    const profile = userProfile[users[i]!]!;
    let row = rowOf[profile]!;
    if (row < 0) {
      const compact = new Uint8Array(width);
      const base = profile * permCount;
      for (let j = 0; j < width; j++) compact[j] = profileScopes[base + perms[j]!]!;
      row = rowOf[profile] = rows.length;
      rows.push(compact);
    }
    scopes.set(rows[row]!, i * width);
  }

  if (options.aggregates === false) return { userIds, permissionIds, scopes };
  return {
    userIds,
    permissionIds,
    scopes,
    byDepartment: aggregateByDepartment(policy, users, scopes, width),
    byManager: aggregateByManager(policy, users, scopes, width),
  };
}

/**
 * Count rows into per-group slots, one group at a time: each group's 6 × permissions counters stay in cache
 * while its members are added (scattering 10M increments over a 60 MB array instead costs a cache miss each).
 */
function countByGroup(groupOfRow: Int32Array, groupCount: number, scopes: Uint8Array, width: number) {
  const stride = width * SCOPE_SLOTS;
  const start = new Int32Array(groupCount + 1);
  for (let i = 0; i < groupOfRow.length; i++) if (groupOfRow[i]! >= 0) start[groupOfRow[i]! + 1]!++;
  for (let g = 0; g < groupCount; g++) start[g + 1]! += start[g]!;
  const rows = new Int32Array(start[groupCount]!);
  const fill = start.slice(0, groupCount);
  for (let i = 0; i < groupOfRow.length; i++) if (groupOfRow[i]! >= 0) rows[fill[groupOfRow[i]!]!++] = i;
  const size = new Uint32Array(groupCount);
  const counts = new Uint32Array(groupCount * stride);
  for (let g = 0; g < groupCount; g++) {
    size[g] = start[g + 1]! - start[g]!;
    const base = g * stride;
    for (let k = start[g]!; k < start[g + 1]!; k++) {
      const row = rows[k]! * width;
      for (let j = 0; j < width; j++) counts[base + j * SCOPE_SLOTS + scopes[row + j]!]!++;
    }
  }
  return { size, counts };
}

function aggregateByDepartment(policy: CompiledPolicy, users: Int32Array, scopes: Uint8Array, width: number): ScopeAggregate {
  const stride = width * SCOPE_SLOTS;
  const groupOfRow = Int32Array.from(users, (u) => policy.userDept[u]!);
  const { size, counts } = countByGroup(groupOfRow, policy.deptCount, scopes, width);
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
  return { groupIds: policy.deptIds, size, counts };
}

function aggregateByManager(policy: CompiledPolicy, users: Int32Array, scopes: Uint8Array, width: number): ScopeAggregate {
  const groupOfUser = new Int32Array(policy.userCount).fill(-1);
  const groupIds: string[] = [];
  const groupOfRow = new Int32Array(users.length);
  for (let i = 0; i < users.length; i++) {
    const m = policy.userManager[users[i]!]!;
    if (m >= 0 && groupOfUser[m] === -1) {
      groupOfUser[m] = groupIds.length;
      groupIds.push(policy.userIds[m]!);
    }
    groupOfRow[i] = m >= 0 ? groupOfUser[m]! : -1;
  }
  const { size, counts } = countByGroup(groupOfRow, groupIds.length, scopes, width);
  return { groupIds, size, counts };
}
