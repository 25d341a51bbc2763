import { closeSync, openSync, readdirSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../src-main/services/workspace';
import { appendAudit, createStore, openStore } from '../../../src-main/store';
import { buildSnapshot } from './fixtures/buildSnapshot';
import { TEST_SCRYPT, existsSync, freshKey, hashFolder, join, makeTempDir, sha256File } from './fixtures/files';
import { storeErrorOf } from './fixtures/storeErrorOf';

const PASS = 'a good passphrase';

describe('a damaged workspace file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let service: WorkspaceService;
  let id: string;
  let path: string;
  const now = new Date('2026-11-29T01:02:03.000Z');

  beforeEach(async () => {
    temp = makeTempDir('damage');
    service = new WorkspaceService({ directory: temp.dir, scrypt: TEST_SCRYPT, idleLockMs: null, now: () => now });
    ({ id } = await service.create({ name: 'CRM', protection: { kind: 'passphrase', passphrase: PASS } }));
    service.data(id).saveSnapshot(buildSnapshot(300));
    service.lock(id); // closing checkpoints the WAL: everything is in the main file now
    path = join(temp.dir, `${id}.gatehouse`);
  });
  afterEach(() => temp.cleanup());

  it('truncated: detected at open, moved aside with a timestamp (not deleted), DAMAGED says what can be recovered', async () => {
    truncateSync(path, Math.floor(statSync(path).size / 2) + 100);
    const damagedHash = sha256File(path);

    const error = await storeErrorOf(service.unlock(id, PASS));
    expect(error.code).toBe('DAMAGED');
    const movedTo = error.details.movedTo as string[];
    // The audit anchor describes this file's log, so it goes aside with it.
    expect(movedTo).toEqual([`${path}.damaged-20261129T010203Z`, `${path}.anchor.damaged-20261129T010203Z`]);
    expect(existsSync(path)).toBe(false);
    expect(sha256File(movedTo[0]!)).toBe(damagedHash);
    expect(error.message).toMatch(/moved aside/);
    expect(error.message).toMatch(/Pull again/);
    expect(error.message).toMatch(/exported earlier/);
    expect(error.details.recoverable).toHaveLength(2);
    expect(service.summary(id).damaged).toEqual({ at: now.toISOString(), movedTo });

    // The next unlock starts an empty file under the same passphrase and says so in the audit log.
    await service.unlock(id, PASS);
    const data = service.data(id);
    expect(data.listSnapshots()).toEqual([]);
    expect(data.listAudit().map((e) => e.action)).toEqual(['workspace.recreatedAfterDamage']);
    expect(data.verifyAudit()).toEqual({ ok: true, entries: 1 });
    expect(service.summary(id).damaged).toBeUndefined();
    expect(existsSync(movedTo[0]!)).toBe(true);
  });

  it('a flipped block inside the file (not page 1) is caught by the page check at open', async () => {
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, 4096 * 3 + 512);
    closeSync(fd);
    const error = await storeErrorOf(service.unlock(id, PASS));
    expect(error.code).toBe('DAMAGED');
    expect(readdirSync(temp.dir).filter((f) => f.includes('.damaged-'))).toEqual([`${id}.gatehouse.anchor.damaged-20261129T010203Z`, `${id}.gatehouse.damaged-20261129T010203Z`]);
  });

  it('a corrupted first page with a verified key is DAMAGED, not WRONG_KEY', async () => {
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(32, 0), 0, 32, 100);
    closeSync(fd);
    expect((await storeErrorOf(service.unlock(id, PASS))).code).toBe('DAMAGED');
  });

  it('an empty file is DAMAGED', async () => {
    truncateSync(path, 0);
    expect((await storeErrorOf(service.unlock(id, PASS))).code).toBe('DAMAGED');
  });

  it('without a key check the store cannot tell damage from a wrong key, so it says WRONG_KEY and moves nothing', () => {
    const other = join(temp.dir, 'other.gatehouse');
    const key = freshKey();
    const db = createStore(other, key);
    appendAudit(db, { at: 't', actor: 'a', action: 'x' });
    db.close();
    const fd = openSync(other, 'r+');
    writeSync(fd, Buffer.alloc(32, 0), 0, 32, 100);
    closeSync(fd);
    const before = hashFolder(temp.dir);
    expect(() => openStore(other, key)).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
    expect(hashFolder(temp.dir)).toEqual(before);
  });

  it('a damaged demo does not stop the start: it is moved aside and seeded again, and the audit log says so', async () => {
    const demoService = new WorkspaceService({ directory: temp.dir, idleLockMs: null, now: () => now });
    await demoService.ensureDemo(() => buildSnapshot(40));
    demoService.data('demo').createDraft({ name: 'lost with the damaged file' });
    demoService.lock('demo');
    truncateSync(join(temp.dir, 'demo.gatehouse'), 5000);

    await demoService.ensureDemo(() => buildSnapshot(40));
    const data = demoService.data('demo');
    expect(data.loadSnapshot().snapshot.users).toHaveLength(40);
    expect(data.listDrafts()).toEqual([]);
    const recreated = data.listAudit().find((e) => e.action === 'workspace.recreatedAfterDamage');
    expect(recreated?.details).toEqual({
      damagedAt: now.toISOString(),
      movedTo: [join(temp.dir, 'demo.gatehouse.damaged-20261129T010203Z'), join(temp.dir, 'demo.gatehouse.anchor.damaged-20261129T010203Z')],
    });
    expect(existsSync(join(temp.dir, 'demo.gatehouse.damaged-20261129T010203Z'))).toBe(true);
  });

  it('a demo whose key file was lost is moved aside (with its header) and seeded again', async () => {
    const demoService = new WorkspaceService({ directory: temp.dir, idleLockMs: null, now: () => now });
    await demoService.ensureDemo(() => buildSnapshot(40));
    demoService.lock('demo');
    rmSync(join(temp.dir, 'demo.key'));

    await demoService.ensureDemo(() => buildSnapshot(40));
    expect(demoService.data('demo').loadSnapshot().snapshot.users).toHaveLength(40);
    const recreated = demoService.data('demo').listAudit().find((e) => e.action === 'workspace.recreatedAfterDamage');
    expect(recreated?.details).toEqual({
      reason: 'the demo key file was missing',
      movedTo: [
        join(temp.dir, 'demo.gatehouse.damaged-20261129T010203Z'),
        join(temp.dir, 'demo.gatehouse.anchor.damaged-20261129T010203Z'),
        join(temp.dir, 'demo.workspace.json.damaged-20261129T010203Z'),
      ],
    });
    expect(statSync(join(temp.dir, 'demo.key')).mode & 0o777).toBe(0o600);
  });
});
