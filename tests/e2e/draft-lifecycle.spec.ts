import { expect, test, type Page } from '@playwright/test';
import { smallOrganisation, startEmulator, type RunningEmulator } from '../wukong-emulator';
import { startHost, type RunningHost } from './support/browserHost';
import { connectNewWorkspace } from './support/syncSteps';

// A draft's life around a real push, in Chromium against the built app and the WukongCRM emulator: after the
// push the draft is read-only (Undo in the header is off and says why, Ctrl+Z changes nothing, the server keeps
// the change), the next edit starts a new draft and says so, the rollback draft opens with its banner and takes no
// ordinary edits; and a column fill in the role matrix asks first, in words, and is undone from its toast.
const ROLE = 180170; // 销售员角色: a CRM role held by 李四, 王五, 孙七, 周八 in the small organisation
const PASSPHRASE = 'correct horse battery staple';
const CRM_REALM = '1';
let emu: RunningEmulator;
let host: RunningHost;

test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US', viewport: { width: 1500, height: 1100 } });
test.beforeAll(async () => {
  emu = await startEmulator({ snapshot: smallOrganisation() });
  host = await startHost();
});
test.afterAll(async () => {
  await host.dispose();
  await emu.close();
});

const roleName = smallOrganisation().roles.find((r) => r.id === String(ROLE))!.name;
const scopeOf = () => emu.state.role(ROLE)!.dataType;
const bar = (page: Page) => page.getByRole('group', { name: 'Draft' });

const connect = (page: Page) => connectNewWorkspace(page, emu, { name: 'Lifecycle', passphrase: PASSPHRASE });

test('after a push the draft is read-only: Undo is off and changes nothing; the rollback draft opens with its banner', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(host.url);
  await connect(page);

  // One change in the role matrix (a data scope), which starts "Role matrix edits", then pushed and verified.
  const before = scopeOf();
  const ours = before === 4 ? 2 : 4;
  await page.getByRole('link', { name: 'Roles' }).click();
  await page.getByRole('combobox', { name: `Data scope of ${roleName}` }).selectOption(String(ours));
  await expect(page.getByTestId('active-draft')).toHaveText('Draft “Role matrix edits” · 1 changes');
  await page.getByRole('link', { name: 'Push' }).click();
  await page.getByLabel('Draft to push').selectOption({ label: 'Role matrix edits' });
  await page.getByRole('button', { name: 'Review push…' }).click();
  await page.getByRole('button', { name: /^Push 1 change affecting \d+ people$/ }).click();
  await expect(page.getByTestId('sync-verdict')).toHaveText('Verified: the server holds every change of this push.', { timeout: 60_000 });
  expect(scopeOf()).toBe(ours);

  // The header: read-only, Undo and Redo off with the reason.
  const undo = bar(page).getByRole('button', { name: 'Undo', exact: true });
  await expect(bar(page).getByTestId('active-draft-readonly')).toContainText('Pushed · read-only');
  await expect(undo).toBeDisabled();
  await expect(undo).toHaveAttribute('title', /^“Role matrix edits” was pushed on .+: undo and redo would rewrite what was sent/);
  await expect(undo).toHaveAccessibleDescription(/undo and redo would rewrite what was sent/);
  await expect(bar(page).getByRole('button', { name: 'Redo', exact: true })).toBeDisabled();
  // Ctrl+Z outside any field: the pushed draft keeps its change, and so does the server.
  await page.locator('body').press('Control+z');
  await page.getByRole('link', { name: 'Drafts' }).click();
  const pushed = page.getByRole('list', { name: 'Drafts' }).getByRole('button', { name: /Role matrix edits/ });
  await expect(pushed).toContainText('1 changes');
  await expect(pushed).toContainText('Pushed · read-only');
  await pushed.click();
  await expect(page.getByTestId('draft-readonly-note')).toContainText('(verified). This draft is the record of what was sent');
  await expect(page.getByTestId('active-draft')).toHaveText('Draft “Role matrix edits” · 1 changes');
  expect(scopeOf()).toBe(ours);

  // The next edit anywhere starts a new draft, and says so.
  await page.getByRole('link', { name: 'Roles' }).click();
  await page.getByRole('combobox', { name: `Data scope of ${roleName}` }).selectOption(String(ours === 4 ? 3 : 5));
  await expect(page.getByTestId('new-draft-notice')).toHaveText(/^“Role matrix edits” was pushed and is read-only, so your edit started a new draft “Role matrix edits 2”\./);
  await expect(page.getByTestId('active-draft')).toHaveText('Draft “Role matrix edits 2” · 1 changes');
  await expect(undo).toBeEnabled();
  await bar(page).getByRole('button', { name: 'Dismiss' }).click();

  // Roll the push back: the rollback draft is offered for review and opens with its banner.
  await page.getByRole('link', { name: 'Push' }).click();
  await page.getByRole('region', { name: 'Result' }).getByRole('button', { name: 'Roll back this push…' }).click();
  await expect(page.getByText(/Rollback draft “Rollback · 回滚 .+” created/)).toBeVisible();
  await bar(page).getByRole('link', { name: /^Review the rollback draft “Rollback · 回滚 / }).click();
  const banner = page.getByTestId('rollback-banner');
  await expect(banner).toContainText(/This draft undoes the push of .+ \(draft “Role matrix edits”\) — review it, then push it from the Push view\./);
  await expect(page.getByRole('heading', { level: 2, name: /^Rollback · 回滚 / })).toBeVisible();
  await page.screenshot({ path: 'test-results/draft-lifecycle-rollback-en.png' });

  // Shown in every view, it still takes no ordinary edit: that goes to a new draft, with a notice.
  await page.getByRole('button', { name: 'Show in all views' }).click();
  await expect(page.getByTestId('active-draft')).toContainText('Rollback · 回滚');
  await page.getByRole('link', { name: 'Roles' }).click();
  await page.getByRole('combobox', { name: `Data scope of ${roleName}` }).selectOption('1');
  await expect(page.getByTestId('new-draft-notice')).toHaveText(/^“Rollback · 回滚 .+” is a rollback draft, kept exactly as it was made, so your edit started a new draft “Role matrix edits 3”\./);
  await page.getByRole('link', { name: 'Drafts' }).click();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('button', { name: /^Rollback · 回滚 / })).toContainText('1 changes');
  // Nothing of this reached the server: only the push did.
  expect(scopeOf()).toBe(ours);

  // The banner in Chinese.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('list', { name: '草稿' }).getByRole('button', { name: /^Rollback · 回滚 / }).click();
  await expect(page.getByTestId('rollback-banner')).toContainText(/此草稿撤销 .+ 的推送（草稿“Role matrix edits”）——请先审阅，然后在“推送”视图中推送。/);
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
});

