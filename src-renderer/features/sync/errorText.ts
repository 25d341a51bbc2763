import { ApiError } from '../../api/client';
import type { FeatureT } from '../../i18n/featureMessages';
import { syncMessages, type SyncMessageKey } from './messages';

/**
 * A failed sync call in the person's words: the connector's stable code (first detail, `connector: CODE`)
 * picks the sentence; the server's own code, the endpoint and the field fill it in.
 */
export function syncErrorText(error: unknown, t: FeatureT<SyncMessageKey>): string {
  if (!(error instanceof ApiError)) return t('error.other', { message: error instanceof Error ? error.message : String(error) });
  const details = new Map(
    (error.error.details ?? []).map((d) => {
      const at = d.indexOf(': ');
      return at < 0 ? [d, ''] : [d.slice(0, at), d.slice(at + 2)];
    }),
  );
  const code = error.error.code === 'CANCELLED' ? 'CANCELLED' : details.get('connector');
  const key = `error.${code}` as SyncMessageKey;
  if (code && key in syncMessages.en) {
    return t(key, { serverCode: details.get('serverCode') ?? '—', endpoint: details.get('endpoint') ?? '—', field: details.get('field') ?? '—' });
  }
  const serverMessage = details.get('serverMessage');
  return t('error.other', { message: serverMessage ? `${error.message} (${serverMessage})` : error.message });
}
