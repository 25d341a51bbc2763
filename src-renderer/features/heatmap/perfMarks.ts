import { useEffect, useRef } from 'react';

/**
 * Performance marks for the record (docs/performance.md): the access map's first render after opening, and
 * each action switch until the new matrix is on screen. Playwright reads them with
 * `performance.getEntriesByName(...)`; nothing in the app depends on them.
 */
export const PERF = {
  open: 'access-map:open',
  render: 'access-map:render',
  switchStart: 'access-map:switch-start',
  switch: 'access-map:action-switch',
} as const;

/** Called once when the access map view mounts (navigation to it), before anything is fetched. */
export function markOpen(): true {
  performance.clearMeasures(PERF.render);
  performance.mark(PERF.open);
  return true;
}

export function markSwitchStart(): void {
  performance.mark(PERF.switchStart);
}

/** `renderedKey` is the data key now on screen (null while loading); the first one ends the open measure. */
export function useAccessMapMarks(renderedKey: string | null): void {
  const firstDone = useRef(false);
  const lastKey = useRef<string | null>(null);
  useEffect(() => {
    if (!renderedKey || renderedKey === lastKey.current) return;
    lastKey.current = renderedKey;
    if (!firstDone.current) {
      firstDone.current = true;
      performance.measure(PERF.render, PERF.open);
    } else if (performance.getEntriesByName(PERF.switchStart, 'mark').length > 0) {
      performance.measure(PERF.switch, PERF.switchStart);
      performance.clearMarks(PERF.switchStart);
    }
  }, [renderedKey]);
}
