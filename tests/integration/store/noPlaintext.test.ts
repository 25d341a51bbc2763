import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../src-main/services/workspace';
import { createDraft, createStore, openStore, runMigrations, saveSnapshot, setConnectionProfile } from '../../../src-main/store';
import { buildSnapshot } from './fixtures/buildSnapshot';
import { TEST_SCRYPT, folderContains, freshKey, join, makeTempDir } from './fixtures/files';

const USER_NAME = 'Zhang Weiqiang-7f3a';
const TOKEN = 'tok_9c41e2b7d05a4f8e';

describe('the workspace files hold no plaintext', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('plaintext');
  });
  afterEach(() => temp.cleanup());

  it('contains neither a user name nor the connection token, in the database, its WAL or the header', async () => {
    const service = new WorkspaceService({ directory: temp.dir, scrypt: TEST_SCRYPT, idleLockMs: null });
    const { id } = await service.create({ name: 'Production CRM', protection: { kind: 'passphrase', passphrase: 'correct horse battery' } });
    const data = service.data(id);
    data.setConnection({ connector: 'wukong', serverUrl: 'https://crm.example.test', username: 'admin-7f3a', secretKind: 'token', secret: TOKEN });
    data.saveSnapshot(buildSnapshot(50, { namePrefix: USER_NAME }));
    // Snapshots are gzip-compressed, which alone would hide a name from a byte search; the draft name and
    // the connection profile are stored as plain text columns, so they are what this test really probes.
    data.createDraft({ name: `Move ${USER_NAME} to Sales` });

    // While open, recent commits sit in the WAL file: it must be encrypted too.
    expect(folderContains(temp.dir, USER_NAME)).toEqual([]);
    expect(folderContains(temp.dir, TOKEN)).toEqual([]);
    expect(folderContains(temp.dir, 'admin-7f3a')).toEqual([]);

    service.lock(id);
    expect(folderContains(temp.dir, USER_NAME)).toEqual([]);
    expect(folderContains(temp.dir, TOKEN)).toEqual([]);

    // The same data really is in there: unlocking gives it back.
    await service.unlock(id, 'correct horse battery');
    expect(service.data(id).getConnectionCredentials()?.secret).toBe(TOKEN);
    expect(service.data(id).loadSnapshot().snapshot.users[3]?.name).toBe(`${USER_NAME} 3`);
    // And the name test is meaningful: the needle is findable when it is written in the clear.
    expect(folderContains(temp.dir, 'Production CRM')).toEqual([`${id}.workspace.json`]);
  });

  it('control: the same writes without a key leave both needles readable in the file', () => {
    const db = new Database(join(temp.dir, 'plain.db'));
    runMigrations(db);
    setConnectionProfile(db, { connector: 'wukong', serverUrl: 'https://crm.example.test', username: 'admin-7f3a', secretKind: 'token', secret: TOKEN, updatedAt: 'now' });
    const { version } = saveSnapshot(db, { snapshot: buildSnapshot(50, { namePrefix: USER_NAME }), savedAt: 'now' });
    createDraft(db, { id: 'd1', name: `Move ${USER_NAME} to Sales`, baseSnapshotVersion: version, now: 'now' });
    db.close();
    expect(folderContains(temp.dir, TOKEN)).toEqual(['plain.db']);
    expect(folderContains(temp.dir, USER_NAME)).toEqual(['plain.db']);
  });

  it('keeps spilled sorts and temporary indexes in memory (SQLite3MC does not encrypt temp files)', () => {
    const key = freshKey();
    const path = join(temp.dir, 't.gatehouse');
    createStore(path, key).close();
    const db = openStore(path, key);
    expect(db.pragma('temp_store', { simple: true })).toBe(2); // 2 = MEMORY
    db.close();
  });
});
