import { csvText } from '../../common/csv';
import type { ReportKind, ReportTable } from '../../common/ipc';
import { SCOPE_NAMES, type ScopeValue } from '../../common/policy';
import type { Projection } from '../drafts';
import { accessMapTable, roleMatrixTable } from './reportTables';
import { tableToXlsx } from './writeXlsx';

type Locale = 'en' | 'zh-CN';

/** The role matrix and the access map of a state (the base or a draft's projection) as a table, CSV or XLSX. */
export class ReportService {
  constructor(private readonly projection: (draftId: string | null) => Projection) {}

  table(report: ReportKind, draftId: string | null, locale: Locale): ReportTable {
    const view = this.projection(draftId);
    return report === 'roleMatrix' ? roleMatrixTable(view.snapshot, locale) : accessMapTable(view.snapshot, view.policy(), locale);
  }

  /** UTF-8 with a byte-order mark, so Excel opens Chinese names correctly; every cell formula-safe. */
  csv(report: ReportKind, draftId: string | null, locale: Locale): string {
    const table = this.table(report, draftId, locale);
    return '\uFEFF' + csvText([table.columns, ...table.rows]);
  }

  async xlsx(report: ReportKind, draftId: string | null, locale: Locale, now: Date): Promise<Buffer> {
    const scopeOrder = ([0, 1, 2, 3, 4, 5] as ScopeValue[]).map((s) => SCOPE_NAMES[s][locale]);
    return tableToXlsx(this.table(report, draftId, locale), scopeOrder, { creator: 'Gatehouse', created: now });
  }
}

export function reportFileName(report: ReportKind, draftId: string | null, format: 'xlsx' | 'csv'): string {
  return `gatehouse-${report === 'roleMatrix' ? 'role-matrix' : 'access-map'}${draftId === null ? '' : '-draft'}.${format}`;
}
