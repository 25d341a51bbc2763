import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './support/browserHost';

// The drafts view on the demo workspace, in Chromium against the built app: a change painted in the role
// matrix is reviewed in plain language with impact and checks, reverted, exported and imported as YAML, a
// malformed file is refused with its line, and the reports download and print.
let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.dispose();
});

test.use({ locale: 'en-US', viewport: { width: 1500, height: 1100 } });

/** Grants 2 × 2 empty CRM cells (Campaigns › Create, View list) of the roles matching 销售 with one drag in the role matrix: one gesture. */
async function paintInRoleMatrix(page: Page) {
  await page.getByRole('link', { name: 'Roles' }).click();
  const grid = page.getByRole('grid', { name: 'Permissions matrix' });
  await expect(grid).toBeVisible();
  await page.getByRole('combobox', { name: 'Module' }).selectOption('1');
  await page.getByRole('searchbox', { name: 'Search roles' }).fill('销售');
  await page.getByRole('button', { name: 'Grant', exact: true }).click();
  const cell = (row: number, col: number) => grid.locator(`[data-cell][data-row="${row}"][data-col="${col}"]`);
  const [from, to] = [await centre(cell(12, 0)), await centre(cell(13, 1))];
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  await expect(page.getByTestId('active-draft')).toContainText('1 changes');
}

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('cell is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
}

test('review a painted change, revert it, round-trip it as YAML, reject a bad file, export and print reports', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await paintInRoleMatrix(page);

  // The drafts view opens on the draft the views show: the change in words, grouped by role, with impact and checks.
  await page.getByRole('link', { name: 'Drafts' }).click();
  const drafts = page.getByRole('list', { name: 'Drafts' });
  await expect(drafts.getByRole('button', { name: /Role matrix edits/ })).toHaveAttribute('aria-current', 'true');
  const changes = page.getByRole('region', { name: 'Changes in plain language' });
  await expect(changes.getByRole('heading', { name: 'Roles' })).toBeVisible();
  await expect(changes.getByText(/ gains "/).first()).toBeVisible();
  const lines = await changes.getByText(/ gains "/).count();
  expect(lines).toBeGreaterThanOrEqual(1);
  const impact = page.getByRole('region', { name: 'Impact if pushed' });
  await expect(impact.getByTestId('impact-affected-count')).toHaveText(/\d+ (people|person) affected/);
  await expect(impact.getByRole('listitem').first()).toHaveText(/^\d+ (people gain|person gains) /);
  const checks = page.getByRole('region', { name: 'Checks' });
  await expect(checks.getByRole('heading', { name: /^(Blocking|Warnings|Notes) \(\d+\)$/ }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/drafts-en.png', fullPage: true });

  // Export the draft as YAML: readable, with the gesture described and names beside ids.
  const files = page.getByRole('region', { name: 'Policy files' });
  const yaml = await download(page, () => files.getByRole('button', { name: 'Export draft (YAML)' }).click());
  expect(yaml.name).toBe('Role-matrix-edits.draft.yaml');
  const text = yaml.body.toString('utf8');
  expect(text).toMatch(/^format: gatehouse-policy\/1$/m);
  expect(text).toMatch(/# 1\. Grant \d+ permissions? \(/);
  expect(text).toMatch(/- type: grantPermissions/);

  // Revert the one gesture: the draft is empty, impact is nil.
  await changes.getByRole('button', { name: /^Revert change 1:/ }).first().click();
  await expect(changes.getByRole('status')).toHaveText('Change 1 was taken out of the draft.');
  await expect(changes.getByText('This draft changes nothing yet.')).toBeVisible();
  await expect(impact.getByText('Nobody’s access changes.')).toBeVisible();

  // Import the exported file back: a new draft with the same change.
  const picker = files.getByLabel('Import policy file');
  await picker.setInputFiles({ name: yaml.name, mimeType: 'application/yaml', buffer: yaml.body });
  await expect(files.getByRole('status')).toHaveText(/Imported as the new draft “Role matrix edits” \(1 changes\)\./);
  await expect(drafts.getByRole('button', { name: /Role matrix edits.*1 changes/ })).toHaveAttribute('aria-current', 'true');
  await expect(changes.getByText(/ gains "/)).toHaveCount(lines);

  // A malformed file is refused with its line and field, and creates nothing.
  const bad = text.replace('- type: grantPermissions', '- type: grantPermission');
  const badLine = bad.split('\n').findIndex((l) => l.includes('type: grantPermission')) + 1;
  await picker.setInputFiles({ name: 'bad.yaml', mimeType: 'application/yaml', buffer: Buffer.from(bad) });
  const alert = files.getByRole('alert');
  await expect(alert).toContainText('The file was not imported: nothing changed.');
  await expect(alert).toContainText(`Line ${badLine}, gestures[0].operations[0].type:`);
  await expect(drafts.getByRole('listitem')).toHaveCount(2);

  // The role matrix as XLSX: a real workbook whose header names the roles and whose cells name scopes.
  const reports = page.getByRole('region', { name: 'Reports' });
  const xlsx = await download(page, () => reports.getByRole('button', { name: 'Role matrix (XLSX)' }).click());
  expect(xlsx.name).toBe('gatehouse-role-matrix-draft.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getRow(1).getCell(1).value).toBe('Key');
  expect(sheet.getRow(2).getCell(2).value).toBe('Data scope');
  expect(sheet.rowCount).toBeGreaterThan(300);
  const csv = await download(page, () => reports.getByRole('button', { name: 'Access map (CSV)' }).click());
  expect(csv.body.toString('utf8')).toMatch(/^\uFEFFPerson,Login,Department,Status,Roles,/);

  // The printable access report renders to PDF in headless Chromium, without the console around it.
  await reports.getByRole('button', { name: 'Printable access report' }).click();
  const report = page.getByRole('table', { name: /^Access report: / }).first();
  await expect(report.getByRole('rowheader').first()).toBeVisible();
  // One table per CRM module keeps each one page wide.
  expect(await page.getByRole('table', { name: /^Access report: / }).count()).toBeGreaterThan(3);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeHidden();
  await page.screenshot({ path: 'test-results/access-report-print.png' });
  const pdf = await page.pdf({ format: 'A4', landscape: true, path: 'test-results/access-report.pdf' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Close report' }).click();

  // The same view in Chinese.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '草稿' })).toBeVisible();
  await expect(page.getByRole('region', { name: '修改说明' }).getByText(/获得权限「/).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/drafts-zh.png', fullPage: true });
});
