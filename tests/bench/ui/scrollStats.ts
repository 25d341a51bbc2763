import type { Locator } from '@playwright/test';

export interface ScrollStats {
  frames: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** Frames that took longer than 50 ms (a visible hitch). */
  slowFrames: number;
  longTasks: number;
  longTaskMs: number;
  /** How far the scroll box really moved (checks the script scrolled at all). */
  movedPx: number;
}

/**
 * Scrolls the element by `dx`, `dy` pixels per animation frame for `frames` frames and records the interval
 * between frames (which includes the virtualizer's re-render on each scroll) and any long tasks meanwhile.
 */
export function scripted(element: Locator, dx: number, dy: number, frames: number): Promise<ScrollStats> {
  return element.evaluate(
    (el, { dx, dy, frames }) =>
      new Promise<ScrollStats>((resolve) => {
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
        // The tests' TypeScript project has Node's types, not the DOM's: Chromium knows 'longtask' and rAF.
        observer.observe({ type: 'longtask' as 'mark' });
        const raf = (globalThis as unknown as { requestAnimationFrame(cb: (now: number) => void): number }).requestAnimationFrame;
        const start = { left: el.scrollLeft, top: el.scrollTop };
        const intervals: number[] = [];
        let last = performance.now();
        let n = 0;
        const step = (now: number) => {
          intervals.push(now - last);
          last = now;
          if (n++ >= frames) {
            observer.disconnect();
            const sorted = intervals.slice(1).sort((a, b) => a - b);
            const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
            resolve({
              frames: sorted.length,
              medianMs: at(0.5),
              p95Ms: at(0.95),
              maxMs: sorted.at(-1) ?? 0,
              slowFrames: sorted.filter((d) => d > 50).length,
              longTasks: tasks.length,
              longTaskMs: tasks.reduce((a, b) => a + b, 0),
              movedPx: Math.abs(el.scrollLeft - start.left) + Math.abs(el.scrollTop - start.top),
            });
            return;
          }
          el.scrollBy(dx, dy);
          raf(step);
        };
        raf(step);
      }),
    { dx, dy, frames },
  );
}
