import type { FeatureT } from '../../i18n/featureMessages';
import type { HeatmapData } from './useHeatmapData';
import { glyphKey } from './scopeCodec';

type GlyphT = FeatureT<'g0' | 'g1' | 'g2' | 'g3' | 'g4' | 'g5'>;

export interface CellLook {
  className: string;
  glyph: string;
  scope: number;
  before: number | null;
  reach: { gained: number; lost: number } | null;
}

/**
 * How a cell looks. Scope mode: the scope's colour class and glyph. Delta mode: only what the draft changes
 * is coloured — a higher number is a gain (▲), a lower one a loss (▼), and an equal number whose people
 * differ (a move) is a reach change with its +gained −lost owner counts; everything else fades.
 */
export function cellLook(data: HeatmapData, row: number, matrixColumn: number, delta: boolean, gt: GlyphT): CellLook {
  const i = row * data.permissionIds.length + matrixColumn;
  const scope = data.scopes[i]!;
  if (!delta || !data.baseScopes) return { className: `hm-s${scope}`, glyph: gt(glyphKey(scope)), scope, before: null, reach: null };
  const before = data.baseScopes[i]!;
  const reach = data.reach?.get(i) ?? null;
  if (scope > before) return { className: 'hm-gain', glyph: `▲${gt(glyphKey(scope))}`, scope, before, reach };
  if (scope < before) return { className: 'hm-loss', glyph: `▼${gt(glyphKey(scope))}`, scope, before, reach };
  if (reach) return { className: 'hm-reach', glyph: `+${reach.gained}−${reach.lost}`, scope, before, reach };
  return { className: 'hm-same', glyph: gt(glyphKey(scope)), scope, before, reach: null };
}
