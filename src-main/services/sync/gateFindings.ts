import type { PushGate } from '../../common/ipc';
import type { LintFinding } from '../../common/policy';

/**
 * The checks of the projection, each marked as introduced by the draft or already true on the server. Only an
 * error the draft introduces blocks: a push must not be held hostage by a finding it did not cause (and cannot
 * fix), but it must not create one silently either. A finding is already there when the server's state before
 * the push had one of the same rule naming at least everything it names (people, roles, permissions,
 * departments): the same finding, or the same one made smaller by the draft (a revoke that leaves 150 people
 * holding Customers › Delete instead of 160). A finding that names anyone or anything new — the same rule
 * reached by more people — is the draft's doing.
 */
export function introducedFindings(before: readonly LintFinding[], after: readonly LintFinding[]): PushGate['findings'] {
  const exact = new Set(before.map(findingKey));
  // Candidates for "the same, made smaller": same rule, naming the first id the new finding names.
  const byAnchor = new Map<string, LintFinding[]>();
  for (const f of before) {
    for (const anchor of anchors(f, true)) {
      const list = byAnchor.get(anchor);
      if (list) list.push(f);
      else byAnchor.set(anchor, [f]);
    }
  }
  return after.map((f) => {
    const introduced = !exact.has(findingKey(f)) && !(byAnchor.get(anchors(f)[0] ?? '') ?? []).some((b) => covers(b, f));
    return { ruleId: f.ruleId, severity: f.severity, message: f.message, introduced, blocking: introduced && f.severity === 'error' };
  });
}

const DIMENSIONS = ['permissionIds', 'roleIds', 'departmentIds', 'userIds'] as const;

function findingKey(f: LintFinding): string {
  return [f.ruleId, ...DIMENSIONS.map((k) => [...f.refs[k]].sort().join(','))].join('\u0000');
}

/**
 * Where to look a finding up: for a finding of `before` every id it names, per dimension; for one of `after` the
 * first id of its first non-empty dimension (a covering finding names that id too).
 */
function anchors(f: LintFinding, all = false): string[] {
  const dimensions = DIMENSIONS.filter((k) => f.refs[k].length > 0);
  if (dimensions.length === 0) return [`${f.ruleId}\u0000`];
  const picked = all ? dimensions : dimensions.slice(0, 1);
  return picked.flatMap((k) => (all ? f.refs[k] : f.refs[k].slice(0, 1)).map((id) => `${f.ruleId}\u0000${k}\u0000${id}`));
}

/** Whether `b` names at least everything `f` names, in every dimension. */
function covers(b: LintFinding, f: LintFinding): boolean {
  return DIMENSIONS.every((k) => {
    if (f.refs[k].length === 0) return true;
    const held = new Set(b.refs[k]);
    return f.refs[k].every((id) => held.has(id));
  });
}
