import type { Snapshot } from '../../../common/domain';
import type { CellChange } from '../../../common/draft';
import { diffSnapshots } from '../../../common/draft';
import type { VerifyReport } from '../../connector';
import { propagationNotes } from './propagation';
import { remapIds } from '../../created';

/**
 * Compare the server, pulled again after a push, with the draft's projection (ARCHITECTURE §3): every
 * difference is reported. `plannedOn` is the server state the plan was made on, `projection` the draft applied
 * to it, `ids` the draft → server ids the push learned.
 */
export function verifyPush(args: { plannedOn: Snapshot; projection: Snapshot; pulled: Snapshot; ids: Readonly<Record<string, string>> }): VerifyReport {
  const expected = remapIds(args.projection, args.ids);
  const planned = diffSnapshots(args.plannedOn, expected);
  const plannedKeys = new Set(planned.map((c) => c.key));
  const mismatches: CellChange[] = [];
  const changedElsewhere: CellChange[] = [];
  for (const c of diffSnapshots(expected, args.pulled)) {
    if (plannedKeys.has(c.key)) mismatches.push(c);
    // queryRoleField creates a role's default rows on first read (§6): rules of a new role the draft did not set.
    else if (c.kind === 'fieldRule' && c.before === null && !args.plannedOn.roles.some((r) => r.id === c.roleId)) continue;
    else changedElsewhere.push(c);
  }
  return { ok: mismatches.length === 0, mismatches, changedElsewhere, propagation: propagationNotes(planned, args.pulled) };
}
