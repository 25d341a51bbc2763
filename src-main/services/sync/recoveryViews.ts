import type { UndoPreviewView } from '../../common/ipc';
import type { UndoPreview } from './pushRecovery';
import { changeLine, notUndoableLine } from './syncViews';

/** "Undo what landed", before anything is sent: each change of the push the server holds, in words. */
export function undoPreviewView(pushId: string, preview: UndoPreview): UndoPreviewView {
  const { plannedOn, expected } = preview.planned;
  return {
    pushId,
    landed: preview.landed.map((c) => changeLine(c, plannedOn, expected)),
    notUndoable: preview.notUndoable.map((c) => notUndoableLine(c, expected, plannedOn)),
    calls: preview.ops.length,
  };
}
