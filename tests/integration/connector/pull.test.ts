import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError, type PullProgress, pullSnapshot, WukongSession } from '../../../src-main/connectors';
import { loadBundledCatalogue } from '../../../src-main/services/resources';
import { startEmulator, type RunningEmulator } from '../../wukong-emulator';
import { serverView, snapshotView } from './emulatorView';

describe('pull over real HTTP', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({ organisation: { users: 300, seed: 3 } });
  });
  afterAll(() => emu.close());

  const session = () => new WukongSession({ serverUrl: emu.url, username: emu.adminUsername, password: emu.adminPassword });

  it('reads exactly what the server holds, reporting progress per step', async () => {
    const events: PullProgress[] = [];
    const result = await pullSnapshot(session(), { bundled: loadBundledCatalogue(), onProgress: (p) => events.push(p) });
    expect(result.catalogueSource).toBe('bundled');
    // queryRoleField initialised the missing rows during the pull (§6): the server view is read afterwards.
    expect(snapshotView(result.snapshot)).toEqual(serverView(emu));
    expect(result.snapshot.users).toHaveLength(300);
    const steps = [...new Set(events.map((e) => e.step))];
    expect(steps).toEqual(['departments', 'users', 'roles', 'catalogue', 'fieldRules']);
    const lastUsers = events.filter((e) => e.step === 'users').at(-1)!;
    expect(lastUsers).toEqual({ step: 'users', done: 3, total: 3 });
  }, 60_000);

  it('stops on cancellation and returns nothing', async () => {
    const controller = new AbortController();
    const pull = pullSnapshot(session(), {
      bundled: loadBundledCatalogue(),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 'roles') controller.abort();
      },
    });
    await expect(pull).rejects.toSatisfy((e) => isConnectorError(e, 'CANCELLED'));
  });

  it('refuses a wrong password with LOGIN_FAILED and the server code', async () => {
    const wrong = new WukongSession({ serverUrl: emu.url, username: emu.adminUsername, password: 'wrong-password1' });
    const error = await wrong.login().catch((e: unknown) => e);
    expect(isConnectorError(error, 'LOGIN_FAILED')).toBe(true);
    expect(error).toMatchObject({ details: { serverCode: 1004, endpoint: 'POST /login' } });
    expect(String(error)).not.toContain('wrong-password1');
    emu.control.unlockLogins();
  });
});
