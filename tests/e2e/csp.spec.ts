import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ELECTRON_CSP, parseCsp } from '../../src-main/common/security';
import { startHost, type RunningHost } from './support/browserHost';

// The console under its real policy in Chromium: styles from the bundled CSS only (no 'unsafe-inline'), and yet
// the virtualised grids and recharts, which position everything with style props, render without one violation.
let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host.dispose();
});
test.use({ locale: 'en-US' });

const root = path.resolve(import.meta.dirname, '..', '..');

test('the built page carries the desktop policy: nothing inline, no connections', () => {
  const html = readFileSync(path.join(root, 'out', 'renderer', 'index.html'), 'utf8');
  const meta = /<meta[^>]*http-equiv="Content-Security-Policy"[^>]*content="([^"]*)"/s.exec(html)?.[1];
  expect(meta).toBe(ELECTRON_CSP);
  expect(parseCsp(meta!).get('connect-src')).toEqual(["'none'"]);
});

test('every view renders under the policy without a violation, and an inline style attribute is blocked', async ({ page }) => {
  // Browser-side code as strings: the e2e project has Node types only, not the DOM's.
  await page.addInitScript({
    content: `window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sample));`,
  });
  const response = await page.goto(host.url);
  const policy = parseCsp(response!.headers()['content-security-policy'] ?? '');
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('connect-src')).toEqual([`ws://127.0.0.1:${new URL(host.origin).port}`, `ws://localhost:${new URL(host.origin).port}`]);

  // The organisation (data over the WebSocket: connect-src allows the host's socket).
  await expect(page.getByRole('tree', { name: 'Departments' })).toBeVisible();
  // The role matrix: a virtualised grid whose cells are placed with style props.
  await page.getByRole('link', { name: 'Roles' }).click();
  const grid = page.getByRole('grid', { name: 'Permissions matrix' });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('row').nth(4)).toBeVisible();
  expect(await grid.getByRole('row').nth(4).getAttribute('style')).toMatch(/top: \d+px/); // the style prop took effect
  // The access map: a virtualised heatmap and recharts bar charts.
  await page.getByRole('link', { name: 'Access map' }).click();
  const chart = page.getByRole('figure', { name: 'Top over-privileged roles' });
  await expect(chart.getByRole('application')).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  for (const view of ['Drafts', 'Audit', 'Settings', 'Push']) {
    await page.getByRole('link', { name: view }).click();
    await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
  }
  // A reload goes by the session cookie (the link itself was spent on the first visit).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Push' })).toBeVisible();

  // Everything above rendered without a single report: no style attribute, no <style>, no eval probe, no connection.
  expect(await page.evaluate('window.cspViolations')).toEqual([]);

  // The policy is enforced, not just present: a style attribute in markup does not apply.
  const colour = await page.evaluate(`(() => {
    const box = document.createElement('div');
    box.innerHTML = '<span style="color: rgb(255, 0, 0)">x</span>';
    document.body.append(box);
    const value = getComputedStyle(box.firstElementChild).color;
    box.remove();
    return value;
  })()`);
  expect(colour).not.toBe('rgb(255, 0, 0)');
});

test('a spent link opens nothing for another browser, and says why in both languages', async ({ browser }) => {
  const link = host.url;
  const first = await browser.newContext();
  await (await first.newPage()).goto(link);
  const second = await browser.newContext();
  const page = await second.newPage();
  const response = await page.goto(link);
  expect(response?.status()).toBe(410);
  await expect(page.locator('body')).toContainText('This console link has already been used');
  await expect(page.locator('body')).toContainText('此控制台链接已被使用过');
  await first.close();
  await second.close();
});
