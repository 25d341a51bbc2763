import { useFeatureT } from '../../i18n/featureMessages';
import { useT } from '../../i18n/useT';
import { heatmapMessages, scopeGlyphs } from './messages';
import { glyphKey, scopeKey } from './scopeCodec';

/** What the colours and glyphs mean, in the mode the map is in. */
export function Legend({ delta }: { delta: boolean }) {
  const t = useT();
  const ht = useFeatureT(heatmapMessages);
  const gt = useFeatureT(scopeGlyphs);
  const items = delta
    ? [
        { className: 'hm-gain', glyph: '▲', label: ht('gained') },
        { className: 'hm-loss', glyph: '▼', label: ht('lost') },
        { className: 'hm-reach', glyph: '±', label: ht('reach') },
        { className: 'hm-same', glyph: '', label: ht('unchanged') },
      ]
    : [0, 1, 2, 3, 4, 5].map((s) => ({ className: `hm-s${s}`, glyph: gt(glyphKey(s)), label: t(scopeKey(s)) }));
  return (
    <ul className="hm-legend" aria-label={ht('legend')}>
      {items.map((i) => (
        <li key={i.className}>
          <span className={`hm-swatch ${i.className}`} aria-hidden="true">{i.glyph}</span>
          {i.label}
        </li>
      ))}
    </ul>
  );
}
