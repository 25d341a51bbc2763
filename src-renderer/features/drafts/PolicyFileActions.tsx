import { useRef, useState, type ChangeEvent } from 'react';
import type { ChannelOutput } from '../../../src-main/common/ipc';
import { MAX_POLICY_FILE_BYTES, megabytes, utf8ByteLength } from '../../../src-main/common/ipc';
import { api } from '../../api/client';
import { useErrorText } from '../../components/errors/useErrorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { downloadFile } from './download';
import { draftsMessages } from './messages';

type Outcome = ChannelOutput<'policy.import'>;

/**
 * Export the selected draft or the snapshot as YAML (the main process writes it; this downloads it) and import a
 * policy file (its text goes to the main process, which validates it and applies nothing unless all of it is good).
 */
export function PolicyFileActions({ draftId, draftName, onImported }: { draftId: string | null; draftName: string | null; onImported: (id: string) => void }) {
  const t = useFeatureT(draftsMessages);
  const errorText = useErrorText();
  const locale = useLocale();
  const reload = useDraftStore((s) => s.load);
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; lines: string[] } | null>(null);
  /** A snapshot file replaces the base every view shows: it waits here until the person confirms. */
  const [pendingSnapshot, setPendingSnapshot] = useState<string | null>(null);

  const save = async (kind: 'draft' | 'snapshot') => {
    try {
      const file = kind === 'draft' && draftId ? await api().call('policy.export', { kind, draftId, locale }) : await api().call('policy.export', { kind: 'snapshot', draftId, locale });
      downloadFile({ fileName: file.fileName, mimeType: 'application/yaml;charset=utf-8', data: file.text, encoding: 'utf8' });
    } catch (error) {
      setMessage({ ok: false, lines: [t('failed', { message: errorText(error) })] });
    }
  };

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // picking the same file again after fixing it must fire again
    if (!file) return;
    // Refused here, before it is read or sent: the main process would refuse it too, after carrying megabytes.
    const tooLarge = (bytes: number) =>
      setMessage({ ok: false, lines: [t('importTooLarge', { name: file.name, size: megabytes(bytes), max: megabytes(MAX_POLICY_FILE_BYTES) })] });
    if (file.size > MAX_POLICY_FILE_BYTES) return tooLarge(file.size);
    const text = await file.text();
    // Bytes that are not UTF-8 are read as U+FFFD (three bytes each), so the text can outgrow the file.
    const bytes = utf8ByteLength(text);
    if (bytes > MAX_POLICY_FILE_BYTES) return tooLarge(bytes);
    // Only a hint for the confirmation; the main process parses and validates the file whatever it says.
    if (/^kind: snapshot\s*$/m.test(text)) setPendingSnapshot(text);
    else await send(text);
  };

  const send = async (text: string) => {
    setPendingSnapshot(null);
    try {
      const outcome = await api().call('policy.import', { text });
      setMessage(describe(outcome));
      await reload();
      if (outcome.status === 'draft') onImported(outcome.draft.id);
    } catch (error) {
      setMessage({ ok: false, lines: [t('failed', { message: errorText(error) })] });
    }
  };

  const describe = (outcome: Outcome): { ok: boolean; lines: string[] } => {
    switch (outcome.status) {
      case 'draft': {
        const lines = [t('importedDraft', { name: outcome.draft.name, count: outcome.draft.appliedCount })];
        if (outcome.fileBaseVersion !== outcome.baseVersion) lines.push(t('importedOtherBase', { file: outcome.fileBaseVersion, base: outcome.baseVersion }));
        return { ok: true, lines };
      }
      case 'snapshot':
        return { ok: true, lines: [t('importedSnapshot', { version: outcome.version })] };
      case 'invalid':
        return {
          ok: false,
          lines: [
            t('importInvalid'),
            ...outcome.problems.map((p) => {
              const params = { line: p.line, field: p.field, message: p.message[locale] };
              return p.line === 0 ? t('problemFile', params) : p.field ? t('problemAt', params) : t('problemAtLine', params);
            }),
          ],
        };
      case 'refused':
        return { ok: false, lines: [t('importRefused'), ...outcome.problems.map((p) => t('problemGesture', { n: p.number, message: p.problem.message[locale] }))] };
    }
  };

  return (
    <section className="drafts-files" aria-labelledby="files-title">
      <h3 id="files-title">{t('filesTitle')}</h3>
      <p className="muted">{t('reportsFor', { what: draftName ?? t('reportsBase') })}</p>
      <div className="toolbar">
        <button type="button" onClick={() => void save('draft')} disabled={!draftId}>
          {t('exportDraft')}
        </button>
        <button type="button" onClick={() => void save('snapshot')}>
          {t('exportSnapshot')}
        </button>
        <label className="file-picker">
          {t('importFile')}
          <input ref={input} type="file" accept=".yaml,.yml,text/yaml,application/yaml" onChange={(e) => void load(e)} />
        </label>
      </div>
      {pendingSnapshot !== null && (
        <div role="alertdialog" aria-labelledby="snapshot-import-text" className="discard-confirm" onKeyDown={(e) => e.key === 'Escape' && setPendingSnapshot(null)}>
          <p id="snapshot-import-text">{t('snapshotConfirm')}</p>
          <button type="button" onClick={() => void send(pendingSnapshot)}>
            {t('snapshotImport')}
          </button>
          <button type="button" autoFocus onClick={() => setPendingSnapshot(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {message && (
        <div role={message.ok ? 'status' : 'alert'} className={message.ok ? 'import-ok' : 'import-problems'}>
          <p>{message.lines[0]}</p>
          {message.lines.length > 1 && (
            <ul>
              {message.lines.slice(1).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
