import { useCallback, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { UndoToast } from '../../components/UndoToast';
import { useFeatureT } from '../../i18n/featureMessages';
import { useDraftStore } from '../../stores/draftStore';
import type { Gesture } from '../drafts/useRecordGesture';
import { bulkMessages } from './bulkMessages';

/** One gesture as a matrix sends it, with what to ask before and what to say after. */
export interface GestureRequest extends Gesture {
  /** Set when the gesture must be confirmed first: the title, what it grants in words, the confirm button. */
  confirm: { title: string; body: ReactNode; confirmLabel: string } | null;
  /** What the toast says once the gesture is applied; null = no toast (a single cell). */
  done: string | null;
}

interface ShownToast {
  text: string;
  /** The draft and its applied count right after the gesture: Undo is offered only while it is the last step. */
  draftId: string;
  applied: number;
}

/**
 * Confirmation before and a toast with Undo after a bulk gesture, for both matrices. The toast's Undo is the
 * draft's own undo step, so it is offered only while that gesture is still the last one applied: after another
 * edit, an undo from the header, or a switch of draft, the toast goes away instead of undoing something else.
 */
export function useBulkGesture(record: (gesture: Gesture) => Promise<boolean>) {
  const t = useFeatureT(bulkMessages);
  const [pending, setPending] = useState<GestureRequest | null>(null);
  const [toast, setToast] = useState<ShownToast | null>(null);
  const active = useDraftStore((s) => s.drafts.find((d) => d.id === s.activeDraftId) ?? null);
  const undo = useDraftStore((s) => s.undo);

  const commit = useCallback(
    async (request: GestureRequest) => {
      setToast(null);
      const ok = await record(request);
      const draft = useDraftStore.getState().activeDraft();
      if (ok && request.done && draft) setToast({ text: request.done, draftId: draft.id, applied: draft.appliedCount });
      return ok;
    },
    [record],
  );
  const run = useCallback(
    (request: GestureRequest) => {
      if (request.ops.length === 0) return;
      if (request.confirm) setPending(request);
      else void commit(request);
    },
    [commit],
  );

  const toastShown = toast !== null && active !== null && active.id === toast.draftId && active.appliedCount === toast.applied && active.canUndo;
  const elements = (
    <>
      {pending?.confirm && (
        <ConfirmDialog
          title={pending.confirm.title}
          confirmLabel={pending.confirm.confirmLabel}
          cancelLabel={t('confirm.cancel')}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const request = pending;
            setPending(null);
            void commit(request);
          }}
        >
          {pending.confirm.body}
        </ConfirmDialog>
      )}
      {toastShown && (
        <UndoToast
          message={toast.text}
          undoLabel={t('toast.undo')}
          dismissLabel={t('toast.dismiss')}
          onDismiss={() => setToast(null)}
          onUndo={() => {
            setToast(null);
            void undo();
          }}
        />
      )}
    </>
  );
  return { run, elements, confirming: pending !== null };
}
