import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import type { GridGestures } from './useGridGestures';
import type { Cell } from './selection';
import './grid.css';

export interface GridBand {
  key: string;
  label: string;
  start: number;
  span: number;
}

export interface GridGeometry {
  rowHeight: number;
  colWidth: number;
  rowHeaderWidth: number;
  bandHeight: number;
  headerHeight: number;
}

interface VirtualGridProps {
  id: string;
  label: string;
  rowCount: number;
  colCount: number;
  geometry: GridGeometry;
  bands: GridBand[];
  corner: ReactNode;
  renderColumnHeader(col: number): ReactNode;
  renderRowHeader(row: number): ReactNode;
  /** The gridcell itself, placed at `left` (the virtualizer's position) with `cellDomId(id, row, col)`. */
  renderCell(row: number, col: number, left: number): ReactNode;
  gestures: GridGestures;
  empty: ReactNode;
}

export function cellDomId(gridId: string, row: number, col: number): string {
  return `${gridId}-r${row}-c${col}`;
}

/**
 * A grid virtualized in both directions inside one scroll box: the header (role-type bands and column headers)
 * sticks to the top, the row headers stick to the left, and only the cells in view (plus overscan) exist.
 * Focus stays on the grid; the cursor cell is announced through aria-activedescendant.
 */
export function VirtualGrid(props: VirtualGridProps) {
  const { id, label, rowCount, colCount, geometry: g, bands, gestures } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const headerTotal = g.bandHeight + g.headerHeight;
  const rows = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => g.rowHeight,
    paddingStart: headerTotal,
    scrollPaddingStart: headerTotal,
    overscan: 8,
  });
  const cols = useVirtualizer({
    horizontal: true,
    count: colCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => g.colWidth,
    paddingStart: g.rowHeaderWidth,
    scrollPaddingStart: g.rowHeaderWidth,
    overscan: 3,
  });
  useScrollToCursor(gestures.cursor, rows.scrollToIndex, cols.scrollToIndex);

  const width = cols.getTotalSize();
  const virtualCols = cols.getVirtualItems();
  const cursor = gestures.cursor;
  return (
    <div
      ref={scroller}
      id={id}
      className="vgrid"
      // Band labels stick just right of the row headers, whose width differs per grid.
      style={{ '--rowhead-width': `${g.rowHeaderWidth}px` } as CSSProperties}
      role="grid"
      aria-label={label}
      aria-rowcount={rowCount + 2}
      aria-colcount={colCount + 1}
      aria-multiselectable="true"
      aria-activedescendant={cursor && cursor.row < rowCount && cursor.col < colCount ? cellDomId(id, cursor.row, cursor.col) : undefined}
      tabIndex={0}
      onPointerDown={gestures.onPointerDown}
      onPointerOver={gestures.onPointerOver}
      onKeyDown={gestures.onKeyDown}
      onFocus={gestures.onFocus}
    >
      <div className="vgrid-canvas" style={{ width, height: rows.getTotalSize() }}>
        <div className="vgrid-head" role="rowgroup" style={{ width, height: headerTotal }}>
          <div className="vgrid-bands" role="row" aria-rowindex={1} style={{ height: g.bandHeight }}>
            <div className="vgrid-corner-band" role="columnheader" style={{ width: g.rowHeaderWidth }} />
            {bands.map((band) => (
              <div
                key={band.key}
                className="vgrid-band"
                role="columnheader"
                aria-colspan={band.span}
                title={band.label}
                style={{ left: g.rowHeaderWidth + band.start * g.colWidth, width: band.span * g.colWidth }}
              >
                <span>{band.label}</span>
              </div>
            ))}
          </div>
          <div className="vgrid-colheads" role="row" aria-rowindex={2} style={{ height: g.headerHeight, top: g.bandHeight }}>
            <div className="vgrid-corner" role="columnheader" style={{ width: g.rowHeaderWidth }}>
              {props.corner}
            </div>
            {virtualCols.map((col) => (
              <div key={col.key} className="vgrid-colhead" role="columnheader" aria-colindex={col.index + 2} style={{ left: col.start, width: col.size }}>
                {props.renderColumnHeader(col.index)}
              </div>
            ))}
          </div>
        </div>
        {rowCount === 0 && <div className="vgrid-empty" style={{ top: headerTotal }}>{props.empty}</div>}
        {rows.getVirtualItems().map((row) => (
          <div key={row.key} className="vgrid-row" role="row" aria-rowindex={row.index + 3} style={{ top: row.start, height: row.size, width }}>
            <div className="vgrid-rowhead" role="rowheader" aria-colindex={1} style={{ width: g.rowHeaderWidth }}>
              {props.renderRowHeader(row.index)}
            </div>
            {virtualCols.map((col) => props.renderCell(row.index, col.index, col.start))}
          </div>
        ))}
      </div>
    </div>
  );
}

/** Keyboard moves keep the cursor cell in view (below the sticky header, right of the row headers). */
function useScrollToCursor(cursor: Cell | null, scrollRow: (i: number) => void, scrollCol: (i: number) => void) {
  const row = cursor?.row;
  const col = cursor?.col;
  useEffect(() => {
    if (row !== undefined) scrollRow(row);
  }, [row, scrollRow]);
  useEffect(() => {
    if (col !== undefined) scrollCol(col);
  }, [col, scrollCol]);
}
