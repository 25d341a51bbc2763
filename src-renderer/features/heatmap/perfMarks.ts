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

export function markSwitchStart(): void {
  performance.mark(PERF.switchStart);
}

/** Call once per mount; `renderedKey` is the data key now on screen (null while loading). */
export function useAccessMapMarks(renderedKey: string | null): void {
  const opened = useRef(false);
  const firstDone = useRef(false);
  const lastKey = useRef<string | null>(null);
  if (!opened.current) {
    opened.current = true;
    performance.mark(PERF.open);
  }
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
