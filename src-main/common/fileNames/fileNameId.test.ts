import { describe, expect, it } from 'vitest';
import { fileNameIdSchema, isFileNameId } from './fileNameId';

describe('the file-name id rule', () => {
  it('accepts the ids Gatehouse makes: the demo and UUIDs', () => {
    for (const id of ['demo', '3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b', 'a', 'x'.repeat(64)]) {
      expect(fileNameIdSchema.safeParse(id).success, id).toBe(true);
    }
  });

  it('refuses what could name another file or climb out of the folder', () => {
    for (const id of ['Demo', '../x', '..', '.', 'a/b', 'a\\b', 'a.b', '-a', '', 'x'.repeat(65), 'demo\0', ' demo', 'demo\n', 'ｄｅｍｏ']) {
      expect(fileNameIdSchema.safeParse(id).success, JSON.stringify(id)).toBe(false);
      expect(isFileNameId(id)).toBe(false);
    }
    expect(isFileNameId(42)).toBe(false);
  });
});
