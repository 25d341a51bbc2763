import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browserHost';
import type { HostLimits } from '../../../src-main/host/hostLimits';
import type { Dispatch } from '../../../src-main/ipc/dispatcher';
import { EventBus } from '../../../src-main/services/eventBus';
import { connectRaw, get, hostCloses, login } from './hostClient';

// Slow and idle clients cost the host a bounded time and a bounded number of sockets. The limits are small so
// the tests wait on the host's own close, never on a sleep; a broken limit shows as a test timeout.
let rendererDir: string;
const hosts: BrowserHost[] = [];
const dispatch: Dispatch = async () => ({ ok: true, value: {} });

async function start(limits: Partial<HostLimits>) {
  const host = await startBrowserHost({ rendererDir, dispatch, events: new EventBus(), log: () => undefined, limits });
  hosts.push(host);
  return host;
}

beforeAll(() => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gatehouse</title>');
});

afterAll(async () => {
  for (const host of hosts) await host.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

const FAST = { headersTimeoutMs: 400, requestTimeoutMs: 400, socketIdleMs: 400, keepAliveTimeoutMs: 200, timeoutCheckIntervalMs: 50 };

describe('slow clients', () => {
  it('a slowloris client trickling header bytes is cut off by the headers timeout, while others are served', async () => {
    const host = await start(FAST);
    const socket = await connectRaw(host.port);
    const done = hostCloses(socket);
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
    // One more header line every 50 ms keeps the socket from ever being idle; only the headers timeout ends it.
    let n = 0;
    const trickle = setInterval(() => socket.writable && socket.write(`X-Slow-${n++}: a\r\n`), 50);
    try {
      expect((await get(host.port, '/')).status).toBe(401); // served meanwhile
      const received = await done;
      expect(received === '' || /^HTTP\/1\.1 408/.test(received)).toBe(true);
      expect(n).toBeGreaterThan(0);
    } finally {
      clearInterval(trickle);
    }
  });

  it('a connection that never sends anything is closed', async () => {
    const host = await start(FAST);
    const socket = await connectRaw(host.port);
    await hostCloses(socket);
    expect((await get(host.port, '/')).status).toBe(401);
  });

  it('a request whose body never arrives is answered and closed', async () => {
    const host = await start(FAST);
    const socket = await connectRaw(host.port);
    const done = hostCloses(socket);
    socket.write(`POST / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: 1000\r\n\r\nabc`);
    await done;
  });

  it('an idle keep-alive connection is closed after its request', async () => {
    const host = await start(FAST);
    const socket = await connectRaw(host.port);
    const done = hostCloses(socket);
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`);
    expect(await done).toMatch(/^HTTP\/1\.1 401/);
  });

  it('connections beyond the cap are dropped at once, and the ones held are still answered', async () => {
    const host = await start({ maxConnections: 3 });
    const cookie = await login(host);
    const held = [await connectRaw(host.port), await connectRaw(host.port), await connectRaw(host.port)];
    const extra = await connectRaw(host.port);
    await hostCloses(extra);
    const answer = hostCloses(held[0]!);
    held[0]!.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`);
    expect(await answer).toMatch(/^HTTP\/1\.1 200/);
    for (const socket of held) socket.destroy();
  });
});
