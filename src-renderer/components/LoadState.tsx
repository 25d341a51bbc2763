import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import type { Resource } from '../stores/resourceStore';

/** Loading, error (with retry) or the content: every view that shows main-process data starts here. */
export function LoadState<T>({ resource, retry, children }: { resource: Resource<T>; retry: () => void; children: (data: T) => ReactNode }) {
  const t = useT();
  if (resource.status === 'error') {
    return (
      <div role="alert" className="load-error">
        <p>{t('app.error', { message: resource.error.message })}</p>
        <button type="button" onClick={retry}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  if (resource.data === null) return <p className="loading" role="status">{t('app.loading')}</p>;
  return <>{children(resource.data)}</>;
}
