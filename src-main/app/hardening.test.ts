import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { App, Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { browserHostCsp, ELECTRON_CSP, parseCsp } from '../common/security';
import { APP_CSP, hardenApp } from './hardening';

const root = path.resolve(import.meta.dirname, '..', '..');
/** The meta policy of the renderer page. The build (vite) copies the meta tag as written; it only rewrites script and link tags. */
function metaPolicy(html: string): string {
  const tags = html.match(/<meta[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/gi) ?? [];
  expect(tags).toHaveLength(1);
  return /content="([^"]*)"/.exec(tags[0]!)![1]!;
}

function expectNoInlineAndNoEval(policy: string) {
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|'nonce-|'sha(256|384|512)-|wasm-unsafe-eval/);
  const directives = parseCsp(policy);
  expect(directives.get('default-src')).toEqual(["'none'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('style-src')).toEqual(["'self'"]);
  expect(directives.has('style-src-attr')).toBe(false);
  expect(directives.has('style-src-elem')).toBe(false);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
}

describe('the renderer page policy', () => {
  const source = readFileSync(path.join(root, 'src-renderer', 'index.html'), 'utf8');

  it('index.html carries exactly the Electron policy: styles from files only, no connections at all', () => {
    const policy = metaPolicy(source);
    expect(policy).toBe(ELECTRON_CSP);
    expectNoInlineAndNoEval(policy);
    expect(parseCsp(policy).get('connect-src')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/ws:|wss:|http:|https:|\*/);
  });

  it('the browser host policy allows its own socket only, and no framing', () => {
    const policy = browserHostCsp(4800);
    expectNoInlineAndNoEval(policy);
    expect(parseCsp(policy).get('connect-src')).toEqual(['ws://127.0.0.1:4800', 'ws://localhost:4800']);
    expect(parseCsp(policy).get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('the Electron hardening', () => {
  function harden() {
    const appHandlers = new Map<string, (...args: unknown[]) => void>();
    const app = { on: (event: string, handler: (...args: unknown[]) => void) => appHandlers.set(event, handler) };
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    };
    hardenApp(app as unknown as App, session as unknown as Session, (url) => url === 'file:///app/index.html');
    return { appHandlers, session };
  }

  it('refuses every permission request and answers every permission check with no', () => {
    const { session } = harden();
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (c: unknown, p: string, cb: (granted: boolean) => void) => void;
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal', 'fullscreen', 'unknown']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    for (const permission of ['media', 'clipboard-sanitized-write', 'hid', 'serial', 'usb', 'notifications']) {
      expect(check(null, permission, 'file://', {})).toBe(false);
    }
    const device = session.setDevicePermissionHandler.mock.calls[0]![0] as (...args: unknown[]) => boolean;
    expect(device({ deviceType: 'usb', origin: 'file://' })).toBe(false);
  });

  it('puts the page policy on every response', () => {
    const { session } = harden();
    expect(APP_CSP).toBe(ELECTRON_CSP);
    const listener = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (d: unknown, cb: (r: unknown) => void) => void;
    const callback = vi.fn();
    listener({ responseHeaders: { 'Content-Security-Policy': ["default-src *"], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [ELECTRON_CSP], 'X-Other': ['1'] } });
  });

  it('denies new windows, webviews and navigation away from the app', () => {
    const { appHandlers } = harden();
    const contentsHandlers = new Map<string, (event: { preventDefault: () => void }, url?: string) => void>();
    let windowOpen: (() => unknown) | null = null;
    const contents = {
      setWindowOpenHandler: (h: () => unknown) => (windowOpen = h),
      on: (event: string, h: (event: { preventDefault: () => void }, url?: string) => void) => contentsHandlers.set(event, h),
    };
    appHandlers.get('web-contents-created')!({}, contents);
    expect(windowOpen!()).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn() };
      contentsHandlers.get(event)!(away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const home = { preventDefault: vi.fn() };
      contentsHandlers.get(event)!(home, 'file:///app/index.html');
      expect(home.preventDefault).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    contentsHandlers.get('will-attach-webview')!(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });
});
