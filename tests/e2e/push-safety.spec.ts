import { expect, test } from '@playwright/test';
import { startEmulator, type RunningEmulator } from '../wukong-emulator';
import { startHost, type RunningHost } from './support/browserHost';
import { connectNewWorkspace, importDraft, reviewPush } from './support/syncSteps';

// The path to production when it is risky or breaks, in Chromium against the built app and the WukongCRM emulator:
// the push gate names who gains Customers › Delete, blocks on the check the draft introduces until a reason is
// written and the draft's name typed, and the reason lands in the audit log; a push the server refuses the same
// way every time stops for good and "undo what landed" puts the server back.
const DELETE_CUSTOMERS = 32;
const PASSPHRASE = 'correct horse battery staple';
let emu: RunningEmulator;
let host: RunningHost;
let roleId: number;

test.describe.configure({ mode: 'serial' });
test.use({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
test.beforeAll(async () => {
  emu = await startEmulator({ organisation: { users: 400, seed: 11 } });
  const count = (id: number) => emu.state.users().filter((u) => u.roleIds.includes(id)).length;
  const biggest = emu.state.roles().filter((r) => r.roleType === 2).sort((a, b) => count(b.roleId) - count(a.roleId))[0]!;
  roleId = biggest.roleId;
  expect(count(roleId)).toBeGreaterThan(100);
  emu.state.mutate({ type: 'revokeMenus', roleId, menuIds: [DELETE_CUSTOMERS] });
  host = await startHost();
});
test.afterAll(async () => {
  await host.dispose();
  await emu.close();
});

test('the gate names who gains Customers › Delete, blocks until a reason and the typed name, and audits the reason', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(host.url);
  await connectNewWorkspace(page, emu, { name: 'Wukong production', passphrase: PASSPHRASE });

  await importDraft(page, 'Sales may delete customers', [{ type: 'grantPermissions', roleIds: [String(roleId)], permissionIds: [String(DELETE_CUSTOMERS)] }]);
  await reviewPush(page, 'Sales may delete customers');
  const gate = page.getByTestId('push-gate');
  await expect(gate).toBeVisible({ timeout: 60_000 });
  // Who gains it, by name, marked sensitive; the list opens to the people.
  const gains = gate.locator('.gate-groups > li.gate-sensitive').filter({ hasText: /Gain .*Delete/ });
  await expect(gains).toHaveCount(1);
  await expect(gains).toContainText(/\d{3} people/);
  await gains.locator('summary').click();
  // The first 200 people by name (and department), then how many more; each one holds the role.
  const people = gains.locator('.gate-people > li');
  await expect(people).toHaveCount(201);
  await expect(people.last()).toHaveText(/… and \d+ more/);
  const members = new Set(emu.state.users().filter((u) => u.roleIds.includes(roleId)).map((u) => u.realname));
  const first = (await people.first().textContent())!.split(' · ')[0]!;
  expect(members.has(first)).toBe(true);
  // The check the draft introduces blocks; the push button waits for a reason and the typed name.
  await expect(gate.getByRole('list', { name: 'Checks on the result' })).toContainText('Blocks the push');
  const push = page.getByRole('button', { name: /^Push 1 change affecting \d+ people$/ });
  await expect(push).toBeDisabled();
  await gate.getByLabel(/Why push anyway/).fill('too short');
  await expect(push).toBeDisabled();
  await gate.getByLabel(/Why push anyway/).fill('Regional managers clean up duplicate customers this week');
  await expect(push).toBeDisabled();
  await gate.getByLabel('Type the draft name “Sales may delete customers” to confirm').fill('Sales may delete customers');
  await expect(push).toBeEnabled();
  await page.screenshot({ path: 'test-results/push-gate-en.png', fullPage: true });
  expect(emu.state.role(roleId)!.menuIds).not.toContain(DELETE_CUSTOMERS);
  await push.click();
  await expect(page.getByTestId('sync-verdict')).toHaveText('Verified: the server holds every change of this push.', { timeout: 60_000 });
  expect(emu.state.role(roleId)!.menuIds).toContain(DELETE_CUSTOMERS);

  // The reason is in the audit log.
  await page.getByRole('link', { name: 'Audit' }).click();
  const log = page.getByRole('table', { name: 'Audit log' });
  await expect(log.getByRole('row').filter({ hasText: 'push.gateOverridden' })).toContainText('Regional managers clean up duplicate customers this week');
});

test('a push the server refuses the same way every time stops for good, and "undo what landed" puts the server back', async ({ page }) => {
  test.setTimeout(180_000);
  const [mover, other] = emu.state.users().filter((u) => u.userId !== emu.adminUserId && u.parentId && u.parentId !== emu.adminUserId && u.status === 1);
  const before = { menus: [...emu.state.role(roleId)!.menuIds].sort(), status: other!.status };
  // The server's own SQL fails for one write every time: this person's new manager (code 500, as for an SQL error).
  emu.state.db.exec(`CREATE TRIGGER refuse_manager BEFORE UPDATE OF parent_id ON wk_admin_user
    WHEN NEW.user_id = ${mover!.userId} AND NEW.parent_id = ${emu.adminUserId} BEGIN SELECT RAISE(ABORT, 'simulated SQL failure'); END`);
  await page.goto(host.url);
  await importDraft(page, 'Mixed change', [
    { type: 'setUserStatus', userIds: [String(other!.userId)], status: 'disabled' },
    { type: 'revokePermissions', roleIds: [String(roleId)], permissionIds: [String(DELETE_CUSTOMERS)] },
    { type: 'setManager', userId: String(mover!.userId), managerId: String(emu.adminUserId) },
  ]);
  await reviewPush(page, 'Mixed change');
  await page.getByRole('button', { name: /^Push 3 changes affecting \d+ people$/ }).click();
  const stopped = page.getByRole('region', { name: 'This push did not finish' });
  await expect(stopped.getByRole('alert').first()).toContainText('the same way on every attempt (server code 500)', { timeout: 60_000 });
  await expect(stopped.getByRole('button', { name: 'Resume' })).toHaveCount(0);
  // What landed before the refused call: the disabled person and the revoked grant.
  expect(emu.state.users().find((u) => u.userId === other!.userId)!.status).toBe(0);

  await stopped.getByRole('button', { name: 'Undo what landed…' }).click();
  const undo = page.getByRole('region', { name: 'Undo what landed…' });
  await expect(undo.getByRole('heading', { name: /These 2 changes will be put back/ })).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: 'test-results/push-undo-en.png', fullPage: true });
  await undo.getByRole('button', { name: 'Undo 2 changes' }).click();
  await expect(page.getByTestId('undo-verdict')).toHaveText('Undone and verified: the server is back to where it was before this push.', { timeout: 60_000 });
  expect([...emu.state.role(roleId)!.menuIds].sort()).toEqual(before.menus);
  expect(emu.state.users().find((u) => u.userId === other!.userId)!.status).toBe(before.status);
  await undo.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('list', { name: 'Pushes' })).toContainText('undone');
  emu.state.db.exec('DROP TRIGGER refuse_manager');
});
