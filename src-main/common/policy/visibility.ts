import type { CompiledPolicy, ScopeValue } from './compiledPolicy';
import { decideById } from './decisionIndex';
import { permissionNumber, scopeOf, userNumber } from './scope';

/**
 * Record visibility by data scope (reference §7.2), as interval tests on the Euler tours:
 * 1 self · 2 self + reports down the manager chain (up to recursionDepth levels) · 3 self + users whose
 * department is the user's · 4 self + users of the department subtree (up to recursionDepth levels) ·
 * 5 everyone. Disabled users still count as owners; department heads get nothing extra (§7.2). Cycles are
 * walked round as `RecursionUtil.getChildList` walks them (eulerTour.ts).
 */
export function reaches(policy: CompiledPolicy, viewer: number, owner: number, scope: ScopeValue): boolean {
  if (scope === 0) return false;
  if (viewer === owner || scope === 5) return true;
  switch (scope) {
    case 1:
      return false;
    case 2:
      return below(policy.mgrEnter, policy.mgrExit, policy.mgrDepth, policy.mgrLoopRoot, policy.mgrLoop, viewer, owner, policy.recursionDepth);
    case 3:
      return policy.userDept[owner] === policy.userDept[viewer];
    case 4:
      return below(policy.deptEnter, policy.deptExit, policy.deptDepth, policy.deptLoopRoot, policy.deptLoop,
        policy.userDept[viewer]!, policy.userDept[owner]!, policy.recursionDepth, true);
  }
}

/**
 * Whether node w is found by `getChildList(v)` within `limit` levels (or is v itself, when `self`): inside v's
 * range at most `limit` below it, or — for v on a cycle — elsewhere in its component, reached round the cycle.
 */
function below(
  enter: Int32Array, exit: Int32Array, depth: Int32Array, loopRoot: Int32Array, loop: Int32Array,
  v: number, w: number, limit: number, self = false,
): boolean {
  if (v === w) return self;
  const e = enter[w]!;
  if (e >= enter[v]! && e <= exit[v]!) return depth[w]! - depth[v]! <= limit;
  const root = loopRoot[v]!;
  return root >= 0 && e >= enter[root]! && e <= exit[root]! && depth[w]! + loop[v]! <= limit;
}

/**
 * Can `viewerId` see records owned by `ownerId` through `permissionId`? The answer of `reaches`, read from the
 * records decisionIndex.ts lays out for one decision at a time.
 */
export function canSee(policy: CompiledPolicy, viewerId: string, ownerId: string, permissionId: string): boolean {
  return decideById(policy, viewerId, ownerId, permissionId);
}

/**
 * User numbers whose records `viewer` sees at `scope`, ascending by tour position, not by number. Uses the
 * contiguous slices of the tours: a subtree is one slice, filtered only by the recursion depth.
 */
export function ownersAtScope(policy: CompiledPolicy, viewer: number, scope: ScopeValue): Int32Array {
  switch (scope) {
    case 0:
      return new Int32Array(0);
    case 1:
      return Int32Array.of(viewer);
    case 5: {
      const all = new Int32Array(policy.userCount);
      for (let u = 0; u < all.length; u++) all[u] = u;
      return all;
    }
    case 2: {
      const ranges = reachRanges(policy.mgrEnter, policy.mgrExit, policy.mgrDepth, policy.mgrLoopRoot, policy.mgrLoop, viewer, policy.recursionDepth);
      const out = new Int32Array(ranges.reduce((n, [from, to]) => n + to - from + 1, 0));
      let n = 0;
      for (const [from, to, maxDepth] of ranges) {
        for (let i = from; i <= to; i++) {
          const u = policy.usersByManager[i]!;
          if (policy.mgrDepth[u]! <= maxDepth) out[n++] = u;
        }
      }
      return out.subarray(0, n);
    }
    case 3: {
      const enter = policy.deptEnter[policy.userDept[viewer]!]!;
      return policy.usersByDept.slice(policy.deptUserStart[enter]!, policy.deptUserStart[enter + 1]!);
    }
    case 4: {
      const { deptUserStart, usersByDept, userDept, deptDepth } = policy;
      const ranges = reachRanges(policy.deptEnter, policy.deptExit, deptDepth, policy.deptLoopRoot, policy.deptLoop, userDept[viewer]!, policy.recursionDepth);
      const out = new Int32Array(ranges.reduce((n, [from, to]) => n + deptUserStart[to + 1]! - deptUserStart[from]!, 0));
      let n = 0;
      for (const [from, to, maxDepth] of ranges) {
        for (let i = deptUserStart[from]!; i < deptUserStart[to + 1]!; i++) {
          const u = usersByDept[i]!;
          if (deptDepth[userDept[u]!]! <= maxDepth) out[n++] = u;
        }
      }
      return out.subarray(0, n);
    }
  }
}

/**
 * Tour positions `getChildList(v)` reaches, as [from, to, deepest depth allowed]: v's own range, and for v on a
 * cycle the rest of its component on either side of that range (eulerTour.ts). The ranges do not overlap.
 */
export function reachRanges(
  enter: Int32Array, exit: Int32Array, depth: Int32Array, loopRoot: Int32Array, loop: Int32Array, v: number, limit: number,
): Array<[number, number, number]> {
  const ranges: Array<[number, number, number]> = [[enter[v]!, exit[v]!, depth[v]! + limit]];
  const root = loopRoot[v]!;
  if (root >= 0 && root !== v) {
    const maxDepth = limit - loop[v]!;
    if (maxDepth >= 0) ranges.push([enter[root]!, enter[v]! - 1, maxDepth], [exit[v]! + 1, exit[root]!, maxDepth]);
  }
  return ranges;
}

/** Owners whose records the user sees for the permission, as user numbers (map with policy.userIds). */
export function visibleOwners(policy: CompiledPolicy, userId: string, permissionId: string): Int32Array {
  const viewer = userNumber(policy, userId);
  return ownersAtScope(policy, viewer, scopeOf(policy, viewer, permissionNumber(policy, permissionId)));
}

export function visibleOwnerIds(policy: CompiledPolicy, userId: string, permissionId: string): string[] {
  return Array.from(visibleOwners(policy, userId, permissionId), (u) => policy.userIds[u]!);
}

export interface WhoCanSee {
  /** User numbers who can see the owner's records, ascending. */
  readonly users: Int32Array;
  /** The scope that lets each of them in (same order). */
  readonly scopes: Uint8Array;
}

/**
 * Everyone who can see records owned by `ownerId` through `permissionId`, with the scope that lets each
 * in. One pass over all users with an O(1) interval test each: ~1 ms per 100k users.
 */
export function whoCanSee(policy: CompiledPolicy, ownerId: string, permissionId: string): WhoCanSee {
  const owner = userNumber(policy, ownerId);
  const perm = permissionNumber(policy, permissionId);
  const users = new Int32Array(policy.userCount);
  const scopes = new Uint8Array(policy.userCount);
  const { profileScopes, userProfile, permCount } = policy;
  let n = 0;
  for (let u = 0; u < policy.userCount; u++) {
    const scope = profileScopes[userProfile[u]! * permCount + perm]! as ScopeValue;
    if (scope !== 0 && reaches(policy, u, owner, scope)) {
      users[n] = u;
      scopes[n++] = scope;
    }
  }
  return { users: users.slice(0, n), scopes: scopes.slice(0, n) };
}
