/**
 * Login sessions as the server keeps them in Redis (reference §1.1): a 32-hex token per login, a sliding
 * TTL (7 days by default), the user's role ids frozen into the token at login, and one live session per
 * user and login type: a new login overwrites the old token with `{extra: 1, extraTime}`, so the old token
 * then answers `code 302` with that data. Disabling a user deletes its tokens (plain 302, no data).
 */
import { randomUUID } from 'node:crypto';
import { Code, WukongError } from './envelope';

export interface Session {
  token: string;
  userId: number;
  /** 1 = PC, 2 = mobile. */
  type: number;
  /** `UserInfo.roles`, captured at login and never refreshed (§1.1, §9.1). */
  roles: number[];
  expiresAt: number;
}

type TokenState = { kind: 'live'; session: Session } | { kind: 'evicted'; extraTime: string };

/** `yyyy-MM-dd HH:mm:ss` in GMT+8, the server's Jackson date format (§1.3). */
export function serverTime(at = Date.now()): string {
  return new Date(at + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export class SessionStore {
  private readonly tokens = new Map<string, TokenState>();
  /** `WK:USER:TOKEN::<type>:<userId>` → token. */
  private readonly current = new Map<string, string>();

  constructor(readonly ttlMs: number) {}

  open(userId: number, type: number, roles: number[]): string {
    const key = `${type}:${userId}`;
    const previous = this.current.get(key);
    if (previous) this.evict(previous);
    const token = randomUUID().replaceAll('-', '');
    this.tokens.set(token, { kind: 'live', session: { token, userId, type, roles, expiresAt: Date.now() + this.ttlMs } });
    this.current.set(key, token);
    return token;
  }

  /** The session of a token, renewed (sliding expiry, `ParamAspect` → `UserUtil.userExpire`); otherwise 302. */
  require(token: string | undefined): Session {
    const state = token ? this.tokens.get(token) : undefined;
    if (!state) throw new WukongError(Code.notLoggedIn);
    if (state.kind === 'evicted') throw new WukongError(Code.notLoggedIn, undefined, { extra: 1, extraTime: state.extraTime });
    if (state.session.expiresAt <= Date.now()) {
      this.drop(state.session.token);
      throw new WukongError(Code.notLoggedIn);
    }
    state.session.expiresAt = Date.now() + this.ttlMs;
    return state.session;
  }

  /** As if the same user had logged in elsewhere: the token now answers 302 with `extra: 1`. */
  evict(token: string): boolean {
    const state = this.tokens.get(token);
    if (state?.kind !== 'live') return false;
    this.tokens.set(token, { kind: 'evicted', extraTime: serverTime() });
    this.current.delete(`${state.session.type}:${state.session.userId}`);
    return true;
  }

  /** As if the TTL had run out: the token answers a plain 302. */
  expire(token: string): void {
    const state = this.tokens.get(token);
    if (state?.kind === 'live') state.session.expiresAt = 0;
  }

  /** `/logout`, or a deleted token. */
  drop(token: string): void {
    const state = this.tokens.get(token);
    this.tokens.delete(token);
    if (state?.kind === 'live') {
      const key = `${state.session.type}:${state.session.userId}`;
      if (this.current.get(key) === token) this.current.delete(key);
    }
  }

  /** `UserUtil.userExit(userId, null)`: every token of the user is deleted (disable, password reset). */
  dropUser(userId: number): void {
    for (const [token, state] of this.tokens) if (state.kind === 'live' && state.session.userId === userId) this.drop(token);
  }

  liveTokens(userId?: number): string[] {
    return [...this.tokens]
      .filter(([, s]) => s.kind === 'live' && (userId === undefined || s.session.userId === userId))
      .map(([token]) => token);
  }
}
