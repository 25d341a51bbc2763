import type { Id, Snapshot } from '../domain';
import { apply, applyChecked } from './apply';
import { opsSettingCell } from './cellOps';
import type { CellChange, CellRef, CellValues } from './cells';
import { cellKey, cellOwners, sameValue } from './cells';
import { readCell } from './cellValue';
import { diffSnapshots } from './diff';
import type { DraftBatch, DraftOperation } from './operations';
import { opsOf } from './operations';
import type { DraftProblem } from './problems';
import { isError } from './problems';
import { operationCells, restrictOperation } from './restrict';
import { WorkingSnapshot } from './workingSnapshot';

type CellValue = CellValues[keyof CellValues];

/**
 * Why a cell could not simply be carried over:
 * - `bothChanged`: the draft and the server changed the same cell to different values;
 * - `deletedByTheirs`: the server deleted a role / person / department the draft edits (one conflict per entity);
 * - `deletedByOurs`: the draft deletes something the server has meanwhile edited;
 * - `rejected`: the operation no longer passes the server's rules on the new state (a name taken meanwhile,
 *   a department that gained people, a reporting-line cycle made of both sides' changes…).
 */
export type ConflictReason = 'bothChanged' | 'deletedByTheirs' | 'deletedByOurs' | 'rejected';

export interface RebaseConflict {
  /** Stable within one result: the cell key, or `rejected:<n>`. Choices are keyed by it. */
  id: string;
  reason: ConflictReason;
  cell: CellRef;
  /** The cell in the draft's base, on the server now, and as the draft wants it (undefined: the entity is gone). */
  base: CellValue | undefined;
  theirs: CellValue | undefined;
  ours: CellValue | undefined;
  /** The draft's changes this conflict holds back (several when the server deleted an entity the draft edits). */
  ourChanges: CellChange[];
  /** For `rejected`: what the rules say. */
  problems: DraftProblem[];
  /** Appended when the user keeps the draft's side; empty when that is not possible (re-create by hand). */
  oursOps: DraftOperation[];
}

export interface RebaseResult {
  /** The draft rewritten onto `theirs`: independent changes kept, cells already equal on the server dropped. */
  ops: DraftOperation[];
  conflicts: RebaseConflict[];
  /** Draft changes the server already made identically (dropped from `ops`; shown as "already done"). */
  alreadyDone: CellChange[];
}

/**
 * Three-way rebase of a draft made on `base` onto the newer server state `theirs` (ARCHITECTURE §3): every cell
 * the draft changes (net, base → draft projection) is compared with the same cell on the server. Unchanged
 * there → kept; changed there to the draft's value → dropped; changed there differently → conflict, and the
 * server's value stands until the user picks. Operations are cut down cell by cell, so an operation that keeps
 * all its cells comes out as the very same object. What remains is checked against `theirs` with the rules.
 */
