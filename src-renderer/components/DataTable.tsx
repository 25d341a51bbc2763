import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useT } from '../i18n/useT';

interface DataTableProps<Row> {
  rows: Row[];
  columns: ColumnDef<Row, unknown>[];
  label: string;
  getRowId: (row: Row) => string;
  emptyText: string;
  onRowActivate?: (row: Row) => void;
  rowClassName?: (row: Row) => string | undefined;
}

const ROW_HEIGHT = 34;

/**
 * A sortable table whose body is virtualized: 60 demo people and 100k generated ones scroll the same.
 * Sorting is by header click or Enter/Space on the focused header.
 */
export function DataTable<Row>({ rows, columns, label, getRowId, emptyText, onRowActivate, rowClassName }: DataTableProps<Row>) {
  const t = useT();
  const [sorting, setSorting] = useState<SortingState>([]);
  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const scrollRef = useRef<HTMLDivElement>(null);
  const modelRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: modelRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const colCount = table.getVisibleLeafColumns().length;

  return (
    <div className="data-table" ref={scrollRef}>
      <table aria-label={label} aria-rowcount={modelRows.length + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const title = String(header.column.columnDef.header ?? '');
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        className="sort-button"
                        title={t('roles.sortBy', { column: title })}
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {modelRows.length === 0 && (
            <tr>
              <td colSpan={colCount} className="empty">
                {emptyText}
              </td>
            </tr>
          )}
          {padTop > 0 && <tr style={{ height: padTop }} aria-hidden="true" />}
          {items.map((item) => {
            const row = modelRows[item.index]!;
            return (
              <tr
                key={row.id}
                data-row-id={row.id}
                className={rowClassName?.(row.original)}
                style={{ height: ROW_HEIGHT }}
                tabIndex={onRowActivate ? 0 : undefined}
                onClick={onRowActivate ? () => onRowActivate(row.original) : undefined}
                onKeyDown={onRowActivate ? (e) => e.key === 'Enter' && onRowActivate(row.original) : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
