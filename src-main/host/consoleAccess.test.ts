import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsoleAccess, type SessionEnd } from './consoleAccess';

let ended: Array<[string, SessionEnd]>;
const make = (overrides: Partial<ConstructorParameters<typeof ConsoleAccess>[0]> = {}) =>
  new ConsoleAccess({ maxSessions: 3, maxUnusedLinks: 2, sessionIdleMs: 60_000, onSessionEnded: (id, why) => ended.push([id, why]), ...overrides });

beforeEach(() => {
  ended = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => vi.useRealTimers());

describe('console links and sessions', () => {
  it('a link token opens one session, once; a second use is "spent", a made-up one "invalid"', () => {
    const access = make();
    const token = access.newLinkToken();
    const first = access.redeem(token);
    expect(first.outcome).toBe('session');
    expect(access.redeem(token)).toEqual({ outcome: 'spent' });
    expect(access.redeem('x'.repeat(43))).toEqual({ outcome: 'invalid' });
    expect(access.redeem('')).toEqual({ outcome: 'invalid' });
  });

  it('keeps only the newest unused links: an older one is retired', () => {
    const access = make();
    const [a, b, c] = [access.newLinkToken(), access.newLinkToken(), access.newLinkToken()];
    expect(access.redeem(a).outcome).toBe('spent');
    expect(access.redeem(b).outcome).toBe('session');
    expect(access.redeem(c).outcome).toBe('session');
  });

  it('a session ends after the idle time without use, and each use starts the time again', () => {
    const access = make();
    const redeemed = access.redeem(access.newLinkToken());
    if (redeemed.outcome !== 'session') throw new Error('no session');
    const { sessionId } = redeemed;
    vi.advanceTimersByTime(59_999);
    expect(access.touch(sessionId)).toBe(sessionId);
    vi.advanceTimersByTime(59_999);
    expect(access.touch(sessionId)).toBe(sessionId);
    vi.advanceTimersByTime(60_000);
    expect(ended).toEqual([[sessionId, 'idle']]);
    expect(access.touch(sessionId)).toBeNull();
    expect(access.isOpen(sessionId)).toBe(false);
  });

  it('never ends a session by time when the idle lock is off', () => {
    const access = make({ sessionIdleMs: null });
    const redeemed = access.redeem(access.newLinkToken());
    vi.advanceTimersByTime(365 * 24 * 3600_000);
    expect(redeemed.outcome === 'session' && access.touch(redeemed.sessionId)).toBeTruthy();
  });

  it('beyond the session cap, the least recently used session ends', () => {
    const access = make({ maxUnusedLinks: 8 });
    const ids = [1, 2, 3].map(() => {
      const r = access.redeem(access.newLinkToken());
      return r.outcome === 'session' ? r.sessionId : '';
    });
    access.touch(ids[0]!); // the first is used again: the second is now the least recent
    const fourth = access.redeem(access.newLinkToken());
    expect(fourth.outcome).toBe('session');
    expect(ended).toEqual([[ids[1], 'evicted']]);
    expect(access.touch(ids[0]!)).toBe(ids[0]);
    expect(access.touch(ids[1]!)).toBeNull();
  });

  it('a cookie that is not a session is nobody', () => {
    const access = make();
    expect(access.touch(null)).toBeNull();
    expect(access.touch('forged')).toBeNull();
  });
});
