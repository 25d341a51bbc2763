import { useEffect, useRef } from 'react';
import type { ReportTable } from '../../../src-main/common/ipc';
import { SCOPE_NAMES } from '../../../src-main/common/policy';
import { useServerQuery } from '../../api/serverCache';
import { useAppErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { draftsMessages } from './messages';

/** Person, department and status name each row on paper (login and roles are in the XLSX). */
const KEY_COLUMNS = [0, 2, 3];
const SEPARATOR = ' › ';

/**
 * The access map has a column per module × action, far wider than a page: on paper it is one table per module
 * (its actions only), each with the person's name, department and status, so every table fits a landscape page.
 */
function moduleSections(table: ReportTable): Array<{ module: string; columns: number[] }> {
  const sections = new Map<string, number[]>();
  table.columns.forEach((heading, c) => {
    if (c < table.keyColumns) return;
    const module = heading.includes(SEPARATOR) ? heading.slice(0, heading.indexOf(SEPARATOR)) : heading;
    sections.set(module, [...(sections.get(module) ?? []), c]);
  });
  return [...sections].map(([module, columns]) => ({ module, columns }));
}

function actionName(heading: string): string {
  return heading.includes(SEPARATOR) ? heading.slice(heading.indexOf(SEPARATOR) + SEPARATOR.length) : heading;
}

/**
 * The access report as a page made for paper: people × CRM actions with their effective scope, the state it
 * describes and when. `@media print` (drafts.css) hides the console around it; the person prints it to PDF.
 */
export function PrintableReport({ draftId, what, onClose }: { draftId: string | null; what: string; onClose: () => void }) {
  const t = useFeatureT(draftsMessages);
  const locale = useLocale();
  // Only the answer for this draft and language: a page for paper must never show another state.
  const report = useServerQuery('reports.table', { report: 'accessMap', draftId, locale });
  const table: ReportTable | null = report.data;
  const words = useAppErrorText();
  const error = report.error ? words(report.error) : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const none = SCOPE_NAMES[0][locale];

  useEffect(() => heading.current?.focus(), []);

  return (
    <article className="print-report" aria-labelledby="print-report-title">
      <div className="toolbar no-print">
        <button type="button" onClick={() => print()} disabled={!table}>
          {t('print')}
        </button>
        <button type="button" onClick={onClose}>
          {t('closeReport')}
        </button>
      </div>
      <h1 id="print-report-title" tabIndex={-1} ref={heading}>
        {t('reportTitle')}
      </h1>
      {error && <p role="alert">{t('failed', { message: error })}</p>}
      {table && (
        <>
          <p className="print-meta">{t('reportMeta', { what, date: new Date().toLocaleString(locale), count: table.rows.length })}</p>
          <p className="print-legend">{t('reportLegend')}</p>
          {moduleSections(table).map(({ module, columns }) => (
            <section key={module} className="print-section">
              <h2>{module}</h2>
              <table className="print-table" aria-label={`${t('reportTitle')}: ${module}`}>
                <thead>
                  <tr>
                    {[...KEY_COLUMNS, ...columns].map((c) => (
                      <th key={c} scope="col">
                        {c >= table.keyColumns ? actionName(table.columns[c]!) : table.columns[c]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, r) => (
                    <tr key={r}>
                      <th scope="row">{row[0]}</th>
                      {KEY_COLUMNS.slice(1).map((c) => (
                        <td key={c}>{row[c]}</td>
                      ))}
                      {columns.map((c) => (
                        <td key={c} className={row[c] === none ? 'print-none' : undefined}>
                          {row[c]}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        </>
      )}
    </article>
  );
}
