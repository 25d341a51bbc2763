import { useDeferredValue, useMemo, useState } from 'react';
import type { OrgView } from '../../../src-main/common/ipc';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized, useT } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { useProjectedOrg } from '../org-tree/useProjectedOrg';
import { PersonPanel } from '../person/PersonPanel';
import { usePersonPanelStore } from '../person/personPanelStore';
import { aggregateByDepartment } from './aggregates';
import { AggregateGrid } from './AggregateGrid';
import { useCatalogue } from '../../stores/rolesStore';
import { columnsForAction, columnsForModule, CRM_ACTIONS, type CrmAction, crmModules } from '../../../src-main/common/wukong';
import { ExplanationStrip } from './ExplanationStrip';
import { HeatmapGrid, type CellRef } from './HeatmapGrid';
import { mapLines, teamOf, type GroupBy } from './heatmapRows';
import { Legend } from './Legend';
import { heatmapMessages } from './messages';
import { markOpen, markSwitchStart, useAccessMapMarks } from './perfMarks';
import { ScopeCharts } from './ScopeCharts';
import { useHeatmapData } from './useHeatmapData';
import { WhoCanSee } from './WhoCanSee';
import './heatmap.css';
import { useScopeRule } from '../sync/useScopeRule';
import './scopePalette.css';

type Layer = 'scopes' | 'delta' | 'aggregate';

/** The access map: who reaches what (and, with a draft, what the draft changes), and who can see whom. */
export function AccessMapView() {
  const t = useT();
  const ht = useFeatureT(heatmapMessages);
  const scopeRule = useScopeRule();
  useState(markOpen);
  const { view, error, retry } = useProjectedOrg();
  const catalogue = useCatalogue().shown;
  return (
    <section className="view access-map-view" aria-labelledby="access-map-title">
      <h1 id="access-map-title">{ht('title')}</h1>
      <p className="muted small">{ht(scopeRule === 'widest' ? 'intro' : 'introLastListed')}</p>
      {error && !view ? (
        <div role="alert" className="load-error">
          <p>{t('app.error', { message: error })}</p>
          <button type="button" onClick={retry}>{t('app.retry')}</button>
        </div>
      ) : view && catalogue ? (
        <AccessMapBody view={view} permissions={catalogue.permissions} />
      ) : (
        <p className="loading" role="status">{t('app.loading')}</p>
      )}
    </section>
  );
}

