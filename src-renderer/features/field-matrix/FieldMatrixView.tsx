import { useCallback, useMemo, useState } from 'react';
import type { FieldDefinition } from '../../../src-main/common/domain';
import type { RoleMatrix } from '../../../src-main/common/ipc';
import { useAppErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized } from '../../i18n/useT';
import { cellDomId, rectCols, rectContains, rectRows, rectSize, useGridGestures, VirtualGrid, type GridGeometry, type Rect } from '../../components/grid';
import { ImpactPanel } from '../role-matrix/ImpactPanel';
import { bulkMessages } from '../role-matrix/bulkMessages';
import { DraftProblemBanner } from '../drafts/DraftProblemBanner';
import { useMatrixGesture } from '../role-matrix/useMatrixGesture';
import { useMatrixProjection } from '../role-matrix/useDraftProjection';
import { FieldCell } from './FieldCell';
import { fieldRequest } from './fieldRequest';
import { brushForKey, fieldColumns, fieldModules, fieldRows, fieldValue, isFieldPending, planFieldPaint, type FieldBrush, type FieldColumn } from './fieldModel';
import { useEditionCapabilities } from '../sync/useEditionCapabilities';
import { FieldToolbar } from './FieldToolbar';
import { fieldMatrixMessages } from './messages';
import '../role-matrix/roleMatrix.css';
import './fieldMatrix.css';

const GEOMETRY: GridGeometry = { rowHeight: 28, colWidth: 104, rowHeaderWidth: 240, bandHeight: 0, headerHeight: 64 };
const GRID_ID = 'field-matrix';

/** The "Field rules" tab: per module, fields × roles with access and mask, painted like the permission matrix. */
export function FieldMatrixView() {
  const t = useFeatureT(fieldMatrixMessages);
  const matrix = useMatrixProjection(true);
  const words = useAppErrorText();
  return (
    <div className="matrix-layout">
      {matrix.shown ? (
        <FieldGrid data={matrix.shown} />
      ) : (
        <p role={matrix.error ? 'alert' : 'status'} className={matrix.error ? 'load-error' : 'loading'}>
          {matrix.error ? words(matrix.error) : t('loading')}
        </p>
      )}
      <ImpactPanel />
    </div>
  );
}

