import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depthFirstTour, eulerTour } from './eulerTour';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

/** Parent arrays: forests, chains, and any pointers at all (cycles of every length, self-loops, several cycles). */
const parentsArb = fc.oneof(
  fc.array(fc.nat(), { maxLength: 60 }).map((xs) => Int32Array.from(xs, (x, i) => (i === 0 || x % 7 === 0 ? -1 : x % i))),
  fc.array(fc.integer({ min: -1, max: 59 }), { maxLength: 60 }).map((xs) => Int32Array.from(xs, (x) => (x >= xs.length ? -1 : x))),
  fc.array(fc.nat(), { minLength: 1, maxLength: 60 }).map((xs) => Int32Array.from(xs, (x) => x % xs.length)),
  fc.integer({ min: 1, max: 60 }).map((n) => Int32Array.from({ length: n }, (_, i) => (i + 1) % n)),
);

describe('eulerTour (breadth first) gives the tour of a depth-first walk', () => {
  it('the same positions, depths, order and cycle fields on any parent graph', () => {
    fc.assert(fc.property(parentsArb, (parent) => {
      expect(eulerTour(parent)).toEqual(depthFirstTour(parent));
    }), RUNS);
  });
});
