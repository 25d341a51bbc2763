import { describe, expect, it } from 'vitest';
import { chineseNumeral, randomPersonName, UniqueNames } from './chineseNames';
import { SeededRandom } from './prng';

const draw = (rng: SeededRandom, n: number) => Array.from({ length: n }, () => rng.next());

describe('SeededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    expect(draw(new SeededRandom(7), 50)).toEqual(draw(new SeededRandom(7), 50));
    expect(draw(new SeededRandom(7), 50)).not.toEqual(draw(new SeededRandom(8), 50));
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const rng = new SeededRandom(123);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i += 1) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside += 1;
      else buckets[Math.floor(x * 10)]! += 1;
    }
    expect(outside).toBe(0);
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(600);
  });

  it('int covers both bounds; weighted follows weights; pick refuses an empty list', () => {
    const rng = new SeededRandom(5);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) seen.add(rng.int(1, 5));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5]);
    let heavy = 0;
    for (let i = 0; i < 10_000; i += 1) if (rng.weighted([['a', 9], ['b', 1]] as const) === 'a') heavy += 1;
    expect(heavy).toBeGreaterThan(8700);
    expect(heavy).toBeLessThan(9300);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('forks independent, reproducible streams', () => {
    const a = new SeededRandom(99);
    const b = new SeededRandom(99);
    expect(draw(a.fork(1), 20)).toEqual(draw(b.fork(1), 20));
    expect(draw(new SeededRandom(99).fork(1), 20)).not.toEqual(draw(new SeededRandom(99).fork(2), 20));
  });
});

describe('names', () => {
  it('writes Chinese numerals as people do', () => {
    expect([1, 9, 10, 12, 20, 47, 99, 100].map(chineseNumeral)).toEqual(['一', '九', '十', '十二', '二十', '四十七', '九十九', '100']);
  });

  it('makes names of a surname plus one or two given characters, with ascii pinyin', () => {
    const rng = new SeededRandom(1);
    for (let i = 0; i < 500; i += 1) {
      const { name, pinyin } = randomPersonName(rng);
      expect(name).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(pinyin).toMatch(/^[a-z]+$/);
    }
  });

  it('never hands out the same name twice, even when the tables run dry', () => {
    const names = new UniqueNames();
    names.reserve('李雷');
    const rng = new SeededRandom(2);
    const seen = new Set<string>(['李雷']);
    let repeats = 0;
    for (let i = 0; i < 30_000; i += 1) {
      const { name } = names.next(rng);
      if (seen.has(name)) repeats += 1;
      seen.add(name);
    }
    expect(repeats).toBe(0);
    expect(seen.size).toBe(30_001);
  });
});
