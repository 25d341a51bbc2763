import { expect, type Page } from '@playwright/test';
import type { RunningEmulator } from '../../wukong-emulator';

/** The words of the steps below, in the two languages the specs drive the console in. */
const WORDS = {
  en: {
    push: 'Push',
    drafts: 'Drafts',
    connect: 'Connect…',
    dialog: 'CRM connection',
    server: 'Server URL',
    user: 'User',
    password: 'Password',
    workspace: 'New workspace name',
    passphrase: 'Workspace passphrase',
    submit: 'Log in and connect',
    pulled: /Last pull: version \d+/,
    files: 'Policy files',
    import: 'Import policy file',
    imported: (name: string) => `Imported as the new draft “${name}”`,
    draftToPush: 'Draft to push',
    review: 'Review push…',
  },
  'zh-CN': {
    push: '推送',
    drafts: '草稿',
    connect: '连接…',
    dialog: 'CRM 连接',
    server: '服务器地址',
    user: '用户名',
    password: '密码',
    workspace: '新工作区名称',
    passphrase: '工作区口令',
    submit: '登录并连接',
    pulled: /上次拉取：版本 \d+/,
    files: '策略文件',
    import: '导入策略文件',
    imported: (name: string) => `已导入为新草稿“${name}”`,
    draftToPush: '要推送的草稿',
    review: '审阅推送…',
  },
} as const;
export type SpecLocale = keyof typeof WORDS;

/** A draft file as the drafts view imports it (JSON is YAML). */
export function draftFile(name: string, operations: unknown[]) {
  const body = { format: 'gatehouse-policy/1', kind: 'draft', name, baseVersion: 1, gestures: [{ id: `g-${name}`, label: name, operations }] };
  return { name: `${name}.draft.yaml`, mimeType: 'application/yaml', buffer: Buffer.from(JSON.stringify(body, null, 2)) };
}

/**
 * Connects the console to the emulator from the Push view, into a new passphrase workspace, and waits for a pull.
 * The page reloads into the new workspace while its first pull runs and may ask for one more: the version is 1 or 2.
 */
export async function connectNewWorkspace(page: Page, emu: RunningEmulator, workspace: { name: string; passphrase: string }, locale: SpecLocale = 'en') {
  const w = WORDS[locale];
  await page.getByRole('link', { name: w.push }).click();
  await page.getByRole('button', { name: w.connect }).click();
  const dialog = page.getByRole('dialog', { name: w.dialog });
  await dialog.getByLabel(w.server).fill(emu.url);
  await dialog.getByLabel(w.user).fill(emu.adminUsername);
  await dialog.getByLabel(w.password, { exact: true }).fill(emu.adminPassword);
  await dialog.getByLabel(w.workspace).fill(workspace.name);
  await dialog.getByLabel(w.passphrase).fill(workspace.passphrase);
  await dialog.getByRole('button', { name: w.submit }).click();
  await expect(page.getByTestId('sync-last-pull')).toContainText(w.pulled, { timeout: 60_000 });
}

/** Imports a draft file in the Drafts view. */
export async function importDraft(page: Page, name: string, operations: unknown[], locale: SpecLocale = 'en') {
  const w = WORDS[locale];
  await page.getByRole('link', { name: w.drafts }).click();
  const files = page.getByRole('region', { name: w.files });
  await files.getByLabel(w.import).setInputFiles(draftFile(name, operations));
  await expect(files.getByRole('status')).toContainText(w.imported(name));
}

/** Opens the plan of a draft in the Push view. */
export async function reviewPush(page: Page, draft: string, locale: SpecLocale = 'en') {
  const w = WORDS[locale];
  await page.getByRole('link', { name: w.push }).click();
  await page.getByLabel(w.draftToPush).selectOption({ label: draft });
  await page.getByRole('button', { name: w.review }).click();
}
