/**
 * Fault injection. Each rule watches the calls whose path matches (all calls when no path; a trailing `*`
 * matches a prefix), lets `nth - 1` of them through, then acts on the next `count`:
 *  - `http500`: answer HTTP 500 with ThinkPHP's exception page; `when: 'after'` runs the call first, so
 *    its writes are applied but the answer is lost;
 *  - `drop`: destroy the socket without answering (`when: 'after'`: applied, answer lost);
 *  - `failWrite`: the call's `write`-th SQL write fails as if MySQL went away (error 2006). What follows is
 *    the PHP's own handling: caught where the PHP catches (its error envelope), else HTTP 500; writes made
 *    before stay unless the PHP had opened a transaction — the half-applied writes of non-transactional code;
 *  - `evict`: the caller's authKey is removed from the cache first, as a newer login of the same user does;
 *  - `hook`: run a change by "another admin" just before the call is handled.
 * Plus a fixed latency before every (matching) call.
 */
import type { MutationInput } from './mutations';

export type FaultKind = 'http500' | 'drop' | 'failWrite' | 'evict' | 'hook';

export interface FaultTarget {
  /** Exact path (`/admin/groups/save`), or a prefix ending in `*`. Absent: every call. */
  path?: string;
  /** Act from the nth matching call on (1 = the next one). */
  nth?: number;
  /** How many matching calls to act on. */
  count?: number;
}

export interface FaultRule {
  id: number;
  kind: FaultKind;
  path: string | undefined;
  nth: number;
  count: number;
  when: 'before' | 'after';
  /** For `failWrite`: which SQL write of the call fails (1 = the first). */
  write?: number;
  /** For `hook`: a declarative mutation or a function run against the emulator. */
  mutation?: MutationInput | (() => void);
  seen: number;
  fired: number;
}

export interface Triggered {
  kind: FaultKind;
  when: 'before' | 'after';
  rule: FaultRule;
}

export function pathMatches(pattern: string | undefined, path: string): boolean {
  if (pattern === undefined) return true;
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

export class Faults {
  private rules: FaultRule[] = [];
  private nextId = 1;
  private latency: { ms: number; path: string | undefined } = { ms: 0, path: undefined };

  add(kind: FaultKind, target: FaultTarget, extra: { when?: 'before' | 'after'; write?: number; mutation?: FaultRule['mutation'] } = {}): FaultRule {
    const rule: FaultRule = {
      id: this.nextId++,
      kind,
      path: target.path,
      nth: Math.max(1, target.nth ?? 1),
      count: Math.max(1, target.count ?? 1),
      when: extra.when ?? 'before',
      ...(kind === 'failWrite' ? { write: Math.max(1, extra.write ?? 1) } : {}),
      mutation: extra.mutation,
      seen: 0,
      fired: 0,
    };
    this.rules.push(rule);
    return rule;
  }

  setLatency(ms: number, path?: string): void {
    this.latency = { ms: Math.max(0, ms), path };
  }

  latencyFor(path: string): number {
    return pathMatches(this.latency.path, path) ? this.latency.ms : 0;
  }

  /** Counts this call against every matching rule and returns the rules that act on it. Spent rules are removed. */
  onCall(path: string): Triggered[] {
    const triggered: Triggered[] = [];
    for (const rule of this.rules) {
      if (!pathMatches(rule.path, path)) continue;
      rule.seen++;
      if (rule.seen >= rule.nth && rule.fired < rule.count) {
        rule.fired++;
        triggered.push({ kind: rule.kind, when: rule.when, rule });
      }
    }
    this.rules = this.rules.filter((r) => r.fired < r.count);
    return triggered;
  }

  pending(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  clear(): void {
    this.rules = [];
    this.latency = { ms: 0, path: undefined };
  }
}
