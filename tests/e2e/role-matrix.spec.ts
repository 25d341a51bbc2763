import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './support/browserHost';

// The role matrix on the demo workspace, driven with the mouse in Chromium against the built app.
let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.dispose();
});

test.use({ locale: 'en-US', viewport: { width: 1600, height: 1250 } });

const CRM_REALM = '1';
// 25 rows × 4 roles = a 100-cell rectangle (rows 2…26 of the CRM realm, the four roles matching "销售").
const FIRST_ROW = 2;
const ROWS = 25;
const COLS = 4;

async function openMatrix(page: Page): Promise<Locator> {
  await page.getByRole('link', { name: 'Roles' }).click();
  await expect(page.getByRole('tab', { name: 'Permissions matrix' })).toHaveAttribute('aria-selected', 'true');
  const grid = page.getByRole('grid', { name: 'Permissions matrix' });
  await expect(grid).toBeVisible();
  await page.getByRole('combobox', { name: 'Module' }).selectOption(CRM_REALM);
  await page.getByRole('searchbox', { name: 'Search roles' }).fill('销售');
  await expect(grid.locator('.vgrid-colhead')).toHaveCount(COLS);
  return grid;
}

const cellAt = (grid: Locator, row: number, col: number) => grid.locator(`[data-cell][data-row="${row}"][data-col="${col}"]`);
const pendingCells = (grid: Locator) => grid.locator('[data-cell][data-pending="true"]');

/** Drags from one cell to another with the mouse, through the middle, and releases. */
async function paint(page: Page, from: Locator, to: Locator) {
  const start = await centre(from);
  const end = await centre(to);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 8 });
  await page.mouse.move(end.x, end.y, { steps: 8 });
}

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('cell is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('paint a rectangle with the mouse, see pending marks and impact, undo, redo, reload', async ({ page }) => {
  // A long walk through the editor on shared, busy CI cores: the default 60 s is too tight for all of it.
  test.setTimeout(240_000);
  const browserLog: string[] = [];
  page.on('console', (m) => browserLog.push(m.text()));
  await page.goto(host.url);
  const grid = await openMatrix(page);
  const impact = page.getByTestId('impact-panel');
  await expect(impact).toContainText('No draft yet');
  await expect(pendingCells(grid)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/role-matrix-before-en.png' });

  // Force the grant brush, then drag from the top-left to the bottom-right cell.
  await page.getByRole('button', { name: 'Grant', exact: true }).click();
  await paint(page, cellAt(grid, FIRST_ROW, 0), cellAt(grid, FIRST_ROW + ROWS - 1, COLS - 1));
  // While the button is down the rectangle is previewed with the brush, not yet sent.
  await expect(grid.locator('.mcell.in-drag')).toHaveCount(ROWS * COLS);
  await page.mouse.up();

  // A grant of more than 20 cells asks first, naming each role with its people and what it gets; nothing is sent
  // before the answer.
  const confirm = page.getByRole('alertdialog', { name: /^Grant \d+ permissions to (\d+ roles|.+)\?$/ });
  await expect(confirm).toContainText('people: ');
  await expect(page.getByTestId('active-draft')).toContainText('No draft');
  await confirm.getByRole('button', { name: /^Grant \d+ permissions$/ }).click();
  await expect(page.getByTestId('undo-toast')).toContainText('Granted ');

  // One gesture = one batch in a new draft; the painted cells are marked until pushed.
  await expect(page.getByTestId('active-draft')).toContainText('1');
  await expect(pendingCells(grid).first()).toBeVisible();
  const pendingAfterPaint = await pendingCells(grid).count();
  expect(pendingAfterPaint).toBeGreaterThan(0);
  expect(pendingAfterPaint).toBeLessThanOrEqual(ROWS * COLS);
  for (const cell of await pendingCells(grid).all()) {
    const row = Number(await cell.getAttribute('data-row'));
    const col = Number(await cell.getAttribute('data-col'));
    expect(row >= FIRST_ROW && row < FIRST_ROW + ROWS && col < COLS).toBe(true);
    await expect(cell).toHaveAttribute('data-granted', 'true');
  }

  // The impact panel shows who gains access.
  await expect(page.getByTestId('impact-gained')).not.toHaveText('0');
  const gained = await page.getByTestId('impact-gained').textContent();
  await page.screenshot({ path: 'test-results/role-matrix-en.png' });

  // Undo takes the whole rectangle back in one step; redo puts it back.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(pendingCells(grid)).toHaveCount(0);
  await expect(page.getByTestId('impact-affected')).toHaveText('0');
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(pendingCells(grid)).toHaveCount(pendingAfterPaint);
  await expect(page.getByTestId('impact-gained')).toHaveText(gained!);

  // A second paint into the existing draft (revoke brush) shows losses; undo takes it back.
  // (Timings of these gestures are measured by `npm run bench:ui`, not here.)
  await page.getByRole('button', { name: 'Revoke', exact: true }).click();
  await paint(page, cellAt(grid, FIRST_ROW, 0), cellAt(grid, FIRST_ROW + ROWS - 1, COLS - 1));
  await page.mouse.up();
  await expect(page.getByTestId('impact-lost')).not.toHaveText('0');
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(pendingCells(grid)).toHaveCount(pendingAfterPaint);
  await expect(page.getByTestId('impact-gained')).toHaveText(gained!);

  // Reload the page: the draft lives in the main process and comes back with its marks.
  const draftName = await page.getByTestId('active-draft').textContent();
  await page.reload();
  await expect(page.getByTestId('active-draft')).toHaveText(draftName!);
  const again = await openMatrix(page);
  await expect(pendingCells(again)).toHaveCount(pendingAfterPaint);
  await expect(page.getByTestId('impact-gained')).toHaveText(gained!);

  // The same screen in Chinese.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('grid', { name: '权限矩阵' })).toBeVisible();
  await expect(page.getByRole('tab', { name: '权限矩阵' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '草稿的影响' })).toBeVisible();
  await page.screenshot({ path: 'test-results/role-matrix-zh.png' });
  expect(browserLog.filter((line) => /error/i.test(line) && !/favicon/.test(line))).toEqual([]);
});

