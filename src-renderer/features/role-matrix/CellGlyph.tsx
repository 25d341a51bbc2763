import type { DataScope } from '../../../src-main/common/domain';

/**
 * What a granted cell draws: for data-scoped actions a circle filled by fifths (the Dynamics circles: the fill
 * carries the order, so it reads without colour), otherwise a check mark. Purely visual; the cell's label
 * carries the words.
 */
export function CellGlyph({ granted, scope, wasGranted }: { granted: boolean; scope: DataScope | null; wasGranted: boolean }) {
  if (!granted) {
    // A revoked-but-pending cell keeps a faint cross so the change is visible where the glyph vanished.
    if (!wasGranted) return null;
    return (
      <svg className="glyph" viewBox="0 0 16 16" aria-hidden="true">
        <path className="glyph-revoked" d="M4 4 L12 12 M12 4 L4 12" />
      </svg>
    );
  }
  if (scope === null) {
    return (
      <svg className="glyph" viewBox="0 0 16 16" aria-hidden="true">
        <path className="glyph-check" d="M3 8.5 L6.5 12 L13 4.5" />
      </svg>
    );
  }
  return (
    <svg className="glyph" viewBox="0 0 16 16" aria-hidden="true" data-scope={scope}>
      <circle cx="8" cy="8" r="6.5" className="glyph-ring" />
      {scope < 5 ? <path d={arc(scope / 5)} className="glyph-fill" /> : <circle cx="8" cy="8" r="6.5" className="glyph-fill" />}
    </svg>
  );
}

function arc(fraction: number): string {
  const angle = fraction * 2 * Math.PI;
  const x = 8 + 6.5 * Math.sin(angle);
  const y = 8 - 6.5 * Math.cos(angle);
  return `M8 8 L8 1.5 A6.5 6.5 0 ${fraction > 0.5 ? 1 : 0} 1 ${x.toFixed(2)} ${y.toFixed(2)} Z`;
}