test('a column fill asks first, in words, and is undone from its toast by keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Roles' }).click();
  const grid = page.getByRole('grid', { name: 'Permissions matrix' });
  await expect(grid).toBeVisible();
  await page.getByRole('combobox', { name: 'Module' }).selectOption(CRM_REALM);
  await page.getByRole('searchbox', { name: 'Search roles' }).fill(roleName);
  const count = async () => Number(/· (\d+) changes/.exec((await page.getByTestId('active-draft').textContent()) ?? '')?.[1] ?? 0);
  const before = await count();
  const pending = await grid.locator('[data-cell][data-pending="true"]').count();

  await page.getByRole('button', { name: `Grant or clear every shown permission of ${roleName}` }).click();
  const confirm = page.getByRole('alertdialog', { name: new RegExp(`^Grant \\d+ permissions to ${roleName}\\?$`) });
  await expect(confirm).toContainText(`${roleName} · 4 people: `);
  await expect(confirm).toContainText('Customers › Delete (sensitive)');
  await expect(confirm).toContainText('Customers › Export (sensitive)');
  await expect(confirm).toContainText('Customers › Transfer owner (sensitive)');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: 'test-results/draft-lifecycle-fill-confirm-en.png' });
  expect(await count()).toBe(before); // nothing sent yet

  await confirm.getByRole('button', { name: /^Grant \d+ permissions$/ }).click();
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toHaveAttribute('role', 'status');
  await expect(toast).toContainText(new RegExp(`^Granted \\d+ permissions to ${roleName} \\(4 people\\)\\.`));
  await expect(page.getByTestId('active-draft')).toContainText(`· ${before + 1} changes`);
  await expect(grid.locator('[data-cell][data-pending="true"]')).not.toHaveCount(pending);

  // Undo from the toast, by keyboard.
  const undo = toast.getByRole('button', { name: 'Undo this change' });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(toast).toHaveCount(0);
  await expect(page.getByTestId('active-draft')).toContainText(`· ${before} changes`);
  await expect(grid.locator('[data-cell][data-pending="true"]')).toHaveCount(pending);
});
