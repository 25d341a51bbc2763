import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export interface PullProgressState {
  step: string;
  done: number;
  total: number;
}

/** The latest pull step reported by the main process while `active`. */
export function usePullProgress(active: boolean): PullProgressState | null {
  const [progress, setProgress] = useState<PullProgressState | null>(null);
  useEffect(() => {
    if (!active) {
      setProgress(null);
      return;
    }
    return api().on('sync.progressed', (e) => {
      if (e.kind === 'pull') setProgress({ step: e.step, done: e.done, total: e.total });
    });
  }, [active]);
  return progress;
}
