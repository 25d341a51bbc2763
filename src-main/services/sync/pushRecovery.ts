import type { Snapshot } from '../../common/domain';
import { applyChecked, type CellChange, diffSnapshots, type DraftOperation, landedChanges, undoChanges, type UndoPlan } from '../../common/draft';
import { AppError } from '../../common/ipc';
import { matchCreated, remapIds } from '../../connectors';
import type { PushJournal } from '../../store';
import type { WorkspaceData } from '../workspace';
import { idsLearned, plannedPushOf, type PlannedPushContext } from './plannedPush';

/** What a push was planned on and meant, in the server's ids as far as the journal (or a fresh pull) knows them. */
export interface PlannedPush {
  context: PlannedPushContext;
  journal: PushJournal;
  plannedOn: Snapshot;
  projection: Snapshot;
  /** The projection with the ids the push learned. */
  expected: Snapshot;
}

export function plannedPush(data: WorkspaceData, pushId: string, pulled?: Snapshot): PlannedPush {
  const journal = data.getPush(pushId);
  const context = plannedPushOf(journal);
  if (!context) throw new AppError('NOT_FOUND', `push ${pushId} has no recorded plan in this workspace`);
  const plannedOn = data.loadSnapshot(context.plannedOnVersion).snapshot;
  const projection = applyChecked(plannedOn, context.ops).snapshot;
  const learned = idsLearned(journal);
  // A stopped push may have created a role or department without learning its id: find it in the fresh pull.
  const ids = pulled ? matchCreated({ plannedOn, projection, pulled, ids: learned }) : learned;
  return { context, journal, plannedOn, projection, expected: remapIds(projection, ids) };
}

/**
 * The inverse of some changes as WukongCRM can store it: `undoChanges`, except that nobody can set a person back to
 * "not yet activated" (setUserStatus takes 0 or 1 only, reference §3; the connector's `inactiveStatusSettable:
 * false`), so such a change is named among what cannot be undone rather than attempted. Used by rollback, undo
 * what landed and the verify view.
 */
export function undoOnWukong(changes: readonly CellChange[]): UndoPlan {
  const backToInactive = (c: CellChange) => c.kind === 'userStatus' && c.before === 'inactive';
  const { ops, notUndoable } = undoChanges(changes.filter((c) => !backToInactive(c)));
  const stuck = changes.filter(backToInactive).map((c) => ({ ...c, before: c.after, after: c.before }) as CellChange);
  return { ops, notUndoable: [...notUndoable, ...stuck] };
}

/** How a push can end when it did not finish: its landed part undone by a compensating push, or abandoned. */
export interface UndoPreview {
  /** Changes of the push the server holds now (they will be put back). */
  landed: CellChange[];
  /** Of those, what cannot be put back automatically (a deleted role cannot be re-created with its id). */
  notUndoable: CellChange[];
  /** The compensating operations, against `server`. */
  ops: DraftOperation[];
  server: Snapshot;
  planned: PlannedPush;
}

/**
 * The compensating change for a push that stopped part-way (or finished): every change of its plan that the
 * freshly pulled server holds, set back to the value it had when the push was planned. Cells someone else
 * changed since, and steps that never landed, are left alone.
 */
export function undoPreview(data: WorkspaceData, pushId: string, server: Snapshot): UndoPreview {
  const planned = plannedPush(data, pushId, server);
  if (planned.journal.finishedAt !== null && planned.journal.outcome !== 'verified') {
    throw new AppError('REFUSED', `push ${pushId} is already closed (${planned.journal.outcome ?? 'finished'}): there is nothing to undo`);
  }
  const landed = landedChanges(diffSnapshots(planned.plannedOn, planned.expected), server);
  const { ops, notUndoable } = undoOnWukong(landed);
  return { landed, notUndoable, ops, server, planned };
}
