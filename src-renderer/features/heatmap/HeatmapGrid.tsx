import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { User } from '../../../src-main/common/domain';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized, useT } from '../../i18n/useT';
import { cellLook } from './cellLook';
import type { MapColumn } from '../../../src-main/common/wukong';
import type { MapLine } from './heatmapRows';
import { heatmapMessages, scopeGlyphs } from './messages';
import { scopeKey } from './scopeCodec';
import type { HeatmapData } from './useHeatmapData';

export interface CellRef {
  userId: string;
  permissionId: string;
}

interface HeatmapGridProps {
  lines: readonly MapLine[];
  columns: readonly MapColumn[];
  /** Matrix column of each displayed column. */
  columnIdx: readonly number[];
  data: HeatmapData;
  delta: boolean;
  showLetters: boolean;
  usersById: ReadonlyMap<string, User>;
  onHover: (cell: CellRef | null) => void;
  onOpen: (cell: CellRef) => void;
  onToggleGroup: (id: string) => void;
}

const LINE_HEIGHT = 26;

/**
 * People × columns, one coloured cell per effective scope. Rows are virtualized (only what is on screen is
 * in the DOM), so a 20k-person org scrolls like the demo. Arrow keys move a single focus through the
 * cells; Enter opens the person; hovering or focusing a cell asks for its explanation.
 */
export function HeatmapGrid({ lines, columns, columnIdx, data, delta, showLetters, usersById, onHover, onOpen, onToggleGroup }: HeatmapGridProps) {
  const t = useT();
  const ht = useFeatureT(heatmapMessages);
  const gt = useFeatureT(scopeGlyphs);
  const localized = useLocalized();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<{ line: number; col: number }>({ line: lines.findIndex((l) => l.kind === 'person'), col: 0 });
  const moveFocus = useRef(false);
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement: () => scrollRef.current, estimateSize: () => LINE_HEIGHT, overscan: 10 });

  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-line="${focus.line}"][data-col="${focus.col}"]`)?.focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = (from: number, dir: 1 | -1) => {
      for (let i = from + dir; i >= 0 && i < lines.length; i += dir) if (lines[i]!.kind === 'person') return i;
      return from;
    };
    // Start from the cell the key was pressed on (its focus event may not have re-rendered yet).
    const at = (event.target as HTMLElement).dataset;
    let col = at.col !== undefined ? Number(at.col) : focus.col;
    let line = at.line !== undefined ? Number(at.line) : focusLine;
    if (event.key === 'ArrowDown') line = step(line, 1);
    else if (event.key === 'ArrowUp') line = step(line, -1);
    else if (event.key === 'ArrowRight') col = Math.min(col + 1, columns.length - 1);
    else if (event.key === 'ArrowLeft') col = Math.max(col - 1, 0);
    else if (event.key === 'Enter') {
      const l = lines[line];
      if (l?.kind === 'person' && (event.target as HTMLElement).dataset.col) onOpen({ userId: l.userId, permissionId: columns[col]!.permissionId });
      return;
    } else return;
    event.preventDefault();
    moveFocus.current = true;
    virtualizer.scrollToIndex(line);
    setFocus({ line, col });
  };

  // After regrouping the remembered line may be a header: fall back to the first person so Tab still lands.
  const focusLine = lines[focus.line]?.kind === 'person' ? focus.line : lines.findIndex((l) => l.kind === 'person');
  const template = `minmax(160px, 200px) repeat(${columns.length}, minmax(44px, 1fr))`;
  return (
    <div
      className={`hm-grid${showLetters || delta ? ' hm-letters' : ''}`}
      role="grid"
      aria-label={ht('grid', { columns: columns.map((c) => localized(c.label)).join(', ') })}
      aria-rowcount={lines.length + 1}
      onKeyDown={onKeyDown}
      onMouseLeave={() => onHover(null)}
    >
      <div className="hm-row hm-head" role="row" style={{ gridTemplateColumns: template }}>
        <span role="columnheader" className="hm-person">{ht('person')}</span>
        {columns.map((c) => (
          <span key={c.permissionId} role="columnheader" className="hm-colhead" title={localized(c.label)}>{localized(c.label)}</span>
        ))}
      </div>
      <div className="hm-scroll" ref={scrollRef}>
        <div className="hm-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = lines[item.index]!;
            const style = { transform: `translateY(${item.start}px)`, gridTemplateColumns: template };
            if (line.kind === 'group') {
              const label = ht('group', { name: line.label, count: line.count });
              return (
                <div key={`g${line.id}`} className="hm-row hm-group" role="row" aria-rowindex={item.index + 2} style={style}>
                  <span role="rowheader" className="hm-group-head" style={{ paddingInlineStart: 4 + line.depth * 12 }}>
                    <button type="button" aria-expanded={!line.collapsed} aria-label={line.collapsed ? ht('expand', { name: line.label }) : ht('collapse', { name: line.label })} onClick={() => onToggleGroup(line.id)}>
                      {line.collapsed ? '▸' : '▾'}
                    </button>
                    {label}
                  </span>
                </div>
              );
            }
            const user = usersById.get(line.userId);
            const name = user?.name ?? line.userId;
            return (
              <div key={line.userId} className={`hm-row${user?.status !== 'active' ? ' row-muted' : ''}`} role="row" aria-rowindex={item.index + 2} style={style} data-user-row={line.userId}>
                <span role="rowheader" className="hm-person" style={{ paddingInlineStart: 16 + line.depth * 12 }} title={user?.title}>{name}</span>
                {columns.map((c, col) => {
                  const look = cellLook(data, line.row, columnIdx[col]!, delta, gt);
                  const column = localized(c.label);
                  const label = look.before !== null && look.before !== look.scope
                    ? ht('deltaLabel', { person: name, column, before: t(scopeKey(look.before)), after: t(scopeKey(look.scope)) })
                    : look.reach
                      ? ht('reachLabel', { person: name, column, scope: t(scopeKey(look.scope)), gained: look.reach.gained, lost: look.reach.lost })
                      : ht('cellLabel', { person: name, column, scope: t(scopeKey(look.scope)) });
                  const cell = { userId: line.userId, permissionId: c.permissionId };
                  const focused = focusLine === item.index && Math.min(focus.col, columns.length - 1) === col;
                  return (
                    <span
                      key={c.permissionId}
                      role="gridcell"
                      tabIndex={focused ? 0 : -1}
                      className={`hm-cell ${look.className}`}
                      data-line={item.index}
                      data-col={col}
                      data-user={line.userId}
                      data-permission={c.permissionId}
                      data-scope={look.scope}
                      aria-label={label}
                      title={label}
                      onMouseEnter={() => onHover(cell)}
                      onFocus={() => {
                        setFocus({ line: item.index, col });
                        onHover(cell);
                      }}
                      onClick={() => onOpen(cell)}
                    >
                      <span className="hm-glyph" aria-hidden="true">{look.glyph}</span>
                    </span>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
