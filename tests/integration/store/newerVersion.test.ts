import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../src-main/services/workspace';
import { readFileSync } from 'node:fs';
import { StoreError, createStore, latestVersion, openStore, unsealWithPassphrase } from '../../../src-main/store';
import { TEST_SCRYPT, freshKey, hashFolder, join, makeTempDir } from './fixtures/files';

describe('a file from a newer Gatehouse', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('newer');
  });
  afterEach(() => temp.cleanup());

  it('is refused with NEWER_VERSION by the service, left in place, unchanged and not called damaged', async () => {
    const service = new WorkspaceService({ directory: temp.dir, scrypt: TEST_SCRYPT, idleLockMs: null });
    const { id } = await service.create({ name: 'CRM', protection: { kind: 'passphrase', passphrase: 'passphrase one' } });
    service.lock(id);
    // What a newer release leaves behind: its own migration ran and bumped user_version.
    const header = JSON.parse(readFileSync(join(temp.dir, `${id}.workspace.json`), 'utf8'));
    const key = await unsealWithPassphrase(header.key.sealedKey, 'passphrase one', id);
    const db = openStore(join(temp.dir, `${id}.gatehouse`), key);
    db.pragma(`user_version = ${latestVersion() + 10}`);
    db.close();
    const before = hashFolder(temp.dir);

    await expect(service.unlock(id, 'passphrase one')).rejects.toMatchObject({ code: 'NEWER_VERSION' });
    expect(hashFolder(temp.dir)).toEqual(before);
    expect(service.summary(id)).toMatchObject({ locked: true });
    expect(service.summary(id).damaged).toBeUndefined();
  });

  it('store level: user_version above the newest migration gives NEWER_VERSION and no write', () => {
    const path = join(temp.dir, 'n.gatehouse');
    const key = freshKey();
    const db = createStore(path, key);
    db.pragma(`user_version = ${latestVersion() + 10}`);
    db.close();
    const before = hashFolder(temp.dir);

    let error: unknown;
    try {
      openStore(path, key);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('NEWER_VERSION');
    expect((error as StoreError).details).toEqual({ fileVersion: latestVersion() + 10, supportedVersion: latestVersion() });
    expect(hashFolder(temp.dir)).toEqual(before);
  });
});
