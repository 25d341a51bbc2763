import type { Page } from '@playwright/test';

/**
 * "Done" for a console mark is when the renderer's main thread is quiet again, not when an answer arrived
 * (a chart rendered after the mark still freezes the page). An init script records every long task; after a
 * gesture we wait until none has started for `quietMs`, then report how long after `since` the last one ended.
 */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const store: Array<{ start: number; end: number }> = [];
    (globalThis as unknown as { __longTasks: typeof store }).__longTasks = store;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => store.push({ start: e.startTime, end: e.startTime + e.duration }))).observe({
      type: 'longtask' as 'mark',
      buffered: true,
    });
  });
}

/** Milliseconds from `since` (a performance.now() value in the page) until the main thread went quiet. */
export async function busyUntil(page: Page, since: number, quietMs = 500): Promise<number> {
  for (;;) {
    const state = await page.evaluate(() => {
      const tasks = (globalThis as unknown as { __longTasks?: Array<{ start: number; end: number }> }).__longTasks ?? [];
      return { now: performance.now(), lastEnd: tasks.reduce((m, t) => Math.max(m, t.end), 0) };
    });
    if (state.now - Math.max(state.lastEnd, since) >= quietMs) return Math.max(0, state.lastEnd - since);
    await page.waitForTimeout(quietMs / 2);
  }
}

export const now = (page: Page) => page.evaluate(() => performance.now());
