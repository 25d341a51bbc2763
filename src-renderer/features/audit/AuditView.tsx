import { useCallback, useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-main/common/ipc';
import { api } from '../../api/client';
import { useErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { auditCsv } from './auditCsv';
import { auditMessages } from './messages';

type Entry = ChannelOutput<'audit.list'>['entries'][number];

/** The workspace's hash-chained audit log: newest first, verify the chain, export as CSV. */
export function AuditView() {
  const t = useFeatureT(auditMessages);
  const errorText = useErrorText();
  const locale = useLocale();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [verdict, setVerdict] = useState<string | null>(null);
  // The failure itself, worded when shown: a change of language re-words it.
  const [error, setError] = useState<{ failure: unknown } | null>(null);

  const load = useCallback(async (beforeSeq?: number) => {
    try {
      const page = await api().call('audit.list', { limit: 200, beforeSeq });
      setEntries((prev) => (beforeSeq ? [...prev, ...page.entries] : page.entries));
      setError(null);
    } catch (e) {
      setError({ failure: e });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const verify = async () => {
    const result = await api().call('audit.verify', {});
    if (result.ok) setVerdict(t('verified', { count: result.entries }));
    // The reason in the reader's language; the main process's English message only when there is no reason.
    else if (result.reason) setVerdict(t(`break.${result.reason}`, { seq: result.brokenAt ?? '?' }));
    else setVerdict(t('broken', { seq: result.brokenAt ?? '?', message: result.message ?? '' }));
  };

  const exportCsv = () => {
    const url = URL.createObjectURL(new Blob([auditCsv(entries)], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'gatehouse-audit.csv';
    link.click();
    URL.revokeObjectURL(url);
  };

  const oldest = entries.at(-1)?.seq;
  return (
    <section className="view audit-view" aria-labelledby="audit-title">
      <h1 id="audit-title">{t('title')}</h1>
      <p className="muted">{t('hint')}</p>
      <div className="toolbar">
        <button type="button" onClick={() => void verify()}>
          {t('verify')}
        </button>
        <button type="button" onClick={exportCsv} disabled={entries.length === 0}>
          {t('exportCsv')}
        </button>
        {verdict && <span role="status">{verdict}</span>}
        {error && <span role="alert" className="form-error">{errorText(error.failure)}</span>}
      </div>
      <div className="data-table">
        <table aria-label={t('title')}>
          <thead>
            <tr>
              <th scope="col">{t('seq')}</th>
              <th scope="col">{t('at')}</th>
              <th scope="col">{t('actor')}</th>
              <th scope="col">{t('action')}</th>
              <th scope="col">{t('details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 && (
              <tr>
                <td colSpan={5} className="empty">
                  {t('empty')}
                </td>
              </tr>
            )}
            {entries.map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{new Date(e.at).toLocaleString(locale)}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td title={JSON.stringify(e.details)}>{JSON.stringify(e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {oldest !== undefined && oldest > 1 && (
        <button type="button" onClick={() => void load(oldest)}>
          {t('more')}
        </button>
      )}
    </section>
  );
}
