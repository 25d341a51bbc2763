import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browserHost';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { toAppError } from '../../../src-main/ipc/errorMapping';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createAppServices, type AppServices } from '../../../src-main/services/appServices';
import { runtimePaths } from '../../../src-main/services/runtimePaths';
import { call, get as getFrom, openSocket as openSocketOn, tokenOf } from './hostClient';

// The real host with the real services (demo workspace) over real HTTP and WebSocket on 127.0.0.1.
let host: BrowserHost;
let services: AppServices;
let rendererDir: string;
let dataDir: string;
let token: string;

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gatehouse</title>');
  dataDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-data-'));
  services = await createAppServices({
    resourcesDir: runtimePaths(path.resolve('src-main/host')).resourcesDir,
    dataDir,
    version: 'test',
    transport: 'browser',
  });
  const dispatch = createDispatcher(createHandlers(services), () => undefined, toAppError);
  host = await startBrowserHost({ rendererDir, dispatch, events: services.events });
  token = new URL(host.url).searchParams.get('token')!;
});

afterAll(async () => {
  await host.close();
  services.close();
  rmSync(rendererDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (pathAndQuery: string, headers: Record<string, string> = {}) => getFrom(host.port, pathAndQuery, headers);

/** Each console link opens once: every login takes a fresh one. */
async function login(): Promise<string> {
  const res = await get(`/?token=${tokenOf(host.newLink())}`);
  expect(res.status).toBe(303);
  const cookie = res.headers['set-cookie']?.[0] ?? '';
  expect(cookie).toMatch(/HttpOnly/);
  expect(cookie).toMatch(/SameSite=Strict/);
  return cookie.split(';')[0]!;
}

const openSocket = (headers: Record<string, string>) => openSocketOn(host.port, headers);

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints a URL with a long random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{40,}$/);
  });

  it('refuses a wrong token', async () => {
    const res = await get('/?token=not-the-token');
    expect(res.status).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a visit without token or session', async () => {
    expect((await get('/')).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await get(`/?token=${token}`, { Host: `evil.example:${host.port}` });
    expect(res.status).toBe(421);
  });

  it('trades the token for a session cookie and then serves the console, never with CORS headers', async () => {
    const cookie = await login();
    const res = await get('/', { Cookie: cookie });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Gatehouse</title>');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('does not serve files outside the renderer folder', async () => {
    const cookie = await login();
    const res = await get('/..%2f..%2fpackage.json', { Cookie: cookie });
    expect(res.body).not.toContain('"name"');
  });

  it('refuses a WebSocket from a foreign Origin even with a valid session', async () => {
    const cookie = await login();
    await expect(openSocket({ Cookie: cookie, Origin: 'http://evil.example' })).rejects.toThrow(/403/);
  });

  it('refuses a WebSocket without a session', async () => {
    await expect(openSocket({ Origin: `http://127.0.0.1:${host.port}` })).rejects.toThrow(/403/);
  });

  it('carries the contract: real demo data, clear errors for bad input, and stays up', async () => {
    const cookie = await login();
    const ws = await openSocket({ Cookie: cookie, Origin: `http://127.0.0.1:${host.port}` });
    const org = await call(ws, 1, 'org.view', { draftId: null });
    expect(org.ok).toBe(true);
    const value = org.value as { departments: unknown[]; users: unknown[] };
    expect(value.departments.length).toBeGreaterThan(3);
    expect(value.users.length).toBeGreaterThan(30);

    const bad = await call(ws, 2, 'access.explain', { draftId: null, userId: { $ne: null }, permissionId: 'p1' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

    const unknown = await call(ws, 3, 'shell.exec', { command: 'rm -rf /' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

    const info = await call(ws, 4, 'app.info', {});
    expect(info).toMatchObject({ ok: true, value: { name: 'Gatehouse', transport: 'browser' } });
    ws.close();
  });

  it('closes a socket that sends garbage, and keeps serving others', async () => {
    const cookie = await login();
    const headers = { Cookie: cookie, Origin: `http://127.0.0.1:${host.port}` };
    const bad = await openSocket(headers);
    const closed = new Promise<number>((resolve) => bad.once('close', (code) => resolve(code)));
    bad.send('{not json');
    expect(await closed).toBe(1007);
    const good = await openSocket(headers);
    expect((await call(good, 1, 'app.info', {})).ok).toBe(true);
    good.close();
  });
});
