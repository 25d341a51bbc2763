import type { Snapshot } from '../../../common/domain';
import { diffSnapshots, type CellChange } from '../../../common/draft';
import type { VerifyReport } from '../../connector';
import { remapIds } from '../../created';
import { closeGrants } from '../plan/closeGrants';
import { propagationNotes } from './propagation';

/**
 * Compare the server, pulled again after a push, with the draft's projection: every difference is reported.
 * `projection` is the draft applied to `plannedOn` (as the services rebuild it, without the parent rules), so it is
 * closed over parents here exactly as the plan did (closeGrants.ts): the parents the server added are expected,
 * not "changed elsewhere". `ids` are the draft → server ids the push learned.
 */
export function verifyPush(args: { plannedOn: Snapshot; projection: Snapshot; pulled: Snapshot; ids: Readonly<Record<string, string>> }): VerifyReport {
  const expected = remapIds(closeGrants(args.plannedOn, args.projection), args.ids);
  const planned = diffSnapshots(args.plannedOn, expected);
  const plannedKeys = new Set(planned.map((c) => c.key));
  const existedBefore = new Set(args.plannedOn.roles.map((r) => r.id));
  const mismatches: CellChange[] = [];
  const changedElsewhere: CellChange[] = [];
  for (const c of diffSnapshots(expected, args.pulled)) {
    if (plannedKeys.has(c.key)) mismatches.push(c);
    // groups/save creates a new CRM role's field grants with the CRM's defaults (Groups::save →
    // FieldGrantLogic::createCrmFieldGrant): rules of a new role the draft did not set are not differences.
    else if (c.kind === 'fieldRule' && c.before === null && !existedBefore.has(c.roleId)) continue;
    else changedElsewhere.push(c);
  }
  return { ok: mismatches.length === 0, mismatches, changedElsewhere, propagation: propagationNotes(planned, args.pulled) };
}
