import type { Permission, RoleGroup } from '../../../common/domain';
import type { PhpRoleCategory, PhpRuleNode } from '../schemas';
import { categoryLabel, ruleLabel } from './labels';

/**
 * The role categories that carry a data scope. Only the CRM category's role screen shows the 数据权限 radio, and
 * only CRM and BI list endpoints filter by it (`getUserByPer('crm'|'bi', …)` across application/crm, application/bi;
 * `Group::getDataList` reports `type` 0 for roles of categories 1, 5, 6, 9 in its split view).
 */
export const SCOPED_CATEGORIES: ReadonlySet<number> = new Set([2]);

/** Rule `types` whose actions are filtered by the data scope: 2 客户管理 and 6 商业智能(客户) (5kcrm.sql column comment). */
const SCOPED_RULE_TYPES: ReadonlySet<number> = new Set([2, 6]);
/**
 * CRM actions whose records `User::getUserByPer` restricts (application/admin/model/User.php getUserByPer, called by
 * application/crm/model/*.php with index/read/update/delete/teamSave/cancel); every BI `read` is restricted too.
 */
const SCOPED_CRM_ACTIONS: ReadonlySet<string> = new Set(['index', 'read', 'update', 'delete', 'teamsave', 'cancel']);

export interface PulledCatalogue {
  permissions: Permission[];
  roleGroups: RoleGroup[];
}

/**
 * The catalogue from the rule tree of each category (`/admin/rules/index {type:'tree', pid}`): levels 1 (module) and
 * 2 (controller) are groups, level 3 (action) is what a role is granted for; the permission string the server
 * checks is `m-c-a` (extend/com/HonrayAuth.php, `rulesDeal`). Keys are `m:c:a`. Categories become role groups whose
 * roots are their trees' top nodes (2 → crm + bi, 6 → oa + bi-oa, 1 → admin, 9 → work).
 */
export function mapCatalogue(categories: readonly PhpRoleCategory[], trees: ReadonlyMap<number, readonly PhpRuleNode[]>): PulledCatalogue {
  const permissions: Permission[] = [];
  const seen = new Set<number>();
  const walk = (node: PhpRuleNode, parent: { id: string; key: string } | null, sort: number) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    const id = String(node.id);
    const key = parent ? `${parent.key}:${node.name}` : node.name;
    const kind = node.level >= 3 ? 'action' : 'group';
    const actionName = node.name.toLowerCase();
    const scoped =
      kind === 'action' && SCOPED_RULE_TYPES.has(node.types) && (node.types === 6 ? actionName === 'read' : SCOPED_CRM_ACTIONS.has(actionName));
    permissions.push({ id, parentId: parent?.id ?? null, key, kind, label: ruleLabel(node.title, node.name, node.level), sort, scoped });
    node.children.forEach((child, i) => walk(child, { id, key }, i));
  };
  const roleGroups: RoleGroup[] = [];
  for (const category of categories) {
    const tree = trees.get(category.pid) ?? [];
    tree.forEach((root, i) => walk(root, null, i));
    roleGroups.push({
      id: String(category.pid),
      label: categoryLabel(category.pid, category.name),
      rootPermissionIds: tree.map((root) => String(root.id)),
      hasDataScope: SCOPED_CATEGORIES.has(category.pid),
    });
  }
  return { permissions, roleGroups };
}