export function rebase(base: Snapshot, theirs: Snapshot, input: readonly DraftOperation[] | DraftBatch): RebaseResult {
  const ops = opsOf(input);
  const ours = apply(base, ops, { rules: 'structural' });
  const ourChanges = new Map(diffSnapshots(base, ours).map((c) => [c.key, c]));
  const baseWs = new WorkingSnapshot(base);
  const theirsWs = new WorkingSnapshot(theirs);
  const oursWs = new WorkingSnapshot(ours);
  const conflicts = new Map<string, RebaseConflict>();
  const alreadyDone = new Map<string, CellChange>();
  const decisions = new Map<string, boolean>();

  const rebuilt = new Set<string>();
  for (const op of ops) {
    if (op.type === 'deleteRole' && baseWs.roles.has(op.roleId)) rebuilt.add(cellKey({ kind: 'role', roleId: op.roleId }));
    if (op.type === 'deleteDepartment' && baseWs.departments.has(op.departmentId)) rebuilt.add(cellKey({ kind: 'department', departmentId: op.departmentId }));
  }

  const decide = (ref: CellRef): boolean => {
    const key = cellKey(ref);
    let keep = decisions.get(key);
    if (keep === undefined) {
      keep = decideCell(ref, key);
      decisions.set(key, keep);
    }
    return keep;
  };

  const decideCell = (ref: CellRef, key: string): boolean => {
    const change = ourChanges.get(key);
    for (const owner of cellOwners(ref)) {
      if (!exists(baseWs, owner) || exists(theirsWs, owner)) continue;
      // The server deleted an entity this cell belongs to.
      const ownerRef = existenceRef(owner);
      if (change && ref.kind !== owner.kind) {
        const id = cellKey(ownerRef);
        const entry = conflicts.get(id) ?? conflict(id, 'deletedByTheirs', ownerRef, readCell(baseWs, ownerRef), null, readCell(oursWs, ownerRef));
        entry.ourChanges.push(change);
        conflicts.set(id, entry);
      } else if (change) {
        alreadyDone.set(key, change); // both sides deleted it
      }
      return false;
    }
    // A base entity the draft deletes (and may re-create under the same id) is decided as a whole.
    for (const owner of cellOwners(ref)) {
      const entity = existenceRef(owner);
      if (entity.kind !== ref.kind && rebuilt.has(cellKey(entity))) return decide(entity);
    }
    // An entity the draft creates is the draft's alone: the server cannot have touched it.
    if (cellOwners(ref).some((owner) => !exists(baseWs, owner))) return true;
    if (ref.kind === 'role' || ref.kind === 'department') {
      // Deleting (or deleting and re-creating under the same id): the server's version must still be the one
      // the user agreed to throw away, edits included.
      const before = fingerprint(baseWs, ref);
      if (sameValue(before, fingerprint(oursWs, ref))) return false;
      if (sameValue(before, fingerprint(theirsWs, ref))) return true;
      const theirsValue = readCell(theirsWs, ref);
      const oursValue = readCell(oursWs, ref);
      conflicts.set(key, {
        ...conflict(key, 'deletedByOurs', ref, readCell(baseWs, ref), theirsValue, oursValue),
        ourChanges: change ? [change] : [],
        oursOps: change ? opsSettingCell(change) : [],
      });
      return false;
    }
    if (!change) return false; // no net change: carrying it over could only undo someone else's edit
    const theirsValue = readCell(theirsWs, ref);
    if (sameValue(theirsValue, change.after)) {
      alreadyDone.set(key, change);
      return false;
    }
    if (sameValue(theirsValue, change.before)) return true;
    conflicts.set(key, { ...conflict(key, 'bothChanged', ref, change.before, theirsValue, change.after), ourChanges: [change], oursOps: opsSettingCell(change) });
    return false;
  };

  const carried = ops.flatMap((op) => restrictOperation(op, decide));
  // The server's rules on the new state: whatever no longer passes is held back as a conflict.
  const checked = applyChecked(theirs, carried);
  const applied = new Set(checked.applied);
  carried.forEach((op, i) => {
    if (applied.has(i)) return;
    const cell = operationCells(op)[0] as CellRef;
    const change = ourChanges.get(cellKey(cell));
    const id = `rejected:${i}`;
    conflicts.set(id, {
      ...conflict(id, 'rejected', cell, readCell(baseWs, cell), readCell(theirsWs, cell), change?.after),
      ourChanges: operationCells(op).flatMap((c) => ourChanges.get(cellKey(c)) ?? []),
      problems: checked.problems.filter((p) => p.opIndex === i && isError(p)),
    });
  });
  return { ops: carried.filter((_, i) => applied.has(i)), conflicts: [...conflicts.values()], alreadyDone: [...alreadyDone.values()] };
}

export type ConflictChoice = 'ours' | 'theirs';

/**
 * The draft after the user's choices: `theirs` (and any conflict without a choice) keeps the server's value,
 * `ours` appends the operations that put the draft's value back. Validate the result against the new base
 * before saving: a choice can still break a rule (e.g. keeping a name the server gave to another role).
 */
export function resolveConflicts(
  result: RebaseResult,
  choices: Readonly<Record<string, ConflictChoice>>,
): { ops: DraftOperation[]; unresolved: RebaseConflict[] } {
  const ops = [...result.ops];
  const unresolved: RebaseConflict[] = [];
  for (const c of result.conflicts) {
    const choice = choices[c.id];
    if (choice === 'ours') ops.push(...c.oursOps);
    else if (choice === undefined) unresolved.push(c);
  }
  return { ops, unresolved };
}

function conflict(id: string, reason: ConflictReason, cell: CellRef, base: CellValue | undefined, theirs: CellValue | undefined, ours: CellValue | undefined): RebaseConflict {
  return { id, reason, cell, base, theirs, ours, ourChanges: [], problems: [], oursOps: [] };
}

type Owner = ReturnType<typeof cellOwners>[number];

function exists(ws: WorkingSnapshot, owner: Owner): boolean {
  if (owner.kind === 'role') return ws.roles.has(owner.id);
  if (owner.kind === 'user') return ws.users.has(owner.id);
  return ws.departments.has(owner.id);
}

function existenceRef(owner: Owner): CellRef {
  if (owner.kind === 'role') return { kind: 'role', roleId: owner.id };
  if (owner.kind === 'user') return { kind: 'user', userId: owner.id };
  return { kind: 'department', departmentId: owner.id };
}

/** Everything about a role or department that a deletion would throw away, comparable across snapshots. */
function fingerprint(ws: WorkingSnapshot, ref: Extract<CellRef, { kind: 'role' | 'department' }>): unknown {
  if (ref.kind === 'department') {
    const d = ws.departments.get(ref.departmentId);
    return d && { name: d.name, parentId: d.parentId, headUserId: d.headUserId, sort: d.sort };
  }
  const role = ws.roles.get(ref.roleId);
  if (!role) return undefined;
  const members: Id[] = ws.users.all.filter((u) => u.roleIds.includes(role.id)).map((u) => u.id);
  const rules = ws.fieldRules.all.filter((r) => r.roleId === role.id).map((r) => `${r.module}.${r.field}=${r.access}/${r.mask}`);
  return {
    name: role.name,
    groupId: role.groupId,
    dataScope: role.dataScope,
    enabled: role.enabled,
    remark: role.remark,
    label: role.label,
    permissionIds: [...new Set(role.permissionIds)].sort(),
    members: members.sort(),
    rules: rules.sort(),
  };
}
