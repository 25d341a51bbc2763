import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src-main/host/browserHost';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { toAppError } from '../../../src-main/ipc/errorMapping';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createAppServices, type AppServices } from '../../../src-main/services/appServices';
import { runtimePaths } from '../../../src-main/services/runtimePaths';
import { runFuzz } from '../../fuzz/runFuzz';

// A short seeded slice of `npm run fuzz`, against the real host and services in this process (a host crash
// here is an uncaught error that fails the run). The full run drives the built host: `npm run fuzz`.
let host: BrowserHost;
let services: AppServices;
const dirs: string[] = [];

beforeAll(async () => {
  const rendererDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gatehouse</title>');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-fuzz-'));
  dirs.push(rendererDir, dataDir);
  services = await createAppServices({ resourcesDir: runtimePaths(path.resolve('src-main/host')).resourcesDir, dataDir, version: 'test', transport: 'browser', idleLockMs: null });
  host = await startBrowserHost({ rendererDir, dispatch: createDispatcher(createHandlers(services), () => undefined, toAppError), events: services.events });
});

afterAll(async () => {
  await host.close();
  services.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

it('a seeded slice of the fuzz finds no crash, hang, INTERNAL error, dropped request or change by a refused call', async () => {
  const report = await runFuzz({ consoleUrl: host.url, running: () => true }, { seed: 20261202, calls: 400, files: 40, hangMs: 60_000 });
  expect(report.findings).toEqual([]);
  expect({ crashes: report.crashes, hangs: report.hangs, internal: report.internalErrors, refusedStateChanges: report.refusedStateChanges, dropped: report.droppedRequests }).toEqual({
    crashes: 0, hangs: 0, internal: 0, refusedStateChanges: 0, dropped: 0,
  });
  // It really exercised the host: most calls reached a handler, and files were read and judged.
  expect(report.calls).toBe(400);
  expect(report.files).toBe(40);
  expect(report.outcomes.ok ?? 0).toBeGreaterThan(50);
  expect(report.outcomes['file invalid'] ?? 0).toBeGreaterThan(10);
}, 600_000);
