import { fireEvent, screen } from '@testing-library/react';

/** Finds cells the way a person does: by the row's label and the column's role, never by hard-coded indexes. */
export function matrixGrid(name = 'Permissions matrix'): HTMLElement {
  return screen.getByRole('grid', { name });
}

export function columnIndex(grid: HTMLElement, roleId: string): number {
  const header = grid.querySelector(`[data-role-id="${roleId}"]`)?.closest('[aria-colindex]');
  if (!header) throw new Error(`no column header for role ${roleId}`);
  return Number(header.getAttribute('aria-colindex')) - 2;
}

export function rowIndex(grid: HTMLElement, label: string): number {
  const rows = [...grid.querySelectorAll('[role="row"]')].filter((row) => Number(row.getAttribute('aria-rowindex')) >= 3);
  const match = rows.filter((row) => row.querySelector('[role="rowheader"] .rowhead-label')?.textContent === label);
  if (match.length !== 1) throw new Error(`expected one row "${label}", found ${match.length}`);
  return Number(match[0]!.getAttribute('aria-rowindex')) - 3;
}

export function cellAt(grid: HTMLElement, row: number, col: number): HTMLElement {
  const cell = grid.querySelector<HTMLElement>(`[data-cell][data-row="${row}"][data-col="${col}"]`);
  if (!cell) throw new Error(`no cell at ${row},${col}`);
  return cell;
}

export function cell(grid: HTMLElement, rowLabel: string, roleId: string): HTMLElement {
  return cellAt(grid, rowIndex(grid, rowLabel), columnIndex(grid, roleId));
}

/** A drag from one cell over others to the last, released: what a mouse paint does. */
export function drag(cells: HTMLElement[]): void {
  const [first, ...rest] = cells;
  fireEvent.pointerDown(first!, { button: 0, pointerId: 1 });
  for (const over of rest) fireEvent.pointerOver(over, { pointerId: 1 });
  fireEvent.pointerUp(rest[rest.length - 1] ?? first!, { pointerId: 1 });
}
