import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WorkspaceService } from '../../../src-main/services/workspace';
import { StoreSession, createStore, type LockReason } from '../../../src-main/store';
import { TEST_SCRYPT, freshKey, join, makeTempDir } from './fixtures/files';

describe('idle lock', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('idle');
  });
  afterEach(() => temp.cleanup());

  it('closes the database and zeroes the key buffer when the idle time passes', async () => {
    const key = freshKey();
    const db = createStore(join(temp.dir, 'i.gatehouse'), Buffer.from(key));
    const sessionKey = Buffer.from(key);
    const locked = new Promise<LockReason>((resolve) => {
      new StoreSession(db, sessionKey, { idleLockMs: 40, onLocked: resolve }).use(() => undefined);
    });
    expect(sessionKey.equals(key)).toBe(true);
    expect(await locked).toBe('idle');
    expect(db.open).toBe(false);
    expect(sessionKey.every((b) => b === 0)).toBe(true);
  });

  it('every use restarts the idle timer, and a locked session refuses with LOCKED', async () => {
    const db = createStore(join(temp.dir, 'j.gatehouse'), freshKey());
    let resolveLocked: () => void = () => undefined;
    const locked = new Promise<void>((resolve) => (resolveLocked = resolve));
    const started = Date.now();
    let lockedAt = 0;
    const session = new StoreSession(db, freshKey(), {
      idleLockMs: 250,
      onLocked: () => {
        lockedAt = Date.now();
        resolveLocked();
      },
    });
    // Keep using it for ~400 ms, well past the idle time: it must stay open throughout.
    const keepBusy = setInterval(() => session.use(() => undefined), 30);
    setTimeout(() => clearInterval(keepBusy), 400);
    await locked;
    expect(lockedAt - started).toBeGreaterThanOrEqual(400);
    expect(() => session.use(() => 1)).toThrow(expect.objectContaining({ code: 'LOCKED' }));
  });

  it('the service reports the lock, refuses data access, and unlocks again', async () => {
    const events: Array<{ workspaceId: string; reason: LockReason }> = [];
    let onLock: () => void = () => undefined;
    const lockedOnce = new Promise<void>((resolve) => (onLock = resolve));
    const service = new WorkspaceService({
      directory: temp.dir,
      scrypt: TEST_SCRYPT,
      idleLockMs: 60,
      onLocked: (event) => {
        events.push(event);
        onLock();
      },
    });
    const { id } = await service.create({ name: 'CRM', protection: { kind: 'passphrase', passphrase: 'passphrase one' } });
    await lockedOnce;
    expect(events).toEqual([{ workspaceId: id, reason: 'idle' }]);
    expect(service.summary(id).locked).toBe(true);
    expect(() => service.data(id).listDrafts()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    await service.unlock(id, 'passphrase one');
    expect(service.data(id).listDrafts()).toEqual([]);
    service.lockAll();
  });
});
