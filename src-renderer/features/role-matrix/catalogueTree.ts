import type { LocalizedText, Permission } from '../../../src-main/common/domain';

/** A node of the permission catalogue with its place in the tree and the actions below it. */
export interface CatalogueNode {
  permission: Permission;
  depth: number;
  children: CatalogueNode[];
  /** The grantable actions at or below this node, in display order: what a row fill paints. */
  actionIds: string[];
}

export interface CatalogueTree {
  roots: CatalogueNode[];
  byId: Map<string, CatalogueNode>;
}

/** Builds the tree once per catalogue; children keep the catalogue's `sort`, then its list order. */
export function buildCatalogueTree(permissions: readonly Permission[]): CatalogueTree {
  const byId = new Map<string, CatalogueNode>();
  permissions.forEach((permission) => byId.set(permission.id, { permission, depth: 0, children: [], actionIds: [] }));
  const roots: CatalogueNode[] = [];
  for (const node of byId.values()) {
    const parent = node.permission.parentId === null ? undefined : byId.get(node.permission.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const finish = (node: CatalogueNode, depth: number): string[] => {
    node.depth = depth;
    node.children.sort((a, b) => a.permission.sort - b.permission.sort);
    const below = node.children.flatMap((child) => finish(child, depth + 1));
    node.actionIds = node.permission.kind === 'action' ? [node.permission.id, ...below] : below;
    return node.actionIds;
  };
  roots.sort((a, b) => a.permission.sort - b.permission.sort);
  roots.forEach((root) => finish(root, 0));
  return { roots, byId };
}

/** Every permission id at or below the given roots: a role type's catalogue (what its roles may be granted). */
export function catalogueBelow(tree: CatalogueTree, rootIds: readonly string[]): Set<string> {
  const out = new Set<string>();
  const walk = (node: CatalogueNode) => {
    out.add(node.permission.id);
    node.children.forEach(walk);
  };
  for (const id of rootIds) {
    const node = tree.byId.get(id);
    if (node) walk(node);
  }
  return out;
}

/** One visible line of the matrix. Actions carry cells; groups carry an aggregate and fill their subtree. */
export interface MatrixRow {
  node: CatalogueNode;
  expandable: boolean;
  expanded: boolean;
}

export interface RowFilter {
  collapsed: ReadonlySet<string>;
  /** Show only this subtree (a module or a top-level realm). */
  moduleId: string | null;
  query: string;
  /** Keeps an action row (the "differences only" filter); groups stay when any descendant stays. */
  keepAction?: (permissionId: string) => boolean;
}

/**
 * The rows to draw, depth first. A search shows matching nodes with their ancestors and ignores collapsing, so
 * a hit is never hidden inside a closed group; matching a group keeps its whole subtree.
 */
export function visibleRows(tree: CatalogueTree, filter: RowFilter): MatrixRow[] {
  const query = filter.query.trim().toLowerCase();
  const start = filter.moduleId ? [tree.byId.get(filter.moduleId)].filter((n): n is CatalogueNode => n !== undefined) : tree.roots;
  const out: MatrixRow[] = [];
  const matches = (node: CatalogueNode) => query === '' || textMatches(node.permission.label, node.permission.key, query);
  const kept = (node: CatalogueNode, inheritedMatch: boolean): boolean => {
    const selfMatch = inheritedMatch || matches(node);
    const childKept = node.children.map((child) => kept(child, selfMatch)).some(Boolean);
    const isAction = node.permission.kind === 'action';
    const passesDiff = !isAction || !filter.keepAction || filter.keepAction(node.permission.id);
    const keep = (selfMatch && passesDiff && (isAction || node.children.length === 0 ? true : childKept)) || childKept;
    keepMap.set(node, keep);
    return keep;
  };
  const keepMap = new Map<CatalogueNode, boolean>();
  start.forEach((node) => kept(node, false));
  const emit = (node: CatalogueNode) => {
    if (!keepMap.get(node)) return;
    const expandable = node.children.length > 0;
    const expanded = expandable && (query !== '' || !filter.collapsed.has(node.permission.id));
    out.push({ node, expandable, expanded });
    if (expanded) node.children.forEach(emit);
  };
  start.forEach(emit);
  return out;
}

function textMatches(label: LocalizedText, key: string, query: string): boolean {
  return label.en.toLowerCase().includes(query) || label['zh-CN'].includes(query) || key.toLowerCase().includes(query);
}

/** The modules offered by the module filter: each realm (depth 0) and its modules (depth 1). */
export function moduleOptions(tree: CatalogueTree): CatalogueNode[] {
  return tree.roots.flatMap((root) => [root, ...root.children.filter((c) => c.children.length > 0)]);
}
