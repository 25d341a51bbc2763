import { useState } from 'react';
import type { ReportKind } from '../../../src-main/common/ipc';
import { api } from '../../api/client';
import { useErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { downloadFile } from './download';
import { draftsMessages } from './messages';

/**
 * The role matrix and the access map as XLSX or CSV, built in the main process (exceljs never reaches the
 * renderer), for the selected draft's projection or the base; and the printable access report.
 */
export function ReportActions({ draftId, draftName, onPrint }: { draftId: string | null; draftName: string | null; onPrint: () => void }) {
  const t = useFeatureT(draftsMessages);
  const errorText = useErrorText();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (report: ReportKind, format: 'xlsx' | 'csv') => {
    setBusy(true);
    try {
      downloadFile(await api().call('reports.export', { report, format, draftId, locale }));
      setError(null);
    } catch (e) {
      setError(t('failed', { message: errorText(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="drafts-reports" aria-labelledby="reports-title" aria-busy={busy}>
      <h3 id="reports-title">{t('reportsTitle')}</h3>
      <p className="muted">{t('reportsFor', { what: draftName ?? t('reportsBase') })}</p>
      <div className="toolbar">
        <button type="button" disabled={busy} onClick={() => void save('roleMatrix', 'xlsx')}>
          {t('roleMatrixXlsx')}
        </button>
        <button type="button" disabled={busy} onClick={() => void save('roleMatrix', 'csv')}>
          {t('roleMatrixCsv')}
        </button>
        <button type="button" disabled={busy} onClick={() => void save('accessMap', 'xlsx')}>
          {t('accessMapXlsx')}
        </button>
        <button type="button" disabled={busy} onClick={() => void save('accessMap', 'csv')}>
          {t('accessMapCsv')}
        </button>
        <button type="button" onClick={onPrint}>
          {t('printReport')}
        </button>
      </div>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </section>
  );
}
