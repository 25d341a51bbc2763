/** A labelled progress bar (determinate once the total is known). */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <div className="sync-progress">
      <progress aria-label={label} value={total > 0 ? done : undefined} max={total > 0 ? total : undefined} />
      <span role="status">{label}</span>
    </div>
  );
}
