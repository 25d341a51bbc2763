import { useFeatureT } from '../../i18n/featureMessages';
import { useLocalized, useT } from '../../i18n/useT';
import { SCOPE_SLOTS } from '../../../src-main/common/policy';
import type { DepartmentAggregate } from './aggregates';
import type { MapColumn } from '../../../src-main/common/wukong';
import { heatmapMessages } from './messages';
import { scopeKey } from './scopeCodec';

/**
 * Departments × columns: each cell is a bar split by the share of the department's people (whole subtree)
 * at each scope, with the shares spelled out for screen readers and on hover.
 */
export function AggregateGrid({ aggregates, columns }: { aggregates: readonly DepartmentAggregate[]; columns: readonly MapColumn[] }) {
  const t = useT();
  const ht = useFeatureT(heatmapMessages);
  const localized = useLocalized();
  return (
    <div className="hm-aggregate-scroll">
      <table className="hm-aggregate" aria-label={ht('aggregateTitle')}>
        <caption>{ht('aggregateTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{ht('department')}</th>
            <th scope="col">{ht('people')}</th>
            {columns.map((c) => <th key={c.permissionId} scope="col">{localized(c.label)}</th>)}
          </tr>
        </thead>
        <tbody>
          {aggregates.filter((a) => a.size > 0).map((a) => (
            <tr key={a.department.id}>
              <th scope="row" style={{ paddingInlineStart: 4 + a.depth * 14 }}>{a.department.name}</th>
              <td>{a.size}</td>
              {columns.map((c, col) => {
                const parts = [0, 1, 2, 3, 4, 5].map((s) => ({ s, n: a.counts[col * SCOPE_SLOTS + s]! })).filter((p) => p.n > 0);
                const shares = parts.map((p) => `${t(scopeKey(p.s))} ${Math.round((100 * p.n) / a.size)}%`).join(', ');
                const label = ht('aggregateCell', { department: a.department.name, column: localized(c.label), shares });
                return (
                  <td key={c.permissionId} aria-label={label} title={label}>
                    <span className="hm-share" aria-hidden="true">
                      {parts.map((p) => <span key={p.s} className={`hm-s${p.s}`} style={{ flexGrow: p.n }} />)}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
