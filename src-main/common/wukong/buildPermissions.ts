import type { Permission } from '../domain';
import { WUKONG_SCOPED_MENU_IDS } from './constants';
import { WUKONG_FILES, WukongCatalogueError, type WukongEnglishLabels, type WukongMenuRow } from './rawSchemas';

/**
 * Map `wk_admin_menu` rows to catalogue permissions (reference §5.1).
 * - key = realm path joined with ':' along the parent chain (`crm:customer:index`);
 * - menuType 1 is a directory → 'group'; 3, 2, 4 and the three NULL JXC rows are grantable → 'action';
 * - English labels: directories by realm path, actions by realm path first, then by Chinese name.
 * Throws when a parent is missing, ids repeat, the parent chain loops, or a label has no English text.
 */
export function buildPermissions(rows: readonly WukongMenuRow[], english: WukongEnglishLabels): Permission[] {
  const byId = new Map<number, WukongMenuRow>();
  for (const [index, row] of rows.entries()) {
    if (byId.has(row.menuId)) fail(`[${index}].menuId: menu ${row.menuId} appears twice`);
    byId.set(row.menuId, row);
  }
  for (const [index, row] of rows.entries()) {
    if (row.parentId !== 0 && !byId.has(row.parentId)) {
      fail(`[${index}].parentId: menu ${row.menuId} points at parent ${row.parentId}, which does not exist`);
    }
  }

  const keyOf = (row: WukongMenuRow): string => {
    const realms: string[] = [];
    const seen = new Set<number>();
    for (let node: WukongMenuRow | undefined = row; node; node = byId.get(node.parentId)) {
      if (seen.has(node.menuId)) fail(`parentId: menu ${row.menuId} is its own ancestor (the chain loops at ${node.menuId})`);
      seen.add(node.menuId);
      realms.push(node.realm);
    }
    return realms.reverse().join(':');
  };

  return rows.map((row, index): Permission => {
    const key = keyOf(row);
    const kind = row.menuType === 1 ? 'group' : 'action';
    return {
      id: String(row.menuId),
      parentId: row.parentId === 0 ? null : String(row.parentId),
      key,
      kind,
      label: { 'zh-CN': row.menuName, en: englishLabel(row, key, kind, index, english) },
      sort: row.sort,
      scoped: kind === 'action' && WUKONG_SCOPED_MENU_IDS.has(row.menuId),
    };
  });
}

function englishLabel(
  row: WukongMenuRow,
  key: string,
  kind: 'group' | 'action',
  index: number,
  english: WukongEnglishLabels,
): string {
  if (kind === 'group') {
    const label = english.modules[key];
    if (!label) fail(`[${index}].realm: directory ${row.menuId} (${key}, ${row.menuName}) has no English name in ${WUKONG_FILES.english} modules`);
    return label;
  }
  const label = english.actions[key] ?? english.actions[row.menuName];
  if (!label) fail(`[${index}].menuName: action ${row.menuId} (${key}) "${row.menuName}" has no English name in ${WUKONG_FILES.english} actions`);
  return label;
}

function fail(message: string): never {
  throw new WukongCatalogueError(`${WUKONG_FILES.menus}: ${message}`);
}
