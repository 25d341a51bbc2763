import { expect, test, type Page } from '@playwright/test';
import { createDemoSnapshot, DEMO_FACTS } from '../../src-main/common/generator';
import { loadBundledCatalogue } from '../../src-main/services/resources';
import { WUKONG_SUPER_USER_ID } from '../../src-main/common/wukong';
import { startHost, type RunningHost } from './support/browserHost';

// Names and ids come from the generator the app itself uses, so the test follows the real demo data.
const demo = createDemoSnapshot(loadBundledCatalogue());
const liLei = demo.users.find((u) => u.id === DEMO_FACTS.liLeiUserId)!;
const from = demo.departments.find((d) => d.id === liLei.departmentId)!;
const to = demo.departments.find((d) => d.id === demo.users.find((u) => u.id === DEMO_FACTS.liLeiReportsInOtherDepartment[0])!.departmentId)!;
const customerList = DEMO_FACTS.customerListPermissionId;

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.stop();
});

test.use({ locale: 'en-US' });

const cell = (page: Page, userId: string, permissionId: string) => page.locator(`[role="gridcell"][data-user="${userId}"][data-permission="${permissionId}"]`);

test('drag a person to another department, see what the draft changes on the access map, ask why, undo', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();

  // Open the access map: Li Lei's customer list scope is "own department" (3 beats 2: max, not union).
  await page.getByRole('link', { name: 'Access map' }).click();
  await expect(cell(page, liLei.id, customerList)).toHaveClass(/hm-s3/);
  // Switch the action: the columns become the "view detail" permissions.
  await page.getByRole('combobox', { name: 'Action' }).selectOption('read');
  const detail = demo.permissions.find((p) => p.key === 'crm:customer:read')!.id;
  await expect(cell(page, liLei.id, detail)).toBeVisible();
  await page.getByRole('combobox', { name: 'Action' }).selectOption('index');
  await expect(cell(page, liLei.id, customerList)).toBeVisible();
  await page.screenshot({ path: 'test-results/heatmap-en.png', fullPage: true });

  // Organisation: drag Li Lei from his department onto another one in the tree.
  await page.getByRole('link', { name: 'Organisation' }).click();
  const tree = page.getByRole('tree', { name: 'Departments' });
  await tree.getByRole('button', { name: new RegExp(`^${from.name}`) }).click();
  const name = page.getByRole('table', { name: 'People' }).locator(`.person-drag[data-user-id="${liLei.id}"]`);
  await name.dragTo(tree.getByRole('button', { name: new RegExp(`^${to.name}`) }));
  await expect(page.getByTestId('active-draft')).toContainText('1 changes');
  await tree.getByRole('button', { name: new RegExp(`^${to.name}`) }).click();
  await expect(page.getByRole('table', { name: 'People' }).locator(`.person-drag[data-user-id="${liLei.id}"]`)).toBeVisible();
  await page.screenshot({ path: 'test-results/org-tree-en.png' });

  // Access map, draft changes: same scope number, different people — gains and losses of owners.
  await page.getByRole('link', { name: 'Access map' }).click();
  await page.getByRole('radio', { name: 'Draft changes' }).check();
  const moved = cell(page, liLei.id, customerList);
  await expect(moved).toHaveClass(/hm-reach/);
  await expect(moved).toHaveAttribute('aria-label', /sees [1-9]\d* more and [1-9]\d* fewer owners/);
  // People he left and joined see the change too; someone untouched (the super admin) is not even listed.
  expect(await page.locator('[role="gridcell"].hm-reach').count()).toBeGreaterThan(1);
  await expect(cell(page, WUKONG_SUPER_USER_ID, customerList)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/heatmap-delta-en.png', fullPage: true });

  // Hover explains; click opens the person with the "why" of that cell.
  await moved.hover();
  await expect(page.getByTestId('heatmap-explanation')).toContainText(liLei.name);
  await moved.click();
  const panel = page.getByRole('complementary', { name: `Person: ${liLei.name}` });
  await expect(panel.getByTestId('why-consequence')).not.toBeEmpty();
  await expect(panel.getByRole('table').last()).toContainText(/Yes/);
  await page.screenshot({ path: 'test-results/person-why-en.png' });
  await panel.getByRole('button', { name: 'Close' }).click();

  // Undo from the header: the move is gone and the map shows no change for him.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByTestId('active-draft')).toContainText('0 changes');
  await expect(page.locator('[role="gridcell"]:is(.hm-reach, .hm-gain, .hm-loss)')).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Only people the draft changes' }).uncheck();
  await page.locator('.hm-scroll').evaluate((el) => el.scrollTo(0, 0)); // he is back in his old group, higher up
  await expect(moved).toHaveClass(/hm-same/);
  await expect(cell(page, WUKONG_SUPER_USER_ID, customerList)).toHaveClass(/hm-same/);

  // The same map in Chinese.
  await page.getByRole('radio', { name: 'Scopes' }).check();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '权限地图' })).toBeVisible();
  await expect(cell(page, liLei.id, customerList)).toHaveClass(/hm-s3/);
  await page.screenshot({ path: 'test-results/heatmap-zh.png', fullPage: true });
});
