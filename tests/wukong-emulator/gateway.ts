/**
 * The gateway's function-permission check (`PermissionServiceImpl`, `UserDetailsServiceImpl#permission`,
 * reference §1.2): a request is denied with HTTP 401 `{code: 401, msg: "无权操作"}` when its path equals a
 * `realm_url` of a menu the user does NOT hold, or starts with such a URL that contains `*` (star removed).
 * Super admins pass; a user holding no menu at all is denied everywhere. Computed live from the database
 * (the server caches the list for 30 minutes).
 */
import { isSuperAdmin } from './db/queries';
import type { Db } from './db/schema';
import { Code, WukongError } from './envelope';
import type { Session } from './session';

export function assertGatewayAllows(db: Db, session: Session, path: string): void {
  if (isSuperAdmin(session.userId, session.roles)) return;
  const held = db
    .prepare<[number], { menu_id: number }>(
      'SELECT DISTINCT rm.menu_id FROM wk_admin_role_menu rm JOIN wk_admin_user_role ur ON ur.role_id = rm.role_id WHERE ur.user_id = ?',
    )
    .all(session.userId);
  const deny = () => new WukongError(Code.noPermission, undefined, null, 401);
  if (held.length === 0) throw deny();
  const heldIds = new Set(held.map((m) => m.menu_id));
  const menus = db.prepare<[], { menu_id: number; realm_url: string }>("SELECT menu_id, realm_url FROM wk_admin_menu WHERE realm_url IS NOT NULL AND realm_url != ''").all();
  for (const menu of menus) {
    if (heldIds.has(menu.menu_id)) continue;
    for (const url of menu.realm_url.split(',')) {
      if (path === url || (url.includes('*') && path.startsWith(url.replaceAll('*', '')))) throw deny();
    }
  }
}
