/**
 * Routing as config/route_admin.php declares it: each admin route is `['admin/c/a', ['method' => 'POST']]`,
 * and `'__miss__' => 'admin/base/miss'` catches everything else — an unknown path, and also a GET (or any
 * other method) sent to a POST route, which ThinkPHP then fails to match (thinkphp/library/think/Route.php).
 */
import type { Ctx } from './context';
import type { Answer } from './envelope';

export interface Controller {
  /** Controller name as ThinkPHP lowercases it (`fieldgrant`). */
  name: string;
  /** `_initialize()`: the auth checks; throws a PhpExit to answer early. `action` is lowercase. */
  init(ctx: Ctx, action: string): void;
  /** Actions by their route spelling (`typeList`). */
  actions: Record<string, (ctx: Ctx) => Answer>;
}

export interface RouteTarget {
  controller: Controller;
  action: string;
}

export class Router {
  private readonly routes = new Map<string, RouteTarget>();

  constructor(controllers: { path: string; controller: Controller }[]) {
    for (const { path, controller } of controllers) {
      for (const action of Object.keys(controller.actions)) this.routes.set(`${path}/${action}`.toLowerCase(), { controller, action });
    }
  }

  /** POST only; ThinkPHP matches static routes case-insensitively (url_convert). */
  match(method: string, route: string): RouteTarget | undefined {
    if (method !== 'POST') return undefined;
    return this.routes.get(route.toLowerCase());
  }

  paths(): string[] {
    return [...this.routes.keys()];
  }
}
