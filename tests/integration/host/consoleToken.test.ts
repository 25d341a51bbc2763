import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsp } from '../../../src-main/common/security';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browserHost';
import type { Dispatch } from '../../../src-main/ipc/dispatcher';
import { EventBus } from '../../../src-main/services/eventBus';
import { call, closed, get, login, openSocket, socketHeaders, tokenOf } from './hostClient';

// The console link works once; a reload goes by the session cookie; the redirect after it never leaves the host.
let host: BrowserHost;
let rendererDir: string;
const logged: string[] = [];
const dispatch: Dispatch = async () => ({ ok: true, value: { name: 'Gatehouse' } });

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-renderer-'));
  // The real page, with the desktop app's meta policy in it.
  writeFileSync(path.join(rendererDir, 'index.html'), readFileSync(path.resolve('src-renderer/index.html'), 'utf8'));
  host = await startBrowserHost({ rendererDir, dispatch, events: new EventBus(), log: (line) => logged.push(line), limits: { maxSessions: 3, maxSocketsPerSession: 2, maxUnusedLinks: 4 } });
});

afterAll(async () => {
  await host.close();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('one-time console links', () => {
  it('the second use of a link is refused with a page in both languages, and no session', async () => {
    const link = host.newLink();
    expect((await get(host.port, `/?token=${tokenOf(link)}`)).status).toBe(303);
    const again = await get(host.port, `/?token=${tokenOf(link)}`);
    expect(again.status).toBe(410);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('This console link has already been used');
    expect(again.body).toContain('此控制台链接已被使用过');
    expect(again.body).toContain('press Enter in the terminal');
    expect(again.body).not.toContain(tokenOf(link));
  });

  it('the first link printed at start also works once only', async () => {
    expect((await get(host.port, `/?token=${tokenOf(host.url)}`)).status).toBe(303);
    expect((await get(host.port, `/?token=${tokenOf(host.url)}`)).status).toBe(410);
  });

  it('puts the reader’s language first', async () => {
    const link = host.newLink();
    await login(host, link);
    const page = await get(host.port, `/?token=${tokenOf(link)}`, { 'Accept-Language': 'zh-CN,zh;q=0.9' });
    expect(page.body.indexOf('此控制台链接')).toBeLessThan(page.body.indexOf('This console link'));
  });

  it('a made-up token is not valid, in both languages', async () => {
    const res = await get(host.port, '/?token=guessed');
    expect(res.status).toBe(403);
    expect(res.body).toContain('not valid');
    expect(res.body).toContain('无效');
  });

  it('a reload goes by the session cookie; the browser that used the link may open it again without a new session', async () => {
    const link = host.newLink();
    const cookie = await login(host, link);
    const reload = await get(host.port, '/', { Cookie: cookie });
    expect(reload.status).toBe(200);
    const again = await get(host.port, `/?token=${tokenOf(link)}`, { Cookie: cookie });
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe('/');
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('a newer link retires the oldest unused one beyond the cap', async () => {
    const oldest = host.newLink();
    for (let i = 0; i < 4; i++) host.newLink();
    expect((await get(host.port, `/?token=${tokenOf(oldest)}`)).status).toBe(410);
  });

  it('never logs a token', () => {
    expect(logged.join('\n')).not.toMatch(/token/i);
  });
});

describe('the redirect after a link', () => {
  it.each([
    ['/.//evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example/', '/'],
    ['/%5C%5Cevil.example/', '/%5C%5Cevil.example/'],
    ['/a//b', '/'],
    ['/', '/'],
    ['/index.html', '/index.html'],
  ])('%s stays on the host (Location %s)', async (pathname, location) => {
    const res = await get(host.port, `${pathname}?token=${tokenOf(host.newLink())}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(location);
    const resolved = new URL(res.headers.location!, `http://127.0.0.1:${host.port}${pathname}`);
    expect(resolved.origin).toBe(`http://127.0.0.1:${host.port}`);
  });
});

describe('the served page', () => {
  it('carries the host policy in its meta tag and header: its own socket, nothing inline', async () => {
    const res = await get(host.port, '/', { Cookie: await login(host) });
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(res.body)?.[1];
    expect(meta).toBe(res.headers['content-security-policy']);
    const policy = parseCsp(meta!);
    expect(policy.get('connect-src')).toEqual([`ws://127.0.0.1:${host.port}`, `ws://localhost:${host.port}`]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(meta).not.toContain('unsafe-inline');
  });
});

describe('caps', () => {
  it('beyond the session cap the least recently used session ends, and its sockets close', async () => {
    const first = await login(host);
    const ws = await openSocket(host.port, socketHeaders(host, first));
    const gone = closed(ws);
    for (let i = 0; i < 3; i++) await login(host);
    expect((await gone).code).toBe(4401);
    expect((await get(host.port, '/', { Cookie: first })).status).toBe(401);
  });

  it('one session holds at most its cap of WebSockets', async () => {
    const headers = socketHeaders(host, await login(host));
    const sockets = [await openSocket(host.port, headers), await openSocket(host.port, headers)];
    await expect(openSocket(host.port, headers)).rejects.toThrow(/429/);
    sockets[0]!.close();
    await closed(sockets[0]!);
    const next = await openSocket(host.port, headers);
    expect(await call(next, 1, 'app.info', {})).toMatchObject({ ok: true });
    next.close();
    sockets[1]!.close();
  });
});
