import { expect, test, type Page } from '@playwright/test';
import { smallOrganisation, startEmulator, type RunningEmulator } from '../wukong-emulator';
import { startHost, type RunningHost } from './support/browserHost';
import { draftFile, importDraft } from './support/syncSteps';

// From draft to production in Chromium against the built app and the WukongCRM emulator (a real HTTP server
// in this process): connect, pull with progress, import a change through the drafts view, push with progress,
// verify, check the server's tables, roll back; a conflict made on the server between pull and push; a push
// whose host process is killed midway, resumed after a restart.
const ROLE = 180170; // a CRM role held by 李四, 王五, 孙七, 周八 in the small organisation
const PASSPHRASE = 'correct horse battery staple';
let emu: RunningEmulator;
let host: RunningHost;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  emu = await startEmulator({ snapshot: smallOrganisation() });
  host = await startHost();
});
test.afterAll(async () => {
  await host.dispose();
  await emu.close();
});

/**
 * Opens a passphrase workspace after a restart the way a person does (Chinese UI): Settings › 工作区 › 打开,
 * then the lock screen asks for the passphrase.
 */
async function openWorkspace(page: Page, name: string, passphrase: string) {
  await page.getByRole('link', { name: '设置' }).click();
  const item = page.getByRole('list', { name: '工作区' }).getByRole('listitem').filter({ hasText: name });
  await item.getByRole('button', { name: '打开' }).click();
  await expect(page.getByRole('heading', { name: `工作区“${name}”已锁定` })).toBeVisible();
  await page.getByLabel('口令').fill(passphrase);
  await page.getByRole('button', { name: '解锁' }).click();
  await expect(page.getByRole('heading', { name: /已锁定/ })).toHaveCount(0, { timeout: 60_000 });
}

const scopeOf = () => emu.state.role(ROLE)!.dataType;

