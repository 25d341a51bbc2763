import { expect, test } from '@playwright/test';
import { startHost, type RunningHost } from './support/browserHost';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.dispose();
});
test.use({ locale: 'en-US' });

/** Assertions that wait on scrypt (create, unlock, change passphrase) get more time on a busy machine. */
const afterScrypt = { timeout: 60_000 };

test('a passphrase workspace locks, refuses a wrong passphrase, unlocks, and changes its passphrase', async ({ page }) => {
  // Every unlock runs scrypt with production parameters on purpose: allow for a busy 2-core machine.
  test.setTimeout(180_000);
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Settings' }).click();

  // Create a workspace protected by a passphrase: it becomes the one shown.
  const create = page.getByRole('form', { name: 'New workspace' });
  await create.getByLabel('Name').fill('Production CRM');
  await create.getByLabel('Passphrase').fill('correct horse battery staple');
  await create.getByRole('button', { name: /Create/ }).click();
  const list = page.getByRole('list', { name: 'Workspaces' });
  await expect(list.getByRole('listitem').filter({ hasText: 'Production CRM' })).toContainText('shown now', afterScrypt);

  // Lock it: the lock screen replaces every view.
  await list.getByRole('listitem').filter({ hasText: 'Production CRM' }).getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'Workspace “Production CRM” is locked' })).toBeVisible();
  await page.getByRole('link', { name: 'Organisation' }).click();
  await expect(page.getByRole('heading', { name: /is locked/ })).toBeVisible();

  // A wrong passphrase is refused with a clear message; the right one unlocks.
  await page.getByLabel('Passphrase').fill('wrong horse battery staple');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('That passphrase does not open this workspace. Nothing was changed.', afterScrypt);
  await page.getByLabel('Passphrase').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation' })).toBeVisible(afterScrypt);
  // A new workspace has nothing pulled yet, and says so.
  await expect(page.getByRole('alert')).toContainText('no snapshot yet');

  // Change the passphrase, lock, and only the new one opens it.
  await page.getByRole('link', { name: 'Settings' }).click();
  const change = page.getByRole('form', { name: 'Change passphrase' });
  await change.getByLabel('Current passphrase').fill('correct horse battery staple');
  await change.getByLabel('New passphrase').fill('a whole new passphrase 2026');
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change.getByRole('status')).toHaveText('Passphrase changed: the workspace has a new key.', afterScrypt);
  await list.getByRole('listitem').filter({ hasText: 'Production CRM' }).getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'Workspace “Production CRM” is locked' })).toBeVisible();
  await page.getByLabel('Passphrase').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('does not open', afterScrypt);
  await page.getByLabel('Passphrase').fill('a whole new passphrase 2026');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible(afterScrypt);
  await page.screenshot({ path: 'test-results/workspace-settings-en.png' });

  // Back to the demo, which still has its data.
  await list.getByRole('listitem').filter({ hasText: 'Demo' }).getByRole('button', { name: 'Open' }).click();
  await page.getByRole('link', { name: 'Organisation' }).click();
  await expect(page.getByRole('tree', { name: 'Departments' })).toBeVisible();

  // A locked passphrase workspace chosen from the list opens on its lock screen, which asks for the passphrase.
  await page.getByRole('link', { name: 'Settings' }).click();
  await list.getByRole('listitem').filter({ hasText: 'Production CRM' }).getByRole('button', { name: 'Lock now' }).click();
  await expect(list.getByRole('listitem').filter({ hasText: 'Production CRM' })).toContainText(/· locked/);
  await list.getByRole('listitem').filter({ hasText: 'Production CRM' }).getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { name: 'Workspace “Production CRM” is locked' })).toBeVisible();
  await page.getByLabel('Passphrase').fill('a whole new passphrase 2026');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible(afterScrypt);
  await expect(list.getByRole('listitem').filter({ hasText: 'Production CRM' })).toContainText('shown now');

  // Leave the demo shown for the next test.
  await list.getByRole('listitem').filter({ hasText: 'Demo' }).getByRole('button', { name: 'Open' }).click();
  await expect(list.getByRole('listitem').filter({ hasText: 'Demo' })).toContainText('shown now');
});

test('the audit log records workspace events and verifies its chain', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Audit' }).click();
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.getByRole('cell', { name: 'snapshot.saved' }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status')).toContainText(/Chain intact: \d+ entries checked\./);
});
