/** `POST /adminMenu/getMenuListByType/{roleType}` (`AdminMenuServiceImpl#getMenuListByType`, reference §5.2). */
import { BI_EXCLUDED_REALMS, ROLE_TYPE_REALM } from '../db/referenceData';
import type { Db } from '../db/schema';
import { pathInt } from '../body';
import { fault } from '../envelope';
import type { Route } from '../route';

interface MenuVO {
  menuId: number;
  parentId: number;
  menuName: string;
  realm: string;
  menuType: number | null;
  remarks: string | null;
  childMenu: MenuVO[];
}

type MenuRow = Omit<MenuVO, 'childMenu'>;

/** The subtree under `root`, children sorted by `sort`, depth ≤ 20; `excluded` realms are cut at every level. */
function menuTree(db: Db, realm: string, excluded: string[] = []): MenuVO | null {
  const rows = db
    .prepare<[], MenuRow>('SELECT menu_id AS menuId, parent_id AS parentId, menu_name AS menuName, realm, menu_type AS menuType, remarks FROM wk_admin_menu ORDER BY sort, menu_id')
    .all();
  const root = rows.find((m) => m.parentId === 0 && m.realm === realm);
  if (!root) return null;
  const byParent = new Map<number, MenuRow[]>();
  for (const m of rows) byParent.set(m.parentId, [...(byParent.get(m.parentId) ?? []), m]);
  const build = (m: MenuRow, depth: number): MenuVO => ({
    ...m,
    childMenu: depth >= 20 ? [] : (byParent.get(m.menuId) ?? []).filter((c) => !excluded.includes(c.realm)).map((c) => build(c, depth + 1)),
  });
  return build(root, 0);
}

export const menuRoutes: Route[] = [
  {
    path: '/adminMenu/getMenuListByType/{roleType}',
    // `@RequestMapping` without a method (AdminMenuController.java:32): GET works as well as POST.
    anyMethod: true,
    handle({ db, params }) {
      const roleType = pathInt(params.roleType, 'type');
      const realm = ROLE_TYPE_REALM[roleType];
      // No enum constant → `switch (null)` NPE; a constant without a realm → `queryMenuListByRealm("")` is
      // null → NPE on getMenuId() (AdminMenuServiceImpl#getMenuListByType).
      if (realm === undefined) fault(`NullPointerException: no menu root for role type ${roleType} (AdminMenuServiceImpl#getMenuListByType)`);
      const result: { data: MenuVO | null; bi?: MenuVO | null } = { data: menuTree(db, realm) };
      // Types 2, 7 and 10 also get the bi tree, each with a different set of realms removed.
      const excluded = BI_EXCLUDED_REALMS[roleType];
      if (excluded) result.bi = menuTree(db, 'bi', excluded);
      return result;
    },
  },
];
