import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DraftOperation } from '../../../src-main/common/draft';
import type { DataScope } from '../../../src-main/common/domain';
import type { RoleMatrix } from '../../../src-main/common/ipc';
import { cellDomId, rectContains, rectSize, useGridGestures, VirtualGrid, type Cell, type GridGeometry, type Rect } from '../../components/grid';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized, useT } from '../../i18n/useT';
import { cellState } from './cellState';
import type { MatrixRow } from './catalogueTree';
import { MatrixLegend } from './MatrixLegend';
import { bulkMessages } from './bulkMessages';
import { MatrixToolbar, type MatrixFilters } from './MatrixToolbar';
import { roleMatrixMessages } from './messages';
import { brushFor, planFill, planRect, type Brush, type PaintPlan } from './paintPlan';
import { paintRequest } from './paintRequest';
import { GroupCell, PermissionCell } from './PermissionCell';
import { PermissionRowHeader } from './PermissionRowHeader';
import { DraftProblemBanner } from '../drafts/DraftProblemBanner';
import { RoleDialog, type RoleDialogState } from './RoleDialog';
import { RoleHeader } from './RoleHeader';
import type { MatrixColumn } from './roleColumns';
import { useFocusStore } from '../../stores/focusStore';
import { useMatrixGesture } from './useMatrixGesture';
import { nodeName, useMatrixModel } from './useMatrixModel';

const GEOMETRY: GridGeometry = { rowHeight: 28, colWidth: 112, rowHeaderWidth: 280, bandHeight: 22, headerHeight: 120 };
const GRID_ID = 'permission-matrix';
/** About ten screens of cells: enough for scrolling back and forth, bounded for a long scroll through 300 roles. */
const CELL_CACHE_LIMIT = 8_000;
const INITIAL_FILTERS: MatrixFilters = { moduleId: null, permissionQuery: '', roleQuery: '', compareIds: new Set(), comparing: false, differencesOnly: false };