function AccessMapBody({ view, permissions }: { view: OrgView; permissions: Parameters<typeof crmModules>[0] }) {
  const ht = useFeatureT(heatmapMessages);
  const localized = useLocalized();
  const draftId = useDraftStore((s) => s.activeDraftId);
  const openPerson = usePersonPanelStore((s) => s.open);
  const modules = useMemo(() => crmModules(permissions), [permissions]);
  const scopedIds = useMemo(() => new Set(permissions.filter((p) => p.scoped).map((p) => p.id)), [permissions]);
  const actionLabels = useMemo(
    () => Object.fromEntries(CRM_ACTIONS.map((a) => [a, { en: heatmapMessages.en[`action.${a}`], 'zh-CN': heatmapMessages['zh-CN'][`action.${a}`] }])) as Record<CrmAction, { en: string; 'zh-CN': string }>,
    [],
  );
  const [layer, setLayer] = useState<Layer>('scopes');
  const [columnMode, setColumnMode] = useState<'modules' | 'actions'>('modules');
  const [action, setAction] = useState<CrmAction>('index');
  const [moduleKey, setModuleKey] = useState('customer');
  const [groupBy, setGroupBy] = useState<GroupBy>('department');
  const [manager, setManager] = useState('');
  const [showLetters, setShowLetters] = useState(false);
  const [onlyChanged, setOnlyChanged] = useState(true);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [hovered, setHovered] = useState<CellRef | null>(null);

  const columns = useMemo(() => {
    if (columnMode === 'modules') return columnsForAction(modules, action);
    const module = modules.find((m) => m.key === moduleKey) ?? modules[0];
    return module ? columnsForModule(module, actionLabels) : [];
  }, [columnMode, modules, action, moduleKey, actionLabels]);
  const allPermissionIds = useMemo(() => modules.flatMap((m) => CRM_ACTIONS.flatMap((a) => (m.permissionIds[a] ? [m.permissionIds[a]!] : []))), [modules]);
  const managers = useMemo(() => {
    const withReports = new Set(view.users.map((u) => u.managerId).filter((m): m is string => !!m));
    return view.users.filter((u) => withReports.has(u.id));
  }, [view.users]);
  const teamIds = useMemo(() => (manager && view.users.some((u) => u.id === manager) ? teamOf(view.users, manager) : undefined), [manager, view.users]);
  const delta = layer === 'delta';
  const { data, shown, error } = useHeatmapData(allPermissionIds, teamIds, delta);
  const columnIdx = useMemo(() => (shown ? columns.map((c) => shown.colOf.get(c.permissionId) ?? -1) : []), [shown, columns]);
  useAccessMapMarks(data ? `${data.answer}|${columns.map((c) => c.permissionId).join(',')}` : null);

  const usersById = useMemo(() => new Map(view.users.map((u) => [u.id, u])), [view.users]);
  // In delta mode a large org is mostly unchanged: by default only the rows the draft touches are listed.
  const rowOf = useMemo(() => {
    if (!shown || !delta || !onlyChanged || !shown.baseScopes) return shown?.rowOf ?? null;
    const width = shown.permissionIds.length;
    const changed = new Map<string, number>();
    shown.userIds.forEach((id, row) => {
      for (const j of columnIdx) {
        const i = row * width + j;
        if (shown.scopes[i] !== shown.baseScopes![i] || shown.reach?.has(i)) return void changed.set(id, row);
      }
    });
    return changed;
  }, [shown, delta, onlyChanged, columnIdx]);
  const lines = useMemo(
    () => (rowOf ? mapLines(view.users, view.departments, rowOf, groupBy, collapsed, ht('noManagerGroup')) : []),
    [rowOf, view.users, view.departments, groupBy, collapsed, ht],
  );
  // Charts and aggregates follow the grid at lower priority: the map is on screen before they redraw.
  const lowerInput = useMemo(() => (shown ? { data: shown, columnIdx } : null), [shown, columnIdx]);
  const lower = useDeferredValue(lowerInput);
  const aggregates = useMemo(
    () => (lower ? aggregateByDepartment(view.departments, view.users, lower.data.rowOf, lower.data.scopes, lower.data.permissionIds.length, lower.columnIdx) : []),
    [lower, view.departments, view.users],
  );
  const changedCells = useMemo(() => {
    if (!shown?.baseScopes) return 0;
    const width = shown.permissionIds.length;
    let n = 0;
    for (let row = 0; row < shown.userIds.length; row++) {
      for (const j of columnIdx) {
        const i = row * width + j;
        if (shown.scopes[i] !== shown.baseScopes[i] || shown.reach?.has(i)) n++;
      }
    }
    return n;
  }, [shown, columnIdx]);

  const toggleGroup = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const hoveredColumn = hovered ? columns.find((c) => c.permissionId === hovered.permissionId) : undefined;
  const chartColumn = columns.findIndex((c) => c.module === 'customer');

  return (
    <div className="hm-layout">
      <div className="hm-controls toolbar">
        <fieldset className="segmented">
          <legend>{ht('layer')}</legend>
          {(['scopes', 'delta', 'aggregate'] as const).map((l) => (
            <label key={l}>
              <input type="radio" name="hm-layer" checked={layer === l} onChange={() => setLayer(l)} />
              {ht(l === 'scopes' ? 'layerScopes' : l === 'delta' ? 'layerDelta' : 'layerAggregate')}
            </label>
          ))}
        </fieldset>
        <label>
          {ht('columns')}{' '}
          <select value={columnMode} onChange={(e) => setColumnMode(e.target.value as 'modules' | 'actions')}>
            <option value="modules">{ht('columnsModules')}</option>
            <option value="actions">{ht('columnsActions')}</option>
          </select>
        </label>
        {columnMode === 'modules' ? (
          <label>
            {ht('action')}{' '}
            <select
              value={action}
              onChange={(e) => {
                markSwitchStart();
                setAction(e.target.value as CrmAction);
              }}
            >
              {CRM_ACTIONS.map((a) => <option key={a} value={a}>{ht(`action.${a}`)}</option>)}
            </select>
          </label>
        ) : (
          <label>
            {ht('module')}{' '}
            <select value={moduleKey} onChange={(e) => setModuleKey(e.target.value)}>
              {modules.map((m) => <option key={m.key} value={m.key}>{localized(m.label)}</option>)}
            </select>
          </label>
        )}
        {layer !== 'aggregate' && (
          <label>
            {ht('groupBy')}{' '}
            <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
              <option value="department">{ht('groupDepartment')}</option>
              <option value="manager">{ht('groupManager')}</option>
            </select>
          </label>
        )}
        <label title={ht('teamHint')}>
          {ht('team')}{' '}
          <select value={manager} onChange={(e) => setManager(e.target.value)}>
            <option value="">{ht('teamAll')}</option>
            {managers.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </label>
        {delta && (
          <label>
            <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)} /> {ht('onlyChanged')}
          </label>
        )}
        <label>
          <input type="checkbox" checked={showLetters} onChange={(e) => setShowLetters(e.target.checked)} /> {ht('showLetters')}
        </label>
      </div>
      <div className="hm-status">
        <Legend delta={delta} />
        <span className="muted small" role="status">
          {shown ? ht('rows', { count: shown.userIds.length }) : ht('loading')}
          {shown?.baseScopes ? ` · ${ht('changes', { count: changedCells })}` : ''}
          {shown ? ` · ${ht('tookMs', { ms: shown.tookMs.toFixed(1) })}` : ''}
        </span>
      </div>
      {delta && !draftId && <p className="muted">{ht('noDraft')}</p>}
      {error && <p role="alert">{error}</p>}
      {layer !== 'aggregate' && <ExplanationStrip cell={hovered} personName={hovered ? (usersById.get(hovered.userId)?.name ?? '') : ''} columnLabel={hoveredColumn ? localized(hoveredColumn.label) : ''} />}
      <div className="hm-main">
        {shown && layer !== 'aggregate' && (
          <HeatmapGrid
            lines={lines}
            columns={columns}
            columnIdx={columnIdx}
            data={shown}
            delta={delta}
            showLetters={showLetters}
            usersById={usersById}
            onHover={setHovered}
            onOpen={(cell) => openPerson(cell.userId, cell.permissionId)}
            onToggleGroup={toggleGroup}
          />
        )}
        {shown && layer === 'aggregate' && <AggregateGrid aggregates={aggregates} columns={columns} />}
        <PersonPanel view={view} />
      </div>
      <div className="hm-lower">
        {lower && (
          <ScopeCharts aggregates={aggregates} column={columns[Math.max(0, chartColumn)]} columnIndex={Math.max(0, chartColumn)} view={view} scopedPermissionIds={scopedIds} />
        )}
        <WhoCanSee view={view} modules={modules} />
      </div>
    </div>
  );
}
