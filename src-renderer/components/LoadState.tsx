import type { ReactNode } from 'react';
import type { ServerData } from '../api/serverCache';
import { useT } from '../i18n/useT';
import { useAppErrorText } from './errors/useErrorText';

/** Loading, error (with retry) or the content: every view that shows main-process data starts here. */
export function LoadState<T>({ resource, children }: { resource: ServerData<T>; children: (data: T) => ReactNode }) {
  const t = useT();
  const words = useAppErrorText();
  if (resource.error) {
    return (
      <div role="alert" className="load-error">
        <p>{t('app.error', { message: words(resource.error) })}</p>
        <button type="button" onClick={() => void resource.retry()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (resource.shown === null) return <p className="loading" role="status">{t('app.loading')}</p>;
  return <>{children(resource.shown)}</>;
}