test.describe('in English', () => {
  test.use({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });

  test('connect, pull with progress, push a change, verify, roll back, verify again', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto(host.url);
    await page.getByRole('link', { name: 'Push' }).click();
    await expect(page.getByTestId('sync-connection')).toHaveText(/Offline/);

    // A wrong password is refused with the server's code, and nothing is created.
    await page.getByRole('button', { name: 'Connect…' }).click();
    const dialog = page.getByRole('dialog', { name: 'CRM connection' });
    await dialog.getByLabel('Server URL').fill(emu.url);
    await dialog.getByLabel('User').fill(emu.adminUsername);
    await dialog.getByLabel('Password', { exact: true }).fill('Wrong-pass1');
    await dialog.getByLabel('New workspace name').fill('Wukong production');
    await dialog.getByLabel('Workspace passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Log in and connect' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Wrong user name or password (server code 1004).');

    // The right one: a new encrypted workspace, then the first pull, slowed so its progress shows.
    emu.control.latency(250);
    await dialog.getByLabel('Password', { exact: true }).fill(emu.adminPassword);
    await dialog.getByRole('button', { name: 'Log in and connect' }).click();
    await expect(page.getByRole('progressbar')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('status').filter({ hasText: /Reading (departments|people|roles|menu catalogue|field rules): \d+ of \d+/ }).first()).toBeVisible();
    await expect(page.getByTestId('sync-last-pull')).toContainText(/Last pull: version \d+, 7 people/, { timeout: 30_000 });
    emu.control.latency(0);
    await expect(page.getByTestId('sync-connection')).toHaveText(`Connected to ${emu.url} as ${emu.adminUsername}.`);

    // A change made in the role matrix: the data scope of that role (one gesture, which starts a draft);
    // the drafts view then shows its impact and the engine's checks.
    const before = scopeOf();
    const ours = before === 4 ? 2 : 4;
    const roleName = smallOrganisation().roles.find((r) => r.id === String(ROLE))!.name;
    await page.getByRole('link', { name: 'Roles' }).click();
    await page.getByRole('combobox', { name: `Data scope of ${roleName}` }).selectOption(String(ours));
    await expect(page.getByTestId('active-draft')).toContainText('Role matrix edits');
    await page.getByRole('link', { name: 'Drafts' }).click();
    await expect(page.getByRole('region', { name: 'Changes in plain language' })).toContainText(roleName);
    await expect(page.getByRole('region', { name: 'Impact if pushed' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Checks' })).toBeVisible();

    // Review: the exact calls and when they take effect; nothing sent yet.
    await page.getByRole('link', { name: 'Push' }).click();
    await page.getByLabel('Draft to push').selectOption({ label: 'Role matrix edits' });
    await page.getByRole('button', { name: 'Review push…' }).click();
    const plan = page.getByRole('table', { name: 'Plan: 1 API calls' });
    await expect(plan).toContainText('POST /adminRole/updateRoleMenu');
    await expect(page.getByRole('region', { name: 'What changes on the server (1)' })).toContainText('Data scope of');
    await expect(page.getByRole('region', { name: 'When it takes effect' })).toContainText('After cache expiry');
    expect(scopeOf()).toBe(before);
    await page.screenshot({ path: 'test-results/sync-plan-en.png', fullPage: true });

    // Push, slowed so the progress bar and the live log show; then the verified result.
    emu.control.latency(800, '/adminRole/updateRoleMenu');
    await page.getByRole('button', { name: /^Push 1 change affecting \d+ people$/ }).click();
    await expect(page.getByRole('progressbar', { name: 'Pushing: 0 of 1 calls' })).toBeVisible();
    await expect(page.getByTestId('sync-verdict')).toHaveText('Verified: the server holds every change of this push.', { timeout: 30_000 });
    emu.control.latency(0);
    await expect(page.getByRole('heading', { name: 'What landed (1)' })).toBeVisible();
    expect(scopeOf()).toBe(ours);

    // Roll back: an inverse draft, reviewed and pushed like any other, verified again.
    await page.getByRole('region', { name: 'Result' }).getByRole('button', { name: 'Roll back this push…' }).click();
    await expect(page.getByText(/Rollback draft “Rollback · 回滚 .+” created/)).toBeVisible();
    await page.getByRole('button', { name: 'Review the rollback' }).click();
    await expect(page.getByRole('table', { name: 'Plan: 1 API calls' })).toContainText('POST /adminRole/updateRoleMenu');
    await page.getByRole('button', { name: /^Push 1 change affecting \d+ people$/ }).click();
    await expect(page.getByTestId('sync-verdict')).toHaveText('Verified: the server holds every change of this push.', { timeout: 30_000 });
    expect(scopeOf()).toBe(before);
    await page.getByRole('button', { name: 'Back to drafts' }).click();
    await expect(page.getByRole('list', { name: 'Pushes' }).getByRole('listitem')).toHaveCount(2);
  });

  test('a change made on the server between pull and push is shown side by side and resolved', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(host.url);
    const before = scopeOf();
    const ours = before === 5 ? 2 : 5;
    const theirs = before === 3 ? 1 : 3;
    await importDraft(page, 'Scope five', [{ type: 'setDataScope', roleId: String(ROLE), dataScope: ours }]);
    emu.state.mutate({ type: 'setDataType', roleId: ROLE, dataType: theirs }); // another administrator, the same cell

    await page.getByRole('link', { name: 'Push' }).click();
    await page.getByLabel('Draft to push').selectOption({ label: 'Scope five' });
    await page.getByRole('button', { name: 'Review push…' }).click();
    await expect(page.getByText('The server changed since this draft was made; the draft was rebased onto it.')).toBeVisible();
    const conflicts = page.getByRole('table', { name: 'Conflicts (1)' });
    await expect(conflicts.getByRole('columnheader')).toHaveText(['What it does', 'Base (when drafted)', 'Server now (theirs)', 'Draft (ours)']);
    await expect(page.getByRole('button', { name: 'Apply choices and plan' })).toBeDisabled();
    await conflicts.getByRole('radio', { name: /^Keep draft/ }).check();
    await page.screenshot({ path: 'test-results/sync-conflicts-en.png', fullPage: true });
    await page.getByRole('button', { name: 'Apply choices and plan' }).click();
    await page.getByRole('button', { name: /^Push 1 change affecting \d+ people$/ }).click();
    await expect(page.getByTestId('sync-verdict')).toHaveText('Verified: the server holds every change of this push.', { timeout: 30_000 });
    expect(scopeOf()).toBe(ours);
    // The pushed draft has done its work: offered for discarding.
    await page.getByRole('button', { name: 'Discard the pushed draft “Scope five”' }).click();
    await expect(page.getByText('Draft discarded: its changes are on the server now.')).toBeVisible();
    await expect(page.getByLabel('Draft to push').getByRole('option', { name: 'Scope five' })).toHaveCount(0);
  });
});

test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });

  test('a push whose host is killed midway shows resume after a restart, and finishes verified', async ({ page }) => {
    test.setTimeout(180_000);
    const org = smallOrganisation();
    // Both CRM roles of the small organisation (one role group): one menu write each.
    const group = org.roles.find((r) => r.id === String(ROLE))!.groupId;
    const held = org.roles.filter((r) => r.groupId === group);
    const roles = held.map((r) => r.id);
    expect(roles).toHaveLength(2);
    const free = org.permissions.find((p) => p.kind === 'action' && p.key.startsWith('crm:') && p.scoped && held.every((r) => !r.permissionIds.includes(p.id)))!;
    await page.goto(host.url);
    await page.getByRole('link', { name: '草稿' }).click();
    const files = page.getByRole('region', { name: '策略文件' });
    await files.getByLabel('导入策略文件').setInputFiles(draftFile('Three roles', [{ type: 'grantPermissions', roleIds: roles, permissionIds: [free.id] }]));
    await expect(files.getByRole('status')).toContainText('已导入为新草稿“Three roles”');
    await page.getByRole('link', { name: '推送' }).click();
    await page.getByLabel('要推送的草稿').selectOption({ label: 'Three roles' });
    await page.getByRole('button', { name: '审阅推送…' }).click();
    await expect(page.getByRole('table', { name: '计划：2 个 API 调用' })).toBeVisible();

    // Each menu write takes 1.5 s; the host is killed (SIGKILL) once the first has landed, the second in flight.
    emu.control.clearCalls();
    emu.control.latency(1_500, '/adminRole/updateRoleMenu');
    await page.getByRole('button', { name: /^推送 2 项改动，影响 \d+ 人$/ }).click();
    await expect(page.getByRole('list', { name: '实时日志' }).getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
    await host.kill('SIGKILL');
    await host.stop();
    emu.control.latency(0);

    // Restart on the same data folder; open the connected workspace again: the banner offers to resume.
    host = await startHost({ dataDir: host.dataDir });
    await page.goto(host.url);
    await openWorkspace(page, 'Wukong production', PASSPHRASE);
    // The journal knows one call is done and the other was in flight when the process died.
    const banner = page.getByRole('alert').filter({ hasText: '有一次推送被中断' });
    await expect(banner).toContainText('已发送 1 / 2 个调用', { timeout: 30_000 });
    await banner.getByRole('button', { name: '继续推送' }).click();
    await expect(page.getByTestId('sync-verdict')).toHaveText('已校验：服务器包含此次推送的全部修改。', { timeout: 30_000 });
    for (const id of roles) expect(emu.state.role(Number(id))!.menuIds).toContain(Number(free.id));
    // Nothing was sent twice: each role's menu write reached the server once across both runs.
    expect(emu.control.calls('/adminRole/updateRoleMenu').length).toBe(2);
    await expect(banner).toHaveCount(0);
    await page.screenshot({ path: 'test-results/sync-result-zh.png', fullPage: true });
  });
});
