/**
 * What an endpoint module declares, and the path matching of the gateway's routes. Almost every endpoint
 * is POST; any other method answers `code 401` 无权操作, not 405 (`ExceptionHandlerAdvice`, reference §0).
 */
import type { RequestBody } from './body';
import type { Db } from './db/schema';
import type { LoginAttempts } from './loginAttempts';
import type { Session, SessionStore } from './session';

export interface RouteContext {
  db: Db;
  sessions: SessionStore;
  loginAttempts: LoginAttempts;
  /** The caller's session; null only on routes with `auth: 'none'`. */
  session: Session | null;
  token: string | undefined;
  params: Record<string, string>;
  body: RequestBody;
}

export interface Route {
  /** Path with `{name}` placeholders, e.g. `/adminDept/deleteDept/{deptId}`. */
  path: string;
  /** A live token is needed (302 otherwise); see `PublicRoute` for `/login`, `/logout`. */
  auth?: 'session';
  /** Skips the gateway's realm_url check (whitelisted paths, §1.2). */
  whitelisted?: boolean;
  /** `@RequestMapping` without a method (`/logout`). */
  anyMethod?: boolean;
  /** Returns the envelope's `data`, or throws a `WukongError`. */
  handle(ctx: RouteContext & { session: Session }): unknown;
}

/** A route whose handler may run without a session. */
export interface PublicRoute extends Omit<Route, 'handle' | 'auth'> {
  auth: 'none';
  handle(ctx: RouteContext): unknown;
}

export type AnyRoute = Route | PublicRoute;

interface Compiled {
  route: AnyRoute;
  pattern: RegExp;
  names: string[];
}

export class Router {
  private readonly compiled: Compiled[];

  constructor(routes: AnyRoute[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { route, pattern: new RegExp(`^${source}$`), names };
    });
  }

  match(path: string): { route: AnyRoute; params: Record<string, string> } | null {
    for (const { route, pattern, names } of this.compiled) {
      const m = pattern.exec(path);
      if (m) return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')])) };
    }
    return null;
  }
}
