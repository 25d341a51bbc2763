import { describe, expect, it } from 'vitest';
import { clampRect, moveCell, rectFrom } from './selection';

describe('keyboard moves', () => {
  it('clamp to the grid', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', 5, 5)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 0, col: 0 }, 'PageDown', 5, 5)).toEqual({ row: 4, col: 0 });
    expect(moveCell({ row: 1, col: 1 }, 'End', 5, 3)).toEqual({ row: 1, col: 2 });
    expect(moveCell({ row: 1, col: 1 }, 'x', 5, 3)).toBeNull();
  });
});

describe('rectangles', () => {
  it('span two cells in any order and shrink with the grid', () => {
    expect(rectFrom({ row: 3, col: 1 }, { row: 1, col: 4 })).toEqual({ top: 1, bottom: 3, left: 1, right: 4 });
    expect(clampRect({ top: 1, bottom: 3, left: 1, right: 4 }, 2, 3)).toEqual({ top: 1, bottom: 1, left: 1, right: 2 });
    expect(clampRect({ top: 2, bottom: 3, left: 0, right: 0 }, 2, 3)).toBeNull();
  });
});
