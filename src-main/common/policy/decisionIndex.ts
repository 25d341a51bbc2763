import type { CompiledPolicy } from './compiledPolicy';
import { DenseIds } from './denseIds';
import { UnknownIdError } from './scope';

/**
 * The data-scope decision by id — "may U see records owned by O under menu M" — laid out for one question at a
 * time. `reaches` (visibility.ts) reads a dozen arrays, each indexed by user number, plus a Map probe per id: at
 * 100k users and more every one of those is a cache miss, and the decision took 0.7–1.2 µs. Here a user's id
 * leads (denseIds.ts: parsed, no hashing) straight to one 32-byte record holding all a decision reads of that
 * user, so a decision costs about two memory reads per user; the scope comes from a per-permission column of the
 * profile table, which stays in cache for the few menus asked about.
 *
 * Built from a compiled policy alone, on the first decision asked of it, and kept in its memo (a policy never
 * changes; updatePolicy makes a new one). Answers are exactly `reaches(policy, viewer, owner, scopeOf(…))`
 * (decisionIndex.property.test.ts).
 */
export interface DecisionIndex {
  readonly users: DenseIds;
  readonly perms: DenseIds;
  /** Per user position (users.locate), STRIDE fields: see the offsets below. */
  readonly people: Int32Array;
  /** Per department node, STRIDE fields: the department tour in the same offsets (PROFILE and DEPT unused). */
  readonly depts: Int32Array;
  /** Per permission number, the scope of every profile, built when the permission is first asked about. */
  readonly columns: Array<Uint8Array | undefined>;
  readonly limit: number;
  /** The profile table the columns are cut from. */
  readonly profileScopes: Uint8Array;
  readonly profileCount: number;
  readonly permCount: number;
}

/** Fields per record: 8 int32, so a record is half a cache line and never straddles one. */
const STRIDE = 8;
const PROFILE = 0;
const DEPT = 1;
/** Euler tour of the manager graph (of the department graph in `depts`), eulerTour.ts. */
const ENTER = 2;
const EXIT = 3;
const DEPTH = 4;
/**
 * For a node on a cycle, the range of its whole component and the levels from the node round the cycle to the
 * tour's root (eulerTour.ts); for any other node an empty range (1, 0), so one test serves both.
 */
const LOOP_FROM = 5;
const LOOP_TO = 6;
const LOOP = 7;

/** The policy's index, built on the first decision asked of it and kept in its memo. */
export function decisionIndexOf(policy: CompiledPolicy): DecisionIndex {
  return policy.memo.decisions ?? (policy.memo.decisions = buildDecisionIndex(policy));
}

function buildDecisionIndex(policy: CompiledPolicy): DecisionIndex {
  const users = policy.userIndex instanceof DenseIds ? policy.userIndex : new DenseIds(policy.userIds);
  const perms = policy.permIndex instanceof DenseIds ? policy.permIndex : new DenseIds(policy.permIds);
  const people = new Int32Array(users.positionCount * STRIDE);
  const { userProfile, userDept, mgrEnter, mgrExit, mgrDepth, mgrLoopRoot, mgrLoop } = policy;
  for (let position = 0; position < users.positionCount; position++) {
    const u = users.indexAt(position);
    if (u < 0) continue; // a gap between ids: never located
    const at = position * STRIDE;
    people[at + PROFILE] = userProfile[u]!;
    people[at + DEPT] = userDept[u]!;
    tourFields(people, at, u, mgrEnter, mgrExit, mgrDepth, mgrLoopRoot, mgrLoop);
  }
  const depts = new Int32Array(policy.deptCount * STRIDE);
  for (let d = 0; d < policy.deptCount; d++) {
    tourFields(depts, d * STRIDE, d, policy.deptEnter, policy.deptExit, policy.deptDepth, policy.deptLoopRoot, policy.deptLoop);
  }
  const columns: Array<Uint8Array | undefined> = [];
  for (let p = 0; p < policy.permCount; p++) columns.push(undefined);
  const { profileCount, permCount, profileScopes } = policy;
  return { users, perms, people, depts, columns, limit: policy.recursionDepth, profileCount, permCount, profileScopes };
}

function tourFields(
  out: Int32Array, at: number, v: number,
  enter: Int32Array, exit: Int32Array, depth: Int32Array, loopRoot: Int32Array, loop: Int32Array,
): void {
  out[at + ENTER] = enter[v]!;
  out[at + EXIT] = exit[v]!;
  out[at + DEPTH] = depth[v]!;
  const root = loopRoot[v]!;
  out[at + LOOP_FROM] = root >= 0 ? enter[root]! : 1;
  out[at + LOOP_TO] = root >= 0 ? exit[root]! : 0;
  out[at + LOOP] = root >= 0 ? loop[v]! : 0;
}

function columnOf(index: DecisionIndex, perm: number): Uint8Array {
  const { profileCount, permCount, profileScopes } = index;
  const column = new Uint8Array(profileCount);
  for (let q = 0; q < profileCount; q++) column[q] = profileScopes[q * permCount + perm]!;
  index.columns[perm] = column;
  return column;
}

/** Can `viewerId` see records owned by `ownerId` through `permissionId`? Throws UnknownIdError as scope.ts does. */
export function decideById(policy: CompiledPolicy, viewerId: string, ownerId: string, permissionId: string): boolean {
  const index = policy.memo.decisions ?? decisionIndexOf(policy);
  const viewer = index.users.locate(viewerId);
  if (viewer < 0) throw new UnknownIdError('user', viewerId);
  const owner = index.users.locate(ownerId);
  if (owner < 0) throw new UnknownIdError('user', ownerId);
  const perm = index.perms.get(permissionId);
  if (perm === undefined) throw new UnknownIdError('permission', permissionId);
  const column = index.columns[perm] ?? columnOf(index, perm);
  const people = index.people;
  const a = viewer * STRIDE;
  const b = owner * STRIDE;
  // The owner's fields are read before the scope is known, whichever scope it turns out to be, so that the two
  // records are fetched from memory side by side instead of one after the other.
  const ownerEnter = people[b + ENTER]!;
  const ownerDepth = people[b + DEPTH]!;
  const ownerDept = people[b + DEPT]!;
  const scope = column[people[a + PROFILE]!]!;
  if (scope === 0) return false;
  if (viewer === owner || scope === 5) return true;
  switch (scope) {
    case 2:
      return within(people, a, ownerEnter, ownerDepth, index.limit);
    case 3:
      return people[a + DEPT] === ownerDept;
    case 4: {
      // `reaches` scope 4: the owner's department is the viewer's, or found below it (depts holds the same fields).
      const from = people[a + DEPT]! * STRIDE;
      const to = ownerDept * STRIDE;
      const depts = index.depts;
      return from === to || within(depts, from, depts[to + ENTER]!, depts[to + DEPTH]!, index.limit);
    }
    default:
      return false; // 1: self only
  }
}

/**
 * Whether the node entered at tour position `e`, at depth `depth`, is found by `getChildList` from the node whose
 * record starts at `at`, within `limit` levels: in its range, or round its cycle (eulerTour.ts).
 */
function within(records: Int32Array, at: number, e: number, depth: number, limit: number): boolean {
  if (e >= records[at + ENTER]! && e <= records[at + EXIT]!) return depth - records[at + DEPTH]! <= limit;
  return e >= records[at + LOOP_FROM]! && e <= records[at + LOOP_TO]! && depth + records[at + LOOP]! <= limit;
}
