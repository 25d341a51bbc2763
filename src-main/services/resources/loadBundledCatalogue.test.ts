import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WUKONG_RESOURCES_DIR, loadBundledCatalogue } from './loadBundledCatalogue';

const temps: string[] = [];
const tempCopy = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-wukong-'));
  temps.push(dir);
  cpSync(DEFAULT_WUKONG_RESOURCES_DIR, dir, { recursive: true });
  return dir;
};
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('loadBundledCatalogue', () => {
  it('reads the bundled files from the repo by default', () => {
    const catalogue = loadBundledCatalogue();
    expect(catalogue.permissions).toHaveLength(399);
    expect(catalogue.defaultRoles).toHaveLength(14);
    expect(catalogue.roleGroups).toHaveLength(7);
    expect(catalogue.fields.length).toBeGreaterThan(86);
  });

  it('caches the catalogue after the first call for the same directory', () => {
    expect(loadBundledCatalogue()).toBe(loadBundledCatalogue(DEFAULT_WUKONG_RESOURCES_DIR));
  });

  it('reads from an overridden directory, as the built app does', () => {
    const dir = tempCopy();
    const catalogue = loadBundledCatalogue(dir);
    expect(catalogue).not.toBe(loadBundledCatalogue());
    expect(catalogue.permissions.map((p) => p.key)).toEqual(loadBundledCatalogue().permissions.map((p) => p.key));
  });

  it('names the missing file, the broken JSON and the bad field', () => {
    const missing = tempCopy();
    rmSync(path.join(missing, 'catalogue-en.json'));
    expect(() => loadBundledCatalogue(missing)).toThrow(/cannot read WukongCRM reference file .*catalogue-en\.json/);

    const garbled = tempCopy();
    writeFileSync(path.join(garbled, 'wukong-crm-fields.json'), '{ "fields": [');
    expect(() => loadBundledCatalogue(garbled)).toThrow(/wukong-crm-fields\.json is not valid JSON/);

    const wrong = tempCopy();
    writeFileSync(path.join(wrong, 'wukong-default-roles.json'), JSON.stringify({ roles: [{ roleId: 'x' }] }));
    expect(() => loadBundledCatalogue(wrong)).toThrow(/wukong-default-roles\.json: roles\[0\]\.roleId/);
  });
});
