import { expect, test } from '@playwright/test';
import { SEED_GROUPS, startEmulator, type RunningEmulator } from '../wukong-php-emulator';
import { startHost, type RunningHost } from './support/browserHost';

// The console on WukongCRM 11.0's PHP edition, in Chromium against the built app and the PHP-edition emulator
// (a real HTTP server in this process): connect choosing the edition, pull, change a role's data scope in the
// matrix, push, verify against the server's table, roll back. The field editor offers no mask brush there.
const PASSPHRASE = 'correct horse battery staple';
let emu: RunningEmulator;
let host: RunningHost;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  emu = await startEmulator();
  host = await startHost();
});
test.afterAll(async () => {
  await host.dispose();
  await emu.close();
});

test.use({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });

test('connect to the PHP edition, pull, paint a scope, push, verify, roll back', async ({ page }) => {
  test.setTimeout(180_000);
  const [roleId, , roleTitle] = SEED_GROUPS.find((g) => g[1] === 2)!; // a CRM role of the seed
  const scopeOf = () => emu.state.group(roleId)!.type;
  const before = scopeOf();
  const ours = before === 4 ? 2 : 4;

  await page.goto(host.url);
  await page.getByRole('link', { name: 'Push' }).click();
  await page.getByRole('button', { name: 'Connect…' }).click();
  const dialog = page.getByRole('dialog', { name: 'CRM connection' });
  await dialog.getByLabel('CRM edition').selectOption({ label: 'WukongCRM 11 (PHP)' });
  await dialog.getByLabel('Server URL').fill(emu.url);
  await dialog.getByLabel('User').fill(emu.adminUsername);
  await dialog.getByLabel('Password', { exact: true }).fill(emu.adminPassword);
  await dialog.getByLabel('New workspace name').fill('Wukong PHP');
  await dialog.getByLabel('Workspace passphrase').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Log in and connect' }).click();
  await expect(page.getByTestId('sync-last-pull')).toContainText(/Last pull: version \d+, \d+ people/, { timeout: 60_000 });
  await expect(page.getByTestId('sync-connection')).toHaveText(`Connected to ${emu.url} as ${emu.adminUsername}.`);

  // The access map says the rule this edition applies: the role listed last, not the widest.
  await page.getByRole('link', { name: 'Access map' }).click();
  await expect(page.getByText(/the scope of the role listed last among those that grant the action/)).toBeVisible();

  // What the PHP edition cannot store is not offered: field rules have no mask.
  await page.getByRole('link', { name: 'Roles' }).click();
  await page.getByRole('tab', { name: 'Field rules' }).click();
  await expect(page.getByText('This CRM edition cannot mask fields')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Mask brush' })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Permissions matrix' }).click();
  await page.getByRole('combobox', { name: `Data scope of ${roleTitle}` }).selectOption(String(ours));
  await expect(page.getByTestId('active-draft')).toContainText('Role matrix edits');

  await page.getByRole('link', { name: 'Push' }).click();
  await page.getByLabel('Draft to push').selectOption({ label: 'Role matrix edits' });
  await page.getByRole('button', { name: 'Review push…' }).click();
  await expect(page.getByRole('table', { name: 'Plan: 1 API calls' })).toContainText('/admin/groups/update');
  expect(scopeOf()).toBe(before);
  await page.getByRole('button', { name: /^Push 1 change affecting \d+ people$/ }).click();
  await expect(page.getByTestId('sync-verdict')).toHaveText('Verified: the server holds every change of this push.', { timeout: 30_000 });
  expect(scopeOf()).toBe(ours);

  await page.getByRole('region', { name: 'Result' }).getByRole('button', { name: 'Roll back this push…' }).click();
  await page.getByRole('button', { name: 'Review the rollback' }).click();
  await page.getByRole('button', { name: /^Push 1 change affecting \d+ people$/ }).click();
  await expect(page.getByTestId('sync-verdict')).toHaveText('Verified: the server holds every change of this push.', { timeout: 30_000 });
  expect(scopeOf()).toBe(before);
});
