import type { LocalizedText, Permission } from '../domain';

export type CatalogueLocale = keyof LocalizedText;

/** Separator between the levels of a permission path, as in "Customers › View list". */
export const PATH_SEPARATOR = ' › ';

/**
 * A readable name for a catalogue node: its ancestors below the root, then itself ("Customers › View list",
 * "客户管理 › 查看列表"). The root (CRM, System settings, …) is left out because the role group already says it;
 * a root on its own is named by itself. Unknown ids come back as the id so a stale reference stays visible.
 */
export function permissionPathLabel(
  permissionsById: ReadonlyMap<string, Pick<Permission, 'parentId' | 'label'>>,
  id: string,
  locale: CatalogueLocale,
): string {
  const node = permissionsById.get(id);
  if (!node) return id;
  if (node.parentId === null) return node.label[locale];
  const parts: string[] = [];
  const seen = new Set<string>();
  for (let current: typeof node | undefined = node, currentId = id; current; ) {
    if (current.parentId === null || seen.has(currentId)) break; // stop at the root; never loop on a bad tree
    seen.add(currentId);
    parts.push(current.label[locale]);
    currentId = current.parentId;
    current = permissionsById.get(currentId);
  }
  return parts.reverse().join(PATH_SEPARATOR);
}

/** Index a permission list by id, for `permissionPathLabel`. */
export function indexPermissions<T extends Pick<Permission, 'id'>>(permissions: readonly T[]): Map<string, T> {
  return new Map(permissions.map((p) => [p.id, p]));
}
