// The virtualized, paintable grid both matrices draw: the grid, its cells, its gestures, its rectangles.
export { GridCell, type GridCellPlace } from './GridCell';
export { cellRect, clampRect, moveCell, rectCols, rectContains, rectFrom, rectRows, rectSize, type Cell, type Rect } from './selection';
export { useGridGestures, type GridGestureOptions, type GridGestures } from './useGridGestures';
export { cellDomId, VirtualGrid, type GridBand, type GridGeometry } from './VirtualGrid';
