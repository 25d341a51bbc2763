import { useEffect, useState } from 'react';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized } from '../../i18n/useT';
import { useExplanation } from '../person/WhyPanel';
import type { CellRef } from './HeatmapGrid';
import { heatmapMessages } from './messages';

/**
 * The engine's plain-language reason for the hovered or focused cell. The request waits for the pointer to
 * settle, so sweeping across the map does not fire one call per cell.
 */
export function ExplanationStrip({ cell, personName, columnLabel }: { cell: CellRef | null; personName: string; columnLabel: string }) {
  const ht = useFeatureT(heatmapMessages);
  const localized = useLocalized();
  const [settled, setSettled] = useState<CellRef | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(cell), 150);
    return () => clearTimeout(timer);
  }, [cell]);
  const { explanation } = useExplanation(settled?.userId ?? null, settled?.permissionId ?? null);
  return (
    <div className="hm-explain" aria-live="polite" data-testid="heatmap-explanation">
      {!settled ? (
        <span className="muted">{ht('hoverHint')}</span>
      ) : (
        <>
          <strong>{ht('why')} · {personName} · {columnLabel}: </strong>
          {explanation ? localized(explanation.consequence) : <span className="muted">{ht('explaining')}</span>}
        </>
      )}
    </div>
  );
}
