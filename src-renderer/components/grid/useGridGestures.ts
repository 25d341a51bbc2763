import { useCallback, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { cellRect, clampRect, moveCell, rectFrom, type Cell, type Rect } from './selection';

export interface GridGestureOptions {
  rowCount: number;
  colCount: number;
  /** A click (1×1) or a drag ended over `rect`; `start` is the cell the pointer went down on. */
  onPaint(rect: Rect, start: Cell): void;
  /** Non-navigation keys (Space, G, R, …) on the selection; return true when handled. */
  onKey(key: string, target: Rect, cursor: Cell): boolean;
}

export interface GridGestures {
  cursor: Cell | null;
  selection: Rect | null;
  /** The rectangle being painted, while the pointer is down. */
  dragRect: Rect | null;
  onPointerDown(event: PointerEvent<HTMLElement>): void;
  onPointerOver(event: PointerEvent<HTMLElement>): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onFocus(): void;
}

/** The cell under an event, from the `data-row` / `data-col` every grid cell carries. */
function cellOf(target: EventTarget | null): Cell | null {
  const element = (target as Element | null)?.closest?.('[data-cell]');
  if (!element) return null;
  const row = Number(element.getAttribute('data-row'));
  const col = Number(element.getAttribute('data-col'));
  return Number.isInteger(row) && Number.isInteger(col) ? { row, col } : null;
}

/**
 * Pointer painting, shift-click extension and keyboard selection for a grid whose cells carry
 * `data-cell data-row data-col`. The rectangle is committed once, on pointer-up, so a whole drag is one
 * gesture; pointer-up is heard on the window because the pointer may be released outside the grid.
 */
export function useGridGestures({ rowCount, colCount, onPaint, onKey }: GridGestureOptions): GridGestures {
  const [cursor, setCursor] = useState<Cell | null>(null);
  const [anchor, setAnchor] = useState<Cell | null>(null);
  const [selection, setSelection] = useState<Rect | null>(null);
  const [dragRect, setDragRect] = useState<Rect | null>(null);
  const drag = useRef<{ start: Cell; current: Cell } | null>(null);
  const paint = useRef(onPaint);
  paint.current = onPaint;

  const onPointerDown = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const cell = cellOf(event.target);
      if (!cell || event.button > 0) return;
      event.preventDefault(); // no text selection while painting
      event.currentTarget.focus({ preventScroll: true });
      if (event.shiftKey && anchor) {
        setSelection(rectFrom(anchor, cell));
        setCursor(cell);
        return;
      }
      drag.current = { start: cell, current: cell };
      setAnchor(cell);
      setCursor(cell);
      setDragRect(cellRect(cell));
      const finish = () => {
        removeEventListener('pointerup', finish);
        removeEventListener('pointercancel', finish);
        const done = drag.current;
        drag.current = null;
        setDragRect(null);
        if (!done) return;
        const rect = rectFrom(done.start, done.current);
        setSelection(rect);
        paint.current(rect, done.start);
      };
      addEventListener('pointerup', finish);
      addEventListener('pointercancel', finish);
    },
    [anchor],
  );

  const onPointerOver = useCallback((event: PointerEvent<HTMLElement>) => {
    const active = drag.current;
    if (!active) return;
    const cell = cellOf(event.target);
    if (!cell || (cell.row === active.current.row && cell.col === active.current.col)) return;
    active.current = cell;
    setDragRect(rectFrom(active.start, cell));
  }, []);

  const onFocus = useCallback(() => {
    if (!cursor && rowCount > 0 && colCount > 0) {
      setCursor({ row: 0, col: 0 });
      setAnchor({ row: 0, col: 0 });
    }
  }, [cursor, rowCount, colCount]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.target !== event.currentTarget || rowCount === 0 || colCount === 0) return;
      const here = cursor ?? { row: 0, col: 0 };
      const moved = moveCell(here, event.key, rowCount, colCount);
      if (moved) {
        event.preventDefault();
        setCursor(moved);
        if (event.shiftKey) setSelection(rectFrom(anchor ?? here, moved));
        else {
          setAnchor(moved);
          setSelection(null);
        }
        return;
      }
      if (event.key === 'Escape') {
        setSelection(null);
        return;
      }
      if (event.ctrlKey || event.metaKey || event.altKey) return; // Ctrl+Z etc. belong to the draft bar
      const target = clampRect(selection, rowCount, colCount) ?? cellRect(here);
      if (onKey(event.key, target, here)) event.preventDefault();
    },
    [cursor, anchor, selection, rowCount, colCount, onKey],
  );

  return { cursor, selection: clampRect(selection, rowCount, colCount), dragRect, onPointerDown, onPointerOver, onKeyDown, onFocus };
}
