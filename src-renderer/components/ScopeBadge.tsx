import type { DataScope } from '../../src-main/common/domain';
import { useT } from '../i18n/useT';

/**
 * A data scope as a glyph with five fill levels plus its name: the fill carries the order, the text
 * carries the meaning, so it reads without colour.
 */
export function ScopeBadge({ scope }: { scope: DataScope | 0 }) {
  const t = useT();
  const name = t(`scope.${scope}`);
  return (
    <span className={`scope-badge scope-${scope}`} title={name}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <circle cx="8" cy="8" r="6.5" className="scope-ring" />
        {scope > 0 && scope < 5 && <path d={scopeArc(scope / 5)} className="scope-fill" />}
        {scope === 5 && <circle cx="8" cy="8" r="6.5" className="scope-fill" />}
      </svg>
      <span>{name}</span>
    </span>
  );
}

function scopeArc(fraction: number): string {
  const angle = fraction * 2 * Math.PI;
  const x = 8 + 6.5 * Math.sin(angle);
  const y = 8 - 6.5 * Math.cos(angle);
  return `M8 8 L8 1.5 A6.5 6.5 0 ${fraction > 0.5 ? 1 : 0} 1 ${x.toFixed(2)} ${y.toFixed(2)} Z`;
}
