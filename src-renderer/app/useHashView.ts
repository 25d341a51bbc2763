import { useEffect, useState } from 'react';
import { viewFromHash, type ViewId } from './views';

export function useHashView(): [ViewId, (view: ViewId) => void] {
  const [view, setView] = useState<ViewId>(() => viewFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setView(viewFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return [view, (next) => (location.hash = `#/${next}`)];
}