test('the field rules and role list tabs are reachable by keyboard', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Roles' }).click();
  const matrixTab = page.getByRole('tab', { name: 'Permissions matrix' });
  await matrixTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Field rules' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('grid', { name: 'Field rules' })).toBeVisible();
  await page.screenshot({ path: 'test-results/field-matrix-en.png' });
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('table', { name: 'Roles' })).toBeVisible();
});

test('the matrix scrolls both ways with its headers stuck and only the cells in view rendered', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Roles' }).click();
  const grid = page.getByRole('grid', { name: 'Permissions matrix' });
  await expect(grid.locator('[data-cell]').first()).toBeVisible();
  const rowCount = Number(await grid.getAttribute('aria-rowcount')) - 2;
  const colCount = Number(await grid.getAttribute('aria-colcount')) - 1;
  // The whole catalogue × every role would be thousands of cells; the virtualizers draw a window of them.
  expect(await grid.locator('[data-cell]').count()).toBeLessThan((rowCount * colCount) / 4);

  await grid.evaluate((el) => el.scrollTo({ left: 700, top: 2400 }));
  const gridBox = (await grid.boundingBox())!;
  const corner = grid.locator('.vgrid-corner');
  await expect(corner).toBeVisible();
  expect(Math.abs((await corner.boundingBox())!.x - gridBox.x)).toBeLessThan(3);
  const header = grid.locator('.vgrid-colhead').first();
  expect((await header.boundingBox())!.y).toBeLessThan(gridBox.y + 40);
  const firstRowHeader = grid.locator('[role="rowheader"]').first();
  expect(Math.abs((await firstRowHeader.boundingBox())!.x - gridBox.x)).toBeLessThan(3);
  // Cells far down and to the right exist now that they are in view.
  const maxRow = Math.max(...(await grid.locator('[data-cell]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-row'))))));
  expect(maxRow).toBeGreaterThan(80);
  await page.screenshot({ path: 'test-results/role-matrix-scrolled-en.png' });
});
