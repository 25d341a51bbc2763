import { useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { OrgView } from '../../../src-main/common/ipc';
import { SCOPE_SLOTS } from '../../../src-main/common/policy';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized, useT } from '../../i18n/useT';
import type { DepartmentAggregate } from './aggregates';
import type { MapColumn } from '../../../src-main/common/wukong';
import { heatmapMessages } from './messages';
import { scopeKey } from './scopeCodec';
import { SCOPE_COLOURS } from './scopeColours';

const SCOPES = [0, 1, 2, 3, 4, 5] as const;

/** Legend labels in the text colour: recharts paints them in the series colour, unreadable for pale scopes. */
const legendText = (value: string) => <span className="hm-chart-legend">{value}</span>;

/**
 * Where a chart reads better than a grid: the scope distribution per department for one column, and the
 * roles that hand out the broadest access (department-tree or company-wide scope on scoped CRM actions).
 */
export function ScopeCharts({ aggregates, column, columnIndex, view, scopedPermissionIds }: {
  aggregates: readonly DepartmentAggregate[];
  column: MapColumn | undefined;
  columnIndex: number;
  view: OrgView;
  scopedPermissionIds: ReadonlySet<string>;
}) {
  const t = useT();
  const ht = useFeatureT(heatmapMessages);
  const localized = useLocalized();
  const distribution = useMemo(
    () =>
      aggregates
        .filter((a) => a.size > 0)
        .map((a) => {
          const row: Record<string, string | number> = { name: `${'  '.repeat(a.depth)}${a.department.name}` };
          for (const s of SCOPES) row[`s${s}`] = Math.round((1000 * a.counts[columnIndex * SCOPE_SLOTS + s]!) / a.size) / 10;
          return row;
        }),
    [aggregates, columnIndex],
  );
  const roles = useMemo(() => {
    const members = new Map<string, number>();
    for (const u of view.users) for (const r of u.roleIds) members.set(r, (members.get(r) ?? 0) + 1);
    return view.roles
      .map((r) => {
        const broad = r.dataScope >= 4 && !r.superAdmin ? r.permissionIds.filter((p) => scopedPermissionIds.has(p)).length : 0;
        const m = members.get(r.id) ?? 0;
        return { name: r.name, broad, members: m, weight: broad * m };
      })
      .filter((r) => r.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, 8);
  }, [view, scopedPermissionIds]);

  return (
    <div className="hm-charts">
      <figure className="hm-chart" aria-label={ht('chartDistribution', { column: column ? localized(column.label) : '' })}>
        <figcaption>{ht('chartDistribution', { column: column ? localized(column.label) : '' })}</figcaption>
        <ResponsiveContainer width="100%" height={Math.max(160, 28 * distribution.length + 60)}>
          <BarChart data={distribution} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit="%" />
            <YAxis type="category" dataKey="name" width={110} />
            <Tooltip />
            <Legend formatter={legendText} />
            {SCOPES.map((s) => (
              <Bar key={s} dataKey={`s${s}`} name={t(scopeKey(s))} stackId="scope" fill={SCOPE_COLOURS[s]} stroke="#555" strokeWidth={0.5} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </figure>
      <figure className="hm-chart" aria-label={ht('chartRoles')}>
        <figcaption>
          {ht('chartRoles')} <span className="muted small">{ht('chartRolesHint')}</span>
        </figcaption>
        <ResponsiveContainer width="100%" height={Math.max(160, 28 * roles.length + 60)}>
          <BarChart data={roles} layout="vertical" margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" />
            <YAxis type="category" dataKey="name" width={120} />
            <Tooltip />
            <Legend formatter={legendText} />
            <Bar dataKey="weight" name={ht('weight')} fill={SCOPE_COLOURS[5]} isAnimationActive={false} />
            <Bar dataKey="broad" name={ht('broadGrants')} fill={SCOPE_COLOURS[3]} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
