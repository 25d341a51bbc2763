import { useEffect, useRef, useState } from 'react';
import type { ReportTable } from '../../../src-main/common/ipc/channels/files';
import { api, ApiError } from '../../api/client';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { draftsMessages } from './messages';

/**
 * The access report as a page made for paper: people × CRM actions with their effective scope, the state it
 * describes and when. `@media print` (drafts.css) hides the console around it; the person prints it to PDF.
 */
export function PrintableReport({ draftId, what, onClose }: { draftId: string | null; what: string; onClose: () => void }) {
  const t = useFeatureT(draftsMessages);
  const locale = useLocale();
  const [table, setTable] = useState<ReportTable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    api()
      .call('reports.table', { report: 'accessMap', draftId, locale })
      .then((t) => !cancelled && setTable(t))
      .catch((e: unknown) => !cancelled && setError(e instanceof ApiError ? e.message : String(e)));
    return () => {
      cancelled = true;
    };
  }, [draftId, locale]);
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
          <table className="print-table" aria-label={t('reportTitle')}>
            <thead>
              <tr>
                {table.columns.map((c, i) => (
                  <th key={i} scope="col" className={i >= table.keyColumns ? 'print-action' : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, c) =>
                    c === 0 ? (
                      <th key={c} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={c}>{cell}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </article>
  );
}
