import type { CompiledPolicy, ScopeValue } from './compiledPolicy';
import { scopeOf, UnknownIdError } from './scope';
import { ownersAtScope } from './visibility';

/** One (viewer row, permission column) whose visible owners differ between two policies (the scope may be equal). */
export interface ReachChange {
  row: number;
  column: number;
  gained: number;
  lost: number;
}

/**
 * Whose records a draft adds or removes for each viewer, permission by permission: how many owners each of
 * `rows` (user ids) gains and loses under each of `permissionIds` from `base` to `after`. Moving people or
 * departments keeps every scope number but changes whom those scopes reach; this counts that.
 *
 * Owner sets depend only on (scope, who or where): self and self + reports on the viewer, own department
 * and department tree on the viewer's department, everyone on nothing. Sets and their differences are
 * cached on that key, so a 20k-person org compares each department once, not once per person.
 */
export function reachChanges(base: CompiledPolicy, after: CompiledPolicy, rows: readonly string[], permissionIds: readonly string[]): ReachChange[] {
  const ownerSets = new Map<string, Set<string>>();
  const deltas = new Map<string, { gained: number; lost: number }>();
  const ownersOf = (policy: CompiledPolicy, side: string, user: number, scope: ScopeValue): [string, Set<string>] => {
    const where = scope === 0 || scope === 5 ? '' : scope === 3 || scope === 4 ? `d${policy.userDept[user]}` : `u${user}`;
    const key = `${side}${scope}${where}`;
    let set = ownerSets.get(key);
    if (!set) {
      set = new Set(Array.from(ownersAtScope(policy, user, scope), (o) => policy.userIds[o]!));
      ownerSets.set(key, set);
    }
    return [key, set];
  };
  const basePerms = permissionIds.map((id) => base.permIndex.get(id) ?? -1);
  const afterPerms = permissionIds.map((id) => {
    const p = after.permIndex.get(id);
    if (p === undefined) throw new UnknownIdError('permission', id);
    return p;
  });
  const reportingChanged = reportingLineChanges(base, after);
  const changes: ReachChange[] = [];
  rows.forEach((userId, row) => {
    const a = after.userIndex.get(userId);
    if (a === undefined) throw new UnknownIdError('user', userId);
    const b = base.userIndex.get(userId);
    // A row holds only a few distinct (before, after) scope pairs: resolve each once per person.
    const inRow = new Map<number, { gained: number; lost: number }>();
    permissionIds.forEach((_, column) => {
      const sa = scopeOf(after, a, afterPerms[column]!);
      const sb: ScopeValue = b === undefined || basePerms[column]! < 0 ? 0 : scopeOf(base, b, basePerms[column]!);
      if (sa === 0 && sb === 0) return;
      // Unchanged "self", or "self + reports" of someone whose reporting line below did not change: nothing to compare.
      if (sa === sb && b !== undefined && (sa === 1 || (sa === 2 && !reportingChanged.has(userId)))) return;
      let delta = inRow.get(sb * 6 + sa);
      if (!delta) {
        const [keyA, setA] = ownersOf(after, 'a', a, sa);
        const [keyB, setB] = b === undefined ? ['b0', new Set<string>()] : ownersOf(base, 'b', b, sb);
        const pair = `${keyB}|${keyA}`;
        delta = deltas.get(pair);
        if (!delta) {
          let gained = 0;
          let lost = 0;
          for (const id of setA) if (!setB.has(id)) gained++;
          for (const id of setB) if (!setA.has(id)) lost++;
          delta = { gained, lost };
          deltas.set(pair, delta);
        }
        inRow.set(sb * 6 + sa, delta);
      }
      if (delta.gained || delta.lost) changes.push({ row, column, ...delta });
    });
  });
  return changes;
}

/**
 * Everyone whose "self + reports" set may differ: the managers, before and after, of each person whose
 * manager changed, was added or was removed, all the way up. An over-approximation only costs a comparison.
 */
function reportingLineChanges(base: CompiledPolicy, after: CompiledPolicy): Set<string> {
  const out = new Set<string>();
  const climb = (policy: CompiledPolicy, user: number | undefined) => {
    for (let u = user === undefined ? -1 : policy.userManager[user]!; u >= 0 && !out.has(policy.userIds[u]!); u = policy.userManager[u]!) out.add(policy.userIds[u]!);
  };
  const managerId = (policy: CompiledPolicy, u: number) => (policy.userManager[u]! >= 0 ? policy.userIds[policy.userManager[u]!]! : null);
  for (let a = 0; a < after.userCount; a++) {
    const b = base.userIndex.get(after.userIds[a]!);
    if (b !== undefined && managerId(base, b) === managerId(after, a)) continue;
    climb(after, a);
    climb(base, b);
  }
  for (let b = 0; b < base.userCount; b++) if (!after.userIndex.has(base.userIds[b]!)) climb(base, b);
  return out;
}