function FieldGrid({ data }: { data: RoleMatrix }) {
  const t = useFeatureT(fieldMatrixMessages);
  const tb = useFeatureT(bulkMessages);
  const localized = useLocalized();
  const modules = useMemo(() => fieldModules(data.fields), [data.fields]);
  const [module, setModule] = useState(() => (modules.includes('customer') ? 'customer' : (modules[0] ?? '')));
  const [fieldQuery, setFieldQuery] = useState('');
  const [roleQuery, setRoleQuery] = useState('');
  const [brush, setBrush] = useState<FieldBrush>({ kind: 'access', value: 'read' });
  // An edition that cannot mask fields (the PHP edition) is offered no mask brush and no mask keys.
  const masks = useEditionCapabilities().fieldMasks;
  const rows = useMemo(() => fieldRows(data.fields, module, fieldQuery), [data.fields, module, fieldQuery]);
  const columns = useMemo(() => fieldColumns(data, roleQuery), [data, roleQuery]);
  // Fills (which keep what this draft restricted) and rectangles of more than one cell are bulk: confirmed first
  // when they widen access broadly or remove a mask, then a toast with Undo. A single cell goes straight through.
  const { run: runBulk, elements: bulkElements } = useMatrixGesture(t('draft.defaultName'));
  const paint = useCallback(
    (fields: readonly FieldDefinition[], cols: readonly FieldColumn[], with_: FieldBrush, kind: 'cell' | 'rect' | 'fill') => {
      const plan = planFieldPaint(fields, cols, with_, { keepPendingRestrictions: kind === 'fill' });
      runBulk(fieldRequest(plan, kind !== 'cell', { t, tb, localize: localized }));
    },
    [runBulk, t, tb, localized],
  );
  const paintRect = useCallback(
    (rect: Rect, with_: FieldBrush) => {
      const size = rectSize(rect);
      paint(rectRows(rect).map((i) => rows[i]!), rectCols(rect).map((i) => columns[i]!), with_, size.rows * size.cols > 1 ? 'rect' : 'cell');
    },
    [paint, rows, columns],
  );
  const onKey = useCallback(
    (key: string, target: Rect) => {
      const keyBrush = key === ' ' ? brush : brushForKey(key);
      if (!keyBrush || (keyBrush.kind === 'mask' && !masks)) return false;
      paintRect(target, keyBrush);
      return true;
    },
    [brush, paintRect, masks],
  );
  const gestures = useGridGestures({ rowCount: rows.length, colCount: columns.length, onPaint: (rect) => paintRect(rect, brush), onKey });
  const moduleLabel = (m: string) => {
    const permission = data.permissions.find((p) => p.key === `crm:${m}`);
    return permission ? localized(permission.label) : m;
  };

  const { selection, cursor, dragRect } = gestures;
  return (
    <div className="matrix-main">
      <FieldToolbar
        t={t}
        modules={modules.map((m) => ({ id: m, label: moduleLabel(m) }))}
        module={module}
        onModule={setModule}
        fieldQuery={fieldQuery}
        onFieldQuery={setFieldQuery}
        roleQuery={roleQuery}
        onRoleQuery={setRoleQuery}
        brush={brush}
        onBrush={setBrush}
        masks={masks}
      />
      <DraftProblemBanner />
      <VirtualGrid
        id={GRID_ID}
        label={t('grid.label')}
        rowCount={rows.length}
        colCount={columns.length}
        geometry={GEOMETRY}
        bands={[]}
        corner={t('grid.corner')}
        gestures={gestures}
        empty={t('grid.empty')}
        renderColumnHeader={(c) => {
          const column = columns[c]!;
          return (
            <div className="rolehead" data-role-id={column.role.id}>
              <span className="rolehead-name" title={column.role.name}>{column.role.name}</span>
              <span className="rolehead-actions">
                <span className="rolehead-members">{t('header.members', { count: column.memberCount })}</span>
                <button type="button" className="icon-button" aria-label={t('column.fill', { role: column.role.name })} title={t('column.fill', { role: column.role.name })} onClick={() => paint(rows, [column], brush, 'fill')}>
                  ⇊
                </button>
              </span>
            </div>
          );
        }}
        renderRowHeader={(r) => {
          const field = rows[r]!;
          const name = localized(field.label);
          return (
            <span className="field-rowhead">
              <span className="rowhead-label">{name}</span>
              <span className="rowhead-key">{field.name}</span>
              <button type="button" className="icon-button" aria-label={t('row.fill', { name })} title={t('row.fill', { name })} onClick={() => paint([field], columns, brush, 'fill')}>
                ⇉
              </button>
            </span>
          );
        }}
        renderCell={(r, c, left) => {
          const field = rows[r]!;
          const column = columns[c]!;
          const value = fieldValue(column, field);
          const pending = isFieldPending(column, field);
          const words = [t(`access.${value.access}`), field.maskable ? t(`mask.${value.mask}`) : t('cell.notMaskable')];
          const label = t('cell.label', { role: column.role.name, field: localized(field.label), access: words[0]!, mask: words[1]! }) + (pending ? ` · ${t('cell.pending')}` : '');
          return (
            <FieldCell
              key={c}
              domId={cellDomId(GRID_ID, r, c)}
              row={r}
              col={c}
              left={left}
              width={GEOMETRY.colWidth}
              access={value.access}
              mask={value.mask}
              accessCode={t(`access.short.${value.access}`)}
              maskCode={t(`mask.short.${value.mask}`)}
              pending={pending}
              selected={rectContains(selection, r, c)}
              cursor={cursor?.row === r && cursor.col === c}
              dragBrush={rectContains(dragRect, r, c) ? 'grant' : null}
              label={label}
            />
          );
        }}
      />
      <p className="matrix-hint">{t('grid.hint')}</p>
      {bulkElements}
    </div>
  );
}
