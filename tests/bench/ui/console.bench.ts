import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHost, type RunningHost } from '../../e2e/support/browserHost';
import { busyUntil, now, recordLongTasks } from './quiet';
import { median, record } from './results';
import { scripted } from './scrollStats';

// `npm run bench:ui`: the console's timings on the demo workspace and on generated organisations
// (BENCH_UI_SIZES, default "demo,20000"; add 100000 for the largest). Nothing here is asserted as a time: the
// functional gate (`npm test`) has no timing runs; these numbers go to docs/performance.md.
const SIZES = (process.env.BENCH_UI_SIZES ?? 'demo,20000').split(',').map((s) => s.trim()).filter(Boolean);
const CRM_REALM = '1';
const GESTURE_TO_IMPACT = 'role-matrix:gesture-to-impact';
const FIRST_ROW = 2;
const ROWS = 25;
const COLS = 4;

test.use({ locale: 'en-US', viewport: { width: 1600, height: 1400 }, trace: 'off' });

const measure = (page: Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n, 'measure').at(-1)?.duration ?? null, name);
const cellAt = (grid: Locator, row: number, col: number) => grid.locator(`[data-cell][data-row="${row}"][data-col="${col}"]`);

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('cell is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * A grant over more than 20 cells is previewed and confirmed first (the bulk-paint dialog): confirm it and return
 * the moment of the click, from which that gesture is timed (the dialog's wait is the person's, not the app's).
 */
async function confirmGrant(page: Page): Promise<number> {
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible({ timeout: 120_000 });
  const since = await now(page);
  await dialog.getByRole('button', { name: /^Grant \d+ permissions$/ }).click();
  return since;
}

for (const size of SIZES) {
  const people = size === 'demo' ? 0 : Number(size);
  test(`console timings: ${size}`, async ({ page }) => {
    test.setTimeout(900_000);
    const host: RunningHost = await startHost(people ? { demoUsers: people } : {});
    try {
      const out = (measureName: string, ms: number, note?: string) => record({ size, people, measure: measureName, ms, ...(note ? { note } : {}) });
      await recordLongTasks(page);
      const opened = Date.now();
      await page.goto(host.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible({ timeout: 120_000 });
      out('open URL → Organisation shown', Date.now() - opened);

      // Access map: the console's own mark, and how long the main thread stays busy after the click.
      let since = await now(page);
      await page.getByRole('link', { name: 'Access map' }).click();
      await expect(page.locator('[role="gridcell"][data-user]').first()).toBeVisible({ timeout: 120_000 });
      await expect.poll(() => measure(page, 'access-map:render'), { timeout: 120_000 }).not.toBeNull();
      out('access map: render mark', (await measure(page, 'access-map:render'))!);
      out('access map: main thread busy until', await busyUntil(page, since));
      const switches: number[] = [];
      for (const action of ['read', 'update', 'index'] as const) {
        await page.evaluate(() => performance.clearMeasures('access-map:action-switch'));
        since = await now(page);
        await page.getByRole('combobox', { name: 'Action' }).selectOption(action);
        await expect.poll(() => measure(page, 'access-map:action-switch'), { timeout: 120_000 }).not.toBeNull();
        switches.push(await busyUntil(page, since));
      }
      out('access map: action switch, quiet after', median(switches), 'median of 3');

      // Role matrix: scrolling (frame interval) and painted rectangles → impact shown.
      await page.getByRole('link', { name: 'Roles' }).click();
      const grid = page.getByRole('grid', { name: 'Permissions matrix' });
      await expect(grid.locator('[data-cell]').first()).toBeVisible({ timeout: 120_000 });
      for (const [what, dx, dy] of [['down', 0, 90], ['sideways', 140, 0]] as const) {
        const stats = await scripted(grid, dx, dy, 90);
        expect(stats.movedPx).toBeGreaterThan(0);
        out(`matrix scroll ${what}: frame interval median`, stats.medianMs, `p95 ${stats.p95Ms.toFixed(0)} ms, ${stats.slowFrames} frames > 50 ms`);
      }
      await grid.evaluate((el) => el.scrollTo({ left: 0, top: 0 }));
      await page.getByRole('combobox', { name: 'Module' }).selectOption(CRM_REALM);
      await page.getByRole('searchbox', { name: 'Search roles' }).fill('销售');
      await expect(grid.locator('.vgrid-colhead').nth(COLS - 1)).toBeVisible();
      const paints: number[] = [];
      for (let run = 0; run < 4; run++) {
        await page.getByRole('button', { name: run % 2 === 0 ? 'Grant' : 'Revoke', exact: true }).click();
        const start = await centre(cellAt(grid, FIRST_ROW, 0));
        const end = await centre(cellAt(grid, FIRST_ROW + ROWS - 1, COLS - 1));
        await page.mouse.move(start.x, start.y);
        await page.evaluate((n) => performance.clearMeasures(n), GESTURE_TO_IMPACT);
        await page.mouse.down();
        await page.mouse.move(end.x, end.y, { steps: 12 });
        since = await now(page);
        await page.mouse.up();
        const grant = run % 2 === 0;
        if (grant) since = await confirmGrant(page);
        // The console's own mark runs from the gesture being sent (after the confirmation) to its impact shown.
        await expect.poll(() => measure(page, GESTURE_TO_IMPACT), { timeout: 120_000 }).not.toBeNull();
        const took = Math.max((await measure(page, GESTURE_TO_IMPACT))!, await busyUntil(page, since));
        if (run === 0) out('first 100-cell grant → impact (creates the draft; timed from its confirmation)', took);
        else paints.push(took);
      }
      out('later 100-cell paints → impact, quiet after (grants timed from their confirmation)', median(paints), 'median of 3');
      since = await now(page);
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect(page.getByTestId('impact-panel')).toBeVisible();
      out('undo → main thread quiet', await busyUntil(page, since));
    } finally {
      await host.dispose();
    }
  });
}
