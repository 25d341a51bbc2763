/**
 * Rectangles of grid cells and cursor moves: the pure part of painting and keyboard selection, shared by the
 * permission matrix and the field matrix. Indexes are positions in the *visible* rows and columns.
 */
export interface Cell {
  row: number;
  col: number;
}

/** Inclusive bounds. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectFrom(a: Cell, b: Cell): Rect {
  return { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.col, b.col), right: Math.max(a.col, b.col) };
}

export function cellRect(cell: Cell): Rect {
  return rectFrom(cell, cell);
}

export function rectContains(rect: Rect | null, row: number, col: number): boolean {
  return rect !== null && row >= rect.top && row <= rect.bottom && col >= rect.left && col <= rect.right;
}

export function rectRows(rect: Rect): number[] {
  return range(rect.top, rect.bottom);
}

export function rectCols(rect: Rect): number[] {
  return range(rect.left, rect.right);
}

export function rectSize(rect: Rect): { rows: number; cols: number } {
  return { rows: rect.bottom - rect.top + 1, cols: rect.right - rect.left + 1 };
}

/** Keeps a rectangle inside a grid that shrank (a filter hid rows); null when nothing is left. */
export function clampRect(rect: Rect | null, rowCount: number, colCount: number): Rect | null {
  if (!rect || rowCount === 0 || colCount === 0 || rect.top >= rowCount || rect.left >= colCount) return null;
  return { top: rect.top, left: rect.left, bottom: Math.min(rect.bottom, rowCount - 1), right: Math.min(rect.right, colCount - 1) };
}

const STEPS: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The cell a navigation key leads to, or null for keys that do not move. */
export function moveCell(cell: Cell, key: string, rowCount: number, colCount: number, page = 10): Cell | null {
  const step = STEPS[key];
  let row = cell.row;
  let col = cell.col;
  if (step) {
    row += step[0];
    col += step[1];
  } else if (key === 'Home') col = 0;
  else if (key === 'End') col = colCount - 1;
  else if (key === 'PageUp') row -= page;
  else if (key === 'PageDown') row += page;
  else return null;
  return { row: clamp(row, 0, rowCount - 1), col: clamp(col, 0, colCount - 1) };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i += 1) out.push(i);
  return out;
}
