import { expect, test, type Page } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../wukong-emulator';
import { startHost, type RunningHost } from './support/browserHost';
import { connectNewWorkspace, importDraft, reviewPush } from './support/syncSteps';

// The push gate in Chinese and by keyboard, in Chromium against the built app and the WukongCRM emulator with a
// 400-person organisation: granting 客户管理 › 删除 to the CRM role with the most members shows who gains it by
// name and the blocking check; Push stays off until a reason is written and the draft's name typed; the reason is
// in the audit view. Then verify says what happened: a grant another administrator takes back mid-push reads
// 「未生效：…获得…」, and a deleted role is named as one no rollback can bring back.
const DELETE_CUSTOMERS = 32;
const PASSPHRASE = 'correct horse battery staple';
const TEMP_ROLE = '临时角色';
const REASON = '本周区域经理要清理重复客户，周五收回';
let emu: RunningEmulator;
let host: RunningHost;
let bigRole: number;
let smallRole: number;

test.describe.configure({ mode: 'serial' });
test.use({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
test.beforeAll(async () => {
  emu = await startEmulator({ organisation: { users: 400, seed: 11 } });
  const count = (id: number) => emu.state.users().filter((u) => u.roleIds.includes(id)).length;
  const crm = emu.state.roles().filter((r) => r.roleType === 2).sort((a, b) => count(b.roleId) - count(a.roleId));
  bigRole = crm[0]!.roleId;
  smallRole = crm.filter((r) => count(r.roleId) > 0).at(-1)!.roleId;
  expect(count(bigRole)).toBeGreaterThan(100);
  expect(count(smallRole)).toBeLessThan(100);
  emu.state.mutate({ type: 'revokeMenus', roleId: bigRole, menuIds: [DELETE_CUSTOMERS] });
  emu.state.mutate({ type: 'addRole', roleName: TEMP_ROLE, roleType: 2 });
  host = await startHost();
});
test.afterAll(async () => {
  await host.dispose();
  await emu.close();
});

async function importAndReview(page: Page, name: string, operations: unknown[]) {
  await importDraft(page, name, operations, 'zh-CN');
  await reviewPush(page, name, 'zh-CN');
}

test('the gate names who gains 客户管理 › 删除, blocks until a reason and the typed name (by keyboard), and the reason is audited', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await connectNewWorkspace(page, emu, { name: '悟空生产环境', passphrase: PASSPHRASE }, 'zh-CN');

  const name = '销售可删除客户';
  await importAndReview(page, name, [{ type: 'grantPermissions', roleIds: [String(bigRole)], permissionIds: [String(DELETE_CUSTOMERS)] }]);
  const gate = page.getByTestId('push-gate');
  await expect(gate).toBeVisible({ timeout: 60_000 });
  // In an administrator's words: the permission's path, not its key; marked sensitive; counted.
  const gains = gate.locator('.gate-groups > li.gate-sensitive').filter({ hasText: '获得 客户管理 › 删除' });
  await expect(gains).toHaveCount(1);
  await expect(gains).toContainText('敏感');
  await expect(gains).toContainText(/\d{3} 人/);
  await expect(gate).not.toContainText('crm:customer');

  // By keyboard: the group opens on Enter and lists the people by name and department.
  await gains.locator('summary').focus();
  await page.keyboard.press('Enter');
  const people = gains.locator('.gate-people > li');
  await expect(people.first()).toBeVisible();
  const members = new Set(emu.state.users().filter((u) => u.roleIds.includes(bigRole)).map((u) => u.realname));
  const first = (await people.first().textContent())!.split(' · ')[0]!.trim();
  expect(members.has(first)).toBe(true);

  // The check the draft introduces blocks; Push waits for a reason of 10 characters or more, then the typed name.
  await expect(gate.getByRole('list', { name: '对推送结果的检查' })).toContainText('阻止推送');
  const push = page.getByRole('button', { name: /^推送 1 项改动，影响 \d+ 人$/ });
  await expect(push).toBeDisabled();
  const reason = gate.getByLabel(/仍要推送的原因/);
  await reason.focus();
  await page.keyboard.type('太短了');
  await expect(push).toBeDisabled();
  await reason.fill('');
  await page.keyboard.type(REASON);
  await expect(push).toBeDisabled();
  // Tab moves on from the reason to the typed confirmation.
  await page.keyboard.press('Tab');
  await expect(gate.getByLabel(`输入草稿名称“${name}”以确认`)).toBeFocused();
  await page.keyboard.type('销售可删除');
  await expect(push).toBeDisabled();
  await page.keyboard.type('客户');
  await expect(push).toBeEnabled();
  await page.screenshot({ path: 'test-results/push-gate-zh.png', fullPage: true });
  expect(emu.state.role(bigRole)!.menuIds).not.toContain(DELETE_CUSTOMERS);
  await push.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sync-verdict')).toHaveText('已校验：服务器包含此次推送的全部修改。', { timeout: 60_000 });
  expect(emu.state.role(bigRole)!.menuIds).toContain(DELETE_CUSTOMERS);

  await page.getByRole('link', { name: '审计' }).click();
  const log = page.getByRole('table', { name: '审计日志' });
  await expect(log.getByRole('row').filter({ hasText: 'push.gateOverridden' })).toContainText(REASON);
});

test('verify says 「未生效」 for a grant taken back mid-push, and names the deleted role no rollback brings back', async ({ page }) => {
  test.setTimeout(180_000);
  const role = emu.state.role(smallRole)!;
  const temp = emu.state.roles().find((r) => r.roleName === TEMP_ROLE)!;
  // 客户管理 › 查看列表 (crm:customer:index, menu 28) or another non-sensitive action the small role lacks.
  const menuId = [28, 29, 26, 27].find((id) => !role.menuIds.includes(id))!;
  await page.goto(host.url);
  await importAndReview(page, '授权并清理', [
    { type: 'grantPermissions', roleIds: [String(smallRole)], permissionIds: [String(menuId)] },
    { type: 'deleteRole', roleId: String(temp.roleId) },
  ]);
  const push = page.getByRole('button', { name: /^推送 2 项改动，影响 \d+ 人$/ });
  await expect(push).toBeEnabled({ timeout: 60_000 });
  // Deletions go last: just before the delete, another administrator takes the grant back.
  emu.control.beforeCall({ path: '/adminRole/delete' }, { type: 'revokeMenus', roleId: smallRole, menuIds: [menuId] });
  await push.click();
  await expect(page.getByTestId('sync-verdict')).toHaveText('并未全部生效：此次推送有 1 项修改不在服务器上。', { timeout: 60_000 });
  const notApplied = page.getByRole('region', { name: '未生效（1）' });
  await expect(notApplied.getByRole('listitem')).toHaveText(new RegExp(`^未生效：「${role.roleName}」 获得权限「.+」$`));
  await expect(notApplied).not.toContainText('失去');
  await expect(page.getByRole('region', { name: '回滚无法恢复的修改（1）' })).toContainText(`角色「${TEMP_ROLE}」已被删除，无法自动重建`);
  expect(emu.state.roles().some((r) => r.roleName === TEMP_ROLE)).toBe(false);
});
