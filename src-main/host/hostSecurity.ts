import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { browserHostCsp } from '../common/security';

export const SESSION_COOKIE = 'gatehouse_session';

export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison of two secrets of any length. */
export function secretsEqual(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * DNS-rebinding guard: a page on evil.example that resolves to 127.0.0.1 still sends `Host: evil.example`.
 * Only the loopback names of our own port are accepted.
 */
export function isAllowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Cross-site WebSocket guard: browsers always send Origin on upgrades; it must be the console itself. */
export function isAllowedOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Headers on every answer: no framing, no sniffing, no referrer (the URL may carry the token), strict CSP. */
export function securityHeaders(port: number): Record<string, string> {
  return {
    'Content-Security-Policy': browserHostCsp(port),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

/**
 * Where to send a browser after it traded its link token: the same path on this host, or `/`. A path that starts
 * with two slashes (`/.//evil.example/` parses to `//evil.example/`) or holds a backslash (browsers read `\` as
 * `/`) would leave the host as a protocol-relative URL, so only plain path characters are kept.
 */
export function sameOriginPath(pathname: string): string {
  return /^\/(?!\/)[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(pathname) && !pathname.includes('//') ? pathname : '/';
}
