import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../src-main/services/workspace';
import { StoreError, appendAudit, createStore, keyCheckOf, openStore } from '../../../src-main/store';
import { buildSnapshot } from './fixtures/buildSnapshot';
import { fakeSafeStorage } from './fixtures/fakeSafeStorage';
import { TEST_SCRYPT, freshKey, hashFolder, join, makeTempDir } from './fixtures/files';

async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    return error instanceof StoreError ? error.code : `not a StoreError: ${String(error)}`;
  }
  return undefined;
}

describe('a wrong key or passphrase', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('wrongkey');
  });
  afterEach(() => temp.cleanup());

  it('a wrong passphrase gives WRONG_KEY and leaves every file byte for byte as it was', async () => {
    const service = new WorkspaceService({ directory: temp.dir, scrypt: TEST_SCRYPT, idleLockMs: null });
    const { id } = await service.create({ name: 'CRM', protection: { kind: 'passphrase', passphrase: 'the right passphrase' } });
    service.data(id).saveSnapshot(buildSnapshot(20));
    service.lock(id);
    const before = hashFolder(temp.dir);

    expect(await codeOf(service.unlock(id, 'the wrong passphrase'))).toBe('WRONG_KEY');
    expect(hashFolder(temp.dir)).toEqual(before);
    expect(service.summary(id).locked).toBe(true);

    await service.unlock(id, 'the right passphrase');
    expect(service.data(id).listSnapshots()).toHaveLength(1);
  });

  it('a wrong raw key at the store level gives WRONG_KEY (SQLCipher probe) and changes nothing, not even a -wal file', () => {
    const path = join(temp.dir, 'w.gatehouse');
    const key = freshKey();
    const db = createStore(path, key);
    appendAudit(db, { at: 't', actor: 'test', action: 'x' });
    db.close();
    const before = hashFolder(temp.dir);

    // No key check: SQLCipher alone must notice on the probe read.
    expect(() => openStore(path, freshKey())).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
    expect(hashFolder(temp.dir)).toEqual(before);
    // With the key check the store refuses before opening the file at all.
    expect(() => openStore(path, freshKey(), { expectedKeyCheck: keyCheckOf(key) })).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
    expect(hashFolder(temp.dir)).toEqual(before);

    openStore(path, key, { expectedKeyCheck: keyCheckOf(key) }).close();
  });

  it('a keychain that cannot unseal (another machine) gives WRONG_KEY and changes nothing', async () => {
    const service = new WorkspaceService({ directory: temp.dir, safeStorage: fakeSafeStorage(), idleLockMs: null });
    const { id } = await service.create({ name: 'CRM', protection: { kind: 'safeStorage' } });
    service.lock(id);
    const before = hashFolder(temp.dir);

    const elsewhere = new WorkspaceService({ directory: temp.dir, safeStorage: fakeSafeStorage(), idleLockMs: null });
    expect(await codeOf(elsewhere.open(id))).toBe('WRONG_KEY');
    expect(hashFolder(temp.dir)).toEqual(before);
    await service.open(id);
    expect(service.summary(id).locked).toBe(false);
  });
});
