import type { Permission, RoleGroup } from '../../../common/domain';
import { WUKONG_ROLE_TYPES, WUKONG_SCOPED_MENU_IDS, type WukongCatalogue } from '../../../common/wukong';
import type { WukongMenu } from '../schemas';
import type { CatalogueSource } from '../../connector';

/** Role types whose catalogue `getMenuListByType` serves (1→manage, 2→crm+bi, 5→work, 7→oa, 8→project, 9→hrm, 10→jxc; §5.2). */
export const CATALOGUE_ROLE_TYPES: readonly number[] = WUKONG_ROLE_TYPES.map((t) => t.roleType);


export interface PulledCatalogue {
  permissions: Permission[];
  roleGroups: RoleGroup[];
  /**
   * `bundled`: the server's menus are exactly the bundled WukongCRM 11 catalogue (same ids, parents, realm paths,
   * kinds and names), so the bundled one, with English labels and sort order, is used. `server`: they differ,
   * and the catalogue is built from the server's trees (English labels where the bundled file knows the menu).
   */
  source: CatalogueSource;
}

/**
 * The permission catalogue from the `getMenuListByType` trees of every role type (§5.2). The `bi` tree is
 * served in slices (type 2 without oa/jxc, 7 only oa, 10 only jxc), so trees are merged by menu id.
 */
export function mapCatalogue(trees: ReadonlyArray<WukongMenu | null | undefined>, bundled: WukongCatalogue): PulledCatalogue {
  const rows = new Map<number, { menu: WukongMenu; key: string; sort: number }>();
  const walk = (menu: WukongMenu, parentKey: string | null, sort: number) => {
    const key = parentKey === null ? menu.realm : `${parentKey}:${menu.realm}`;
    if (!rows.has(menu.menuId)) rows.set(menu.menuId, { menu, key, sort });
    menu.childMenu.forEach((child, i) => walk(child, key, i));
  };
  for (const tree of trees) if (tree) walk(tree, null, 0);

  const serverPermissions: Permission[] = [...rows.values()].map(({ menu, key, sort }) => {
    const known = bundledById(bundled).get(String(menu.menuId));
    const kind = menu.menuType === 1 ? 'group' : 'action';
    return {
      id: String(menu.menuId),
      parentId: menu.parentId === 0 ? null : String(menu.parentId),
      key,
      kind,
      label: { 'zh-CN': menu.menuName, en: known && known.key === key ? known.label.en : menu.menuName },
      sort: known && known.key === key ? known.sort : sort,
      scoped: kind === 'action' && WUKONG_SCOPED_MENU_IDS.has(menu.menuId),
    };
  });
  const same = sameCatalogue(serverPermissions, bundled.permissions);
  const permissions = same ? bundled.permissions : serverPermissions;
  const ids = new Set(permissions.map((p) => p.id));
  const roleGroups = bundled.roleGroups.filter((g) => g.rootPermissionIds.every((root) => ids.has(root)));
  return { permissions, roleGroups, source: same ? 'bundled' : 'server' };
}

const indexes = new WeakMap<WukongCatalogue, Map<string, Permission>>();
function bundledById(bundled: WukongCatalogue): Map<string, Permission> {
  let index = indexes.get(bundled);
  if (!index) {
    index = new Map(bundled.permissions.map((p) => [p.id, p]));
    indexes.set(bundled, index);
  }
  return index;
}

function sameCatalogue(server: readonly Permission[], bundled: readonly Permission[]): boolean {
  if (server.length !== bundled.length) return false;
  const byId = new Map(bundled.map((p) => [p.id, p]));
  return server.every((p) => {
    const b = byId.get(p.id);
    return b !== undefined && b.parentId === p.parentId && b.key === p.key && b.kind === p.kind && b.label['zh-CN'] === p.label['zh-CN'];
  });
}
