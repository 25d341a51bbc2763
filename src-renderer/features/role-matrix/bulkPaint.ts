import type { LocalizedText } from '../../../src-main/common/domain';
import { isSensitiveKey } from '../../../src-main/common/wukong';
import type { CatalogueTree } from './catalogueTree';
import type { PaintPlan } from './paintPlan';

// One home for what counts as sensitive (common/wukong/sensitiveActions.ts); re-exported for this feature.
export { isSensitiveKey, SENSITIVE_ACTIONS } from '../../../src-main/common/wukong';

/** A bulk grant above this many cells asks first. */
export const CONFIRM_ABOVE_CELLS = 20;

/**
 * Whether a bulk gesture (a row / column fill, a rectangle of more than one cell) must be confirmed before it is
 * sent: a grant of more than 20 cells, or a grant of any sensitive action. Revokes never widen anyone's access:
 * they go through at once, with the toast to undo them. A single cell is a deliberate click and never asks.
 */
export function needsConfirmation(plan: PaintPlan, keyOf: (permissionId: string) => string | undefined): boolean {
  if (plan.brush !== 'grant' || plan.changed === 0) return false;
  return plan.changed > CONFIRM_ABOVE_CELLS || plan.cells.some((c) => c.permissionIds.some((id) => isSensitiveKey(keyOf(id))));
}

/**
 * A permission by its place in the catalogue, as administrators name it: "Customers › Delete", "客户 › 删除". The
 * realm's own node ("All / 全部") is left out; a permission outside the tree is shown by its key.
 */
export function permissionPath(tree: CatalogueTree, permissionId: string, localize: (text: LocalizedText) => string): string {
  const names: string[] = [];
  let node = tree.byId.get(permissionId);
  if (!node) return permissionId;
  while (node) {
    if (node.depth > 0) names.unshift(localize(node.permission.label));
    node = node.permission.parentId === null ? undefined : tree.byId.get(node.permission.parentId);
  }
  return names.length > 0 ? names.join(' › ') : localize(tree.byId.get(permissionId)!.permission.label);
}
