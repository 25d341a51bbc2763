import './feedback.css';

interface Props {
  message: string;
  undoLabel: string;
  dismissLabel: string;
  onUndo(): void;
  onDismiss(): void;
}

/**
 * What a bulk change just did, with Undo. A polite live region (role=status) announces it without taking focus;
 * the buttons are ordinary buttons in the tab order. It has no timer: it stays until Undo, Dismiss or the next
 * change replaces it, so nobody has to be quick (and no test has to race a clock).
 */
export function UndoToast({ message, undoLabel, dismissLabel, onUndo, onDismiss }: Props) {
  return (
    <div className="undo-toast" role="status" aria-live="polite" data-testid="undo-toast">
      <span className="undo-toast-text">{message}</span>
      <button type="button" className="primary" onClick={onUndo}>
        {undoLabel}
      </button>
      <button type="button" className="icon-button" aria-label={dismissLabel} title={dismissLabel} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
