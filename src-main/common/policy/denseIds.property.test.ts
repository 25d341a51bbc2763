import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenseIds } from './denseIds';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) };

/**
 * Ids as a CRM may hand them over: runs of integers (dense or with gaps), the same values spelled otherwise
 * ("007", "1e2", " 7", "0x7", "7.0", "-3", "+5", ""), values far from the rest, huge and unsafe integers, GUID-like
 * strings, and repeats.
 */
const idArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 60 }).map((n) => String(14773 + n)) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 }).map(String) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 120 }), fc.constantFrom('0', '00', ' ', '+', '-', 'e', '.0', 'x', '')).map(([n, f]) => {
      switch (f) {
        case 'e': return n >= 100 && n % 100 === 0 ? `${n / 100}e2` : `${n}e0`;
        case 'x': return `0x${n.toString(16)}`;
        case ' ': return ` ${n}`;
        case '.0': return `${n}.0`;
        default: return `${f}${n}`;
      }
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom('9007199254740993', '123456789012345678901', '99999999999', '1000000000', '0', '-0', 'NaN', 'Infinity') },
  { weight: 1, arbitrary: fc.string({ minLength: 0, maxLength: 6 }) },
);

function mapOf(ids: readonly string[]): Map<string, number> {
  const map = new Map<string, number>();
  ids.forEach((id, i) => { if (!map.has(id)) map.set(id, i); });
  return map;
}

describe('DenseIds answers as a Map filled in order (first occurrence wins)', () => {
  it('get, has, size, iteration and positions, for ids of every spelling and for strings never added', () => {
    fc.assert(fc.property(fc.array(idArb, { maxLength: 80 }), fc.array(idArb, { maxLength: 40 }), (ids, probes) => {
      const map = mapOf(ids);
      const dense = new DenseIds(ids);
      expect(dense.size).toBe(map.size);
      expect(dense.unique).toBe(map.size === ids.length);
      expect([...dense]).toEqual([...map]);
      expect([...dense.keys()]).toEqual([...map.keys()]);
      expect([...dense.values()]).toEqual([...map.values()]);
      const seen: Array<[string, number]> = [];
      dense.forEach((i, id) => seen.push([id, i]));
      expect(seen).toEqual([...map]);
      const positions = new Set<number>();
      for (const id of [...ids, ...probes, ...ids.map((id) => ` ${id}`.slice(1))]) {
        expect(dense.get(id), JSON.stringify(id)).toBe(map.get(id));
        expect(dense.has(id)).toBe(map.has(id));
        const p = dense.locate(id);
        if (!map.has(id)) expect(p).toBe(-1);
        else {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThan(dense.positionCount);
          expect(dense.indexAt(p)).toBe(map.get(id));
          positions.add(p);
        }
      }
      // One position per distinct id.
      expect(positions.size).toBe(new Set(ids).size);
    }), RUNS);
  });

  it('sparse ids (values far apart) all go through the Map, and still answer', () => {
    const ids = ['1', '1000000', '2000000000', 'abc', '1000000'];
    const dense = new DenseIds(ids);
    expect(dense.slotCount).toBe(0);
    expect([...dense]).toEqual([...mapOf(ids)]);
    expect(dense.get('1000000')).toBe(1);
  });
});
