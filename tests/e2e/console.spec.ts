import { expect, test } from '@playwright/test';
import { createDemoSnapshot } from '../../src-main/common/generator';
import { loadBundledCatalogue } from '../../src-main/services/resources';
import { startHost, type RunningHost } from './support/browserHost';

// What the demo workspace must show, computed from the same generator the app uses: the test checks the
// console displays the real data, without copying names into the test.
const demo = createDemoSnapshot(loadBundledCatalogue());
const root = demo.departments.find((d) => d.parentId === null)!;
const childDepartments = demo.departments.filter((d) => d.parentId === root.id);
const someone = demo.users.find((u) => u.status === 'active' && u.departmentId !== root.id)!;
const someonesDepartment = demo.departments.find((d) => d.id === someone.departmentId)!;
const crmRoles = demo.roles.filter((r) => r.groupId === '2');
const memberCount = (roleId: string) => demo.users.filter((u) => u.roleIds.includes(roleId)).length;

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.dispose();
});

test.use({ locale: 'en-US' });

test('the console shows the demo organisation and roles, and switches language', async ({ page }) => {
  await page.goto(host.url);
  // The token is traded for a session cookie and leaves the address bar.
  await expect(page).not.toHaveURL(/token=/);

  // Organisation: the department tree and the people in it (English UI, from the browser's language).
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible();
  const tree = page.getByRole('tree', { name: 'Departments' });
  await expect(tree.getByRole('button', { name: new RegExp(root.name) })).toBeVisible();
  for (const department of childDepartments) {
    await expect(tree.getByRole('button', { name: new RegExp(department.name) })).toBeVisible();
  }
  await tree.getByRole('button', { name: new RegExp(`^${someonesDepartment.name}`) }).first().click();
  const people = page.getByRole('table', { name: 'People' });
  // Their row: login (unique) and name side by side (the name may also appear as others' manager).
  const row = people.getByRole('row').filter({ has: page.getByRole('cell', { name: someone.login, exact: true }) });
  await expect(row.getByRole('cell').first()).toHaveText(someone.name);

  // Roles: every CRM role with its real member count.
  await page.getByRole('link', { name: 'Roles' }).click();
  // The Roles view opens on the permission matrix; the plain list is its third tab.
  await page.getByRole('tab', { name: 'Role list' }).click();
  const roles = page.getByRole('table', { name: 'Roles' });
  for (const role of crmRoles) {
    const row = roles.getByRole('row').filter({ has: page.getByRole('cell', { name: role.name, exact: false }) }).first();
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').nth(3)).toHaveText(String(memberCount(role.id)));
  }
  await page.screenshot({ path: 'test-results/console-roles-en.png' });

  // Switch to Chinese: navigation and headings follow at once, and the choice survives a reload.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('link', { name: '组织架构' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: '角色' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '角色' })).toBeVisible();
  await page.getByRole('link', { name: '组织架构' }).click();
  await expect(page.getByRole('tree', { name: '部门' })).toBeVisible();
  await page.screenshot({ path: 'test-results/console-organisation-zh.png' });
});

test('a wrong token gets no console', async ({ page }) => {
  const wrong = new URL(host.url);
  wrong.searchParams.set('token', 'guessed');
  const response = await page.goto(wrong.href);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('navigation')).toHaveCount(0);
});
