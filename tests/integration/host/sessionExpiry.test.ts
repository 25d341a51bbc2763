import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browserHost';
import type { Dispatch } from '../../../src-main/ipc/dispatcher';
import { EventBus } from '../../../src-main/services/eventBus';
import { call, closed, get, login, openSocket, socketHeaders } from './hostClient';

// A browser session ends with the workspace idle lock's duration of disuse. The session clock is driven by
// fake timers (only setTimeout: Node's HTTP and socket timers are its own), so nothing here waits on time.
const IDLE_MS = 15 * 60_000;
let host: BrowserHost;
let rendererDir: string;
const dispatch: Dispatch = async () => ({ ok: true, value: { name: 'Gatehouse' } });

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  rendererDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gatehouse</title>');
  host = await startBrowserHost({ rendererDir, dispatch, events: new EventBus(), log: () => undefined, limits: { sessionIdleMs: IDLE_MS } });
});

afterAll(async () => {
  await host.close();
  vi.useRealTimers();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('session expiry', () => {
  it('use keeps a session open; the idle time without use ends it, closes its socket and its cookie opens nothing', async () => {
    const cookie = await login(host);
    const ws = await openSocket(host.port, socketHeaders(host, cookie));
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect(await call(ws, 1, 'app.info', {})).toMatchObject({ ok: true }); // a call is use
    vi.advanceTimersByTime(IDLE_MS - 1);
    expect((await get(host.port, '/', { Cookie: cookie })).status).toBe(200); // so is a page load

    const gone = closed(ws);
    vi.advanceTimersByTime(IDLE_MS);
    expect((await gone).code).toBe(4401);
    const after = await get(host.port, '/', { Cookie: cookie });
    expect(after.status).toBe(401);
    expect(after.body).toContain('press Enter in the terminal');
    await expect(openSocket(host.port, socketHeaders(host, cookie))).rejects.toThrow(/403/);
  });
});
