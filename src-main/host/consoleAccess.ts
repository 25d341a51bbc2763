import { randomSecret, secretsEqual } from './hostSecurity';

export type SessionEnd = 'idle' | 'evicted' | 'closed';

export type Redeemed = { outcome: 'session'; sessionId: string } | { outcome: 'spent' } | { outcome: 'invalid' };

export interface ConsoleAccessOptions {
  maxSessions: number;
  maxUnusedLinks: number;
  /** null: sessions never end by themselves. */
  sessionIdleMs: number | null;
  onSessionEnded: (sessionId: string, why: SessionEnd) => void;
}

/** How many used or retired link tokens are remembered, to tell "already used" from "never valid". */
const REMEMBERED_SPENT = 64;

/**
 * Who may use the console: one-time link tokens and the sessions they open.
 * - A link token works once: opening it starts one browser session (an HttpOnly cookie) and spends it. A
 *   second use is refused, so a link that leaks later (shell history, a screenshot, a shared terminal log)
 *   opens nothing. New links are printed on request (Enter in the host's terminal).
 * - A session ends after `sessionIdleMs` without a request (the workspace idle lock's duration), or when more
 *   than `maxSessions` are open (the least recently used goes).
 * All comparisons with secrets are constant-time.
 */
export class ConsoleAccess {
  readonly #options: ConsoleAccessOptions;
  /** Oldest first. */
  #unused: string[] = [];
  #spent: string[] = [];
  /** Least recently used first (a touch moves a session to the end). */
  #sessions = new Map<string, NodeJS.Timeout | null>();

  constructor(options: ConsoleAccessOptions) {
    this.#options = options;
  }

  /** A new one-time link token. */
  newLinkToken(): string {
    const token = randomSecret();
    this.#unused.push(token);
    while (this.#unused.length > this.#options.maxUnusedLinks) this.#remember(this.#unused.shift()!);
    return token;
  }

  /** Spends a link token for a new session. */
  redeem(given: string): Redeemed {
    const index = this.#unused.findIndex((token) => secretsEqual(given, token));
    if (index < 0) return { outcome: this.#spent.some((token) => secretsEqual(given, token)) ? 'spent' : 'invalid' };
    const [token] = this.#unused.splice(index, 1);
    this.#remember(token!);
    const sessionId = randomSecret();
    this.#sessions.set(sessionId, this.#timer(sessionId));
    for (const [oldest] of this.#sessions) {
      if (this.#sessions.size <= this.#options.maxSessions) break;
      this.end(oldest, 'evicted');
    }
    return { outcome: 'session', sessionId };
  }

  /** The session a cookie names, marked as used just now; null if it names none (unknown or ended). */
  touch(cookie: string | null): string | null {
    if (cookie === null) return null;
    const sessionId = [...this.#sessions.keys()].find((id) => secretsEqual(cookie, id));
    if (sessionId === undefined) return null;
    const timer = this.#sessions.get(sessionId)!;
    timer?.refresh();
    this.#sessions.delete(sessionId);
    this.#sessions.set(sessionId, timer);
    return sessionId;
  }

  isOpen(sessionId: string): boolean {
    return this.#sessions.has(sessionId);
  }

  end(sessionId: string, why: SessionEnd): void {
    if (!this.#sessions.has(sessionId)) return;
    const timer = this.#sessions.get(sessionId);
    if (timer) clearTimeout(timer);
    this.#sessions.delete(sessionId);
    this.#options.onSessionEnded(sessionId, why);
  }

  close(): void {
    for (const sessionId of [...this.#sessions.keys()]) this.end(sessionId, 'closed');
    this.#unused = [];
  }

  #timer(sessionId: string): NodeJS.Timeout | null {
    const ms = this.#options.sessionIdleMs;
    if (ms === null) return null;
    const timer = setTimeout(() => this.end(sessionId, 'idle'), ms);
    // A session's timer must not keep the process alive by itself.
    timer.unref();
    return timer;
  }

  #remember(token: string): void {
    this.#spent.push(token);
    if (this.#spent.length > REMEMBERED_SPENT) this.#spent.shift();
  }
}
