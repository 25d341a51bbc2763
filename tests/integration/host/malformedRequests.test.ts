import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browserHost';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { toAppError } from '../../../src-main/ipc/errorMapping';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createAppServices, type AppServices } from '../../../src-main/services/appServices';
import { runtimePaths } from '../../../src-main/services/runtimePaths';
import { call, closed, login, openSocket, send, socketHeaders } from './hostClient';

// Requests that are wrong but answerable get an answer for their id, and the socket (with the client's other
// calls in flight) stays open. The real services answer, so a bad id that reached them would show as INTERNAL.
let host: BrowserHost;
let services: AppServices;
let rendererDir: string;
let dataDir: string;
const dispatcherLog: string[] = [];
let ws: WebSocket;

beforeAll(async () => {
  rendererDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gatehouse</title>');
  dataDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-data-'));
  services = await createAppServices({ resourcesDir: runtimePaths(path.resolve('src-main/host')).resourcesDir, dataDir, version: 'test', transport: 'browser' });
  const dispatch = createDispatcher(createHandlers(services), (line) => dispatcherLog.push(line), toAppError);
  host = await startBrowserHost({ rendererDir, dispatch, events: services.events, log: () => undefined });
  ws = await openSocket(host.port, socketHeaders(host, await login(host)));
});

afterAll(async () => {
  ws.close();
  await host.close();
  services.close();
  rmSync(rendererDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('malformed requests over the WebSocket', () => {
  it('a request without input gets an error for its id, and the same socket goes on answering', async () => {
    expect(await send(ws, 1, JSON.stringify({ id: 1, channel: 'app.info' }))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call(ws, 2, 'app.info', {})).toMatchObject({ ok: true, value: { name: 'Gatehouse' } });
  });

  it('a request that breaks the wire shape but has a readable id gets an error for that id', async () => {
    for (const [id, message] of [
      [3, { id: 3, channel: 42, input: {} }],
      [4, { id: 4, channel: 'app.info', input: {}, extra: true }],
      [5, { id: 5, input: {} }],
    ] as const) {
      expect(await send(ws, id, JSON.stringify(message)), JSON.stringify(message)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(ws.readyState).toBe(ws.OPEN);
  });

  it('answers the calls in flight around a malformed one', async () => {
    const before = call(ws, 10, 'org.view', { draftId: null });
    const bad = send(ws, 11, JSON.stringify({ id: 11, channel: 'org.view' }));
    const after = call(ws, 12, 'app.info', {});
    expect((await before).ok).toBe(true);
    expect((await bad).ok).toBe(false);
    expect((await after).ok).toBe(true);
  });

  it('a workspace id the file-name rule refuses is INVALID_INPUT from the contract, with nothing logged', async () => {
    for (const workspaceId of ['Demo', '../x', '..\\x', 'demo.key']) {
      for (const channel of ['workspace.open', 'workspace.select', 'workspace.lock', 'workspace.unlock']) {
        const result = await call(ws, 20, channel, { workspaceId });
        expect(result, `${channel} ${workspaceId}`).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }
    }
    expect(dispatcherLog).toEqual([]);
  });

  it('a policy file of 3M Chinese characters (9 MB) is refused by the contract with an answer, not a closed socket', async () => {
    const result = await call(ws, 30, 'policy.import', { text: '权'.repeat(3_000_000) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result.error!.details).toMatchObject({ kind: 'fields', issues: [{ path: 'text', message: expect.stringMatching(/larger than 6\.0 MB/) }] });
    expect(await call(ws, 31, 'app.info', {})).toMatchObject({ ok: true });
  });

  it('a message with no id to answer closes only that socket (1007)', async () => {
    const other = await openSocket(host.port, socketHeaders(host, await login(host)));
    const done = closed(other);
    other.send('{"channel":"app.info","input":{}}');
    expect((await done).code).toBe(1007);
    expect(await call(ws, 40, 'app.info', {})).toMatchObject({ ok: true });
  });
});
