import { useMemo } from 'react';
import type { RoleMatrix } from '../../../src-main/common/ipc';
import { buildCatalogueTree, moduleOptions, visibleRows, type CatalogueNode } from './catalogueTree';
import { rolesDiffer } from './cellState';
import type { MatrixFilters } from './MatrixToolbar';
import { buildAllColumns, columnBands, filterColumns } from './roleColumns';

/**
 * Everything the permission grid draws, derived from the projection and the filters: the catalogue tree,
 * the visible rows (module, search, collapse, differences-only) and the visible role columns with their bands.
 */
export function useMatrixModel(data: RoleMatrix, filters: MatrixFilters, collapsed: ReadonlySet<string>) {
  const tree = useMemo(() => buildCatalogueTree(data.permissions), [data.permissions]);
  const allColumns = useMemo(() => buildAllColumns(data, tree), [data, tree]);
  const columns = useMemo(
    () => filterColumns(allColumns, { roleQuery: filters.roleQuery, compareIds: filters.comparing ? filters.compareIds : null }),
    [allColumns, filters.roleQuery, filters.comparing, filters.compareIds],
  );
  const rows = useMemo(() => {
    const scoped = (id: string) => tree.byId.get(id)?.permission.scoped ?? false;
    return visibleRows(tree, {
      collapsed,
      moduleId: filters.moduleId,
      query: filters.permissionQuery,
      keepAction: filters.differencesOnly ? (id) => rolesDiffer(columns, id, scoped(id)) : undefined,
    });
  }, [tree, collapsed, filters.moduleId, filters.permissionQuery, filters.differencesOnly, columns]);
  const bands = useMemo(() => columnBands(columns), [columns]);
  const modules = useMemo(() => moduleOptions(tree), [tree]);
  return { tree, columns, rows, bands, modules };
}

/**
 * A node's name in the current language. The realms' own label is just "全部 / All" in WukongCRM, so the
 * top level adds its realm key to tell them apart.
 */
export function nodeName(node: CatalogueNode, localized: (text: { 'zh-CN': string; en: string }) => string): string {
  const label = localized(node.permission.label);
  return node.depth === 0 ? `${label} (${node.permission.key})` : label;
}