/** The permission matrix editor: toolbar, problems, the virtualized grid, legend and role dialogs. */
export function PermissionMatrix({ data }: { data: RoleMatrix }) {
  const t = useFeatureT(roleMatrixMessages);
  const tb = useFeatureT(bulkMessages);
  const shared = useT();
  const localized = useLocalized();
  const [filters, setFilters] = useState<MatrixFilters>(INITIAL_FILTERS);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [forcedBrush, setForcedBrush] = useState<Brush | null>(null);
  const [dialog, setDialog] = useState<RoleDialogState | null>(null);
  const { tree, columns, rows, bands, modules } = useMatrixModel(data, filters, collapsed);
  // "Jump to" from another view (e.g. a lint in the drafts view): narrow the grid to that role and permission.
  const focusTarget = useFocusStore((st) => st.target);
  const clearFocus = useFocusStore((st) => st.clear);
  useEffect(() => {
    if (!focusTarget || (focusTarget.kind !== 'role' && focusTarget.kind !== 'permission')) return;
    const role = focusTarget.kind === 'role' ? data.roles.find((r) => r.id === focusTarget.id) : undefined;
    const permissionId = focusTarget.kind === 'permission' ? focusTarget.id : focusTarget.permissionId;
    const permission = permissionId ? data.permissions.find((p) => p.id === permissionId) : undefined;
    setFilters((prev) => ({
      ...prev,
      moduleId: null,
      comparing: false,
      roleQuery: role ? role.name : prev.roleQuery,
      permissionQuery: permission ? localized(permission.label) : prev.permissionQuery,
    }));
    clearFocus();
  }, [focusTarget, clearFocus, data, localized]);
  // Fills and rectangles of more than one cell are bulk: confirmed first when they grant widely, then a toast
  // with Undo. A single cell goes straight through.
  const { record, run: runBulk, elements: bulkElements } = useMatrixGesture(t('draft.defaultName'));
  const send = useCallback(
    (plan: PaintPlan, isBulk: boolean) =>
      runBulk(paintRequest(plan, isBulk, t(plan.brush === 'grant' ? 'batch.grant' : 'batch.revoke', { count: plan.changed }), { tree, localize: localized, t: tb })),
    [runBulk, t, tb, tree, localized],
  );
  const isGranted = useCallback((cell: Cell) => {
    const row = rows[cell.row];
    const column = columns[cell.col];
    return !!row && !!column && column.granted.has(row.node.permission.id);
  }, [rows, columns]);
  const paintRect = useCallback(
    (rect: Rect, brush: Brush) => {
      const size = rectSize(rect);
      send(planRect(rows, columns, rect, brush), size.rows * size.cols > 1);
    },
    [send, rows, columns],
  );

  const onPaint = useCallback((rect: Rect, start: Cell) => paintRect(rect, brushFor(forcedBrush, isGranted(start))), [paintRect, forcedBrush, isGranted]);
  const toggleCollapsed = useCallback((id: string) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  const onKey = useCallback(
    (key: string, target: Rect, cursor: Cell) => {
      const lower = key.toLowerCase();
      if (key === ' ') paintRect(target, isGranted(cursor) ? 'revoke' : 'grant');
      else if (lower === 'g') paintRect(target, 'grant');
      else if (lower === 'r') paintRect(target, 'revoke');
      else if (key === 'Enter' && rows[cursor.row]?.expandable) toggleCollapsed(rows[cursor.row]!.node.permission.id);
      else return false;
      return true;
    },
    [paintRect, isGranted, rows, toggleCollapsed],
  );
  const gestures = useGridGestures({ rowCount: rows.length, colCount: columns.length, onPaint, onKey });

  const visibleActionIds = useMemo(
    () => rows.flatMap((row) => (row.node.permission.kind === 'action' ? [row.node.permission.id] : row.expanded ? [] : row.node.actionIds)),
    [rows],
  );
  const onRowFill = useCallback((row: MatrixRow) => send(planFill(row.node.actionIds, columns), true), [send, columns]);
  const onColumnFill = useCallback((column: MatrixColumn) => send(planFill(visibleActionIds, [column]), true), [send, visibleActionIds]);
  const onScope = useCallback(
    (column: MatrixColumn, scope: DataScope) =>
      void record({ label: t('batch.scope', { role: column.role.name, scope: shared(`scope.${scope}`) }), ops: [{ type: 'setDataScope', roleId: column.role.id, dataScope: scope }] }),
    [record, t, shared],
  );
  const onCompare = useCallback((roleId: string, on: boolean) => {
    setFilters((f) => {
      const compareIds = new Set(f.compareIds);
      if (on) compareIds.add(roleId);
      else compareIds.delete(roleId);
      return { ...f, compareIds, comparing: f.comparing && compareIds.size > 0 };
    });
  }, []);
  const onDialogSubmit = useCallback(
    async (ops: DraftOperation[], label: string) => {
      if (await record({ label, ops })) setDialog(null);
    },
    [record],
  );

  const { dragRect, selection, cursor } = gestures;
  const dragBrush = dragRect && cursor ? brushFor(forcedBrush, isGranted(cursor)) : null;
  // Cells already drawn since the last change of anything they show come back as the same element, which React
  // skips at once. Without it every scroll frame recomputed state and label (an i18n format) for every visible
  // cell: ~60% of the frame's script time at 300 roles (Chrome profile, docs/performance.md).
  const cellCache = useMemo(
    () => new Map<number, ReactNode>(),
    // Everything renderCell reads; `left` only depends on the column index (fixed column width).
    [rows, columns, selection, cursor, dragRect, dragBrush, t, shared, localized],
  );
  const renderCell = (r: number, c: number, left: number) => {
    const key = r * 65_536 + c;
    let element = cellCache.get(key);
    if (element === undefined) {
      if (cellCache.size > CELL_CACHE_LIMIT) cellCache.clear();
      element = drawCell(r, c, left);
      cellCache.set(key, element);
    }
    return element;
  };
  const drawCell = (r: number, c: number, left: number) => {
    const row = rows[r]!;
    const column = columns[c]!;
    const permission = row.node.permission;
    const domId = cellDomId(GRID_ID, r, c);
    const selected = rectContains(selection, r, c);
    const isCursor = cursor?.row === r && cursor.col === c;
    const name = localized(permission.label);
    if (permission.kind === 'group') {
      const applicable = row.node.actionIds.filter((id) => column.catalogue.has(id));
      const granted = applicable.filter((id) => column.granted.has(id)).length;
      const pending = applicable.some((id) => column.granted.has(id) !== column.baseGranted.has(id));
      const label = t('cell.label', { role: column.role.name, permission: name, state: t('row.partial', { granted, total: applicable.length }) });
      return <GroupCell key={c} domId={domId} row={r} col={c} left={left} width={GEOMETRY.colWidth} granted={granted} total={applicable.length} pending={pending} label={label} selected={selected} cursor={isCursor} dragBrush={rectContains(dragRect, r, c) ? dragBrush : null} />;
    }
    const state = cellState(column, permission.id, permission.scoped);
    const words = [!state.applicable ? t('cell.notApplicable') : state.granted ? t('cell.granted') : t('cell.notGranted')];
    if (state.scope !== null) words.push(t('cell.scope', { scope: shared(`scope.${state.scope}`) }));
    if (state.pending) words.push(t('cell.pending'));
    if (state.locked) words.push(t('cell.locked'));
    return (
      <PermissionCell
        key={c}
        domId={domId}
        row={r}
        col={c}
        left={left}
        width={GEOMETRY.colWidth}
        applicable={state.applicable}
        granted={state.granted}
        wasGranted={column.baseGranted.has(permission.id)}
        pending={state.pending}
        locked={state.locked}
        scope={state.scope}
        selected={selected}
        cursor={isCursor}
        dragBrush={rectContains(dragRect, r, c) ? dragBrush : null}
        label={t('cell.label', { role: column.role.name, permission: name, state: words.join(', ') })}
      />
    );
  };

  return (
    <div className="matrix-main">
      <MatrixToolbar
        t={t}
        modules={modules}
        moduleLabel={(node) => nodeName(node, localized)}
        filters={filters}
        onFilters={(next) => setFilters((f) => ({ ...f, ...next }))}
        brush={forcedBrush}
        onBrush={setForcedBrush}
        selection={selection}
        onSelectionBrush={(brush) => selection && paintRect(selection, brush)}
        onNewRole={() => setDialog({ kind: 'create' })}
      />
      <DraftProblemBanner />
      <VirtualGrid
        id={GRID_ID}
        label={t('grid.label')}
        rowCount={rows.length}
        colCount={columns.length}
        geometry={GEOMETRY}
        bands={bands.map((b) => ({ key: `${b.group.id}-${b.start}`, label: localized(b.group.label), start: b.start, span: b.span }))}
        corner={t('grid.corner')}
        renderColumnHeader={(c) => (
          <RoleHeader column={columns[c]!} compared={filters.compareIds.has(columns[c]!.role.id)} t={t} shared={shared} onScope={onScope} onFill={onColumnFill} onCompare={onCompare} onMenu={(column) => setDialog({ kind: 'menu', column })} />
        )}
        renderRowHeader={(r) => <PermissionRowHeader row={rows[r]!} name={nodeName(rows[r]!.node, localized)} t={t} onToggle={toggleCollapsed} onFill={onRowFill} />}
        renderCell={renderCell}
        gestures={gestures}
        empty={t('grid.empty')}
      />
      {bulkElements}
      <MatrixLegend t={t} />
      <p className="matrix-hint">{t('grid.hint')}</p>
      {dialog && (
        <RoleDialog key={dialog.kind} state={dialog} groups={data.groups} t={t} shared={shared} localize={localized} onNavigate={setDialog} onSubmit={(ops, label) => void onDialogSubmit(ops, label)} />
      )}
    </div>
  );
}

