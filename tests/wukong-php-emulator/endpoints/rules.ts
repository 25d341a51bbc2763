/**
 * The rule tree: application/admin/controller/Rules.php → application/admin/model/Rule.php#getDataList,
 * with extend/com/Category.php (depth-first listing) and extend/com/Tree.php (nesting).
 */
import { adminControllerInit, listToTree, type RuleRow } from '../auth';
import type { Ctx } from '../context';
import { whereIn } from '../db/where';
import { resultArray, type Answer } from '../envelope';
import { phpEmpty, phpInArray, phpInt, phpLooseEquals, phpTruthy, type PhpValue } from '../php';
import type { Controller } from '../route';
import { groupsToRules } from './groups';

interface ListedRule extends Omit<RuleRow, 'pid'> {
  pid?: number | null;
  label: string;
  structure_id: number;
  check?: boolean;
}

/**
 * Category::getList('', 0, 'id'): every rule ordered by id, walked depth-first from pid 0 (compared
 * loosely, so NULL counts as 0); `level` is replaced by the depth, `label` = name, `structure_id` = id.
 */
function categoryList(rows: RuleRow[]): ListedRule[] {
  const out: ListedRule[] = [];
  const walk = (fid: number, level: number, seen: Set<number>) => {
    for (const r of rows) {
      if ((r.pid ?? 0) !== fid || seen.has(r.id)) continue;
      seen.add(r.id);
      out.push({ ...r, level, label: r.name, structure_id: r.id });
      walk(r.id, level + 1, seen);
    }
  };
  walk(0, 1, new Set());
  return out;
}

/**
 * `type` == 'tree' (loose: an integer 0 is 'tree' too): the category's rule types only, enabled rules
 * only, rule id 31 always left out (hard-coded), nested under `children`, `pid` removed, `check: false`.
 * Otherwise: a flat list of the category's rules, disabled ones included, as the table has them.
 * `pid` is the role category (default 0 = customer roles: rule types 2 and 6).
 */
function index(ctx: Ctx): Answer {
  const p = ctx.param;
  const groupPid: PhpValue = phpTruthy(p.pid) ? (p.pid as PhpValue) : 0;
  const types = groupsToRules(groupPid);
  if (phpLooseEquals(p.type, 'tree')) {
    const all = ctx.db.all<RuleRow>('SELECT * FROM admin_rule ORDER BY id');
    const kept = categoryList(all).filter((r) => {
      if (r.id === 31) return false;
      r.check = false;
      if (types.length && !phpInArray(phpInt(r.types), types)) return false;
      return !phpEmpty(r.status);
    });
    const tree = listToTree(kept.map((r) => ({ ...r, pid: r.pid ?? null })) as (ListedRule & { id: number; pid: number | null })[]);
    const strip = (nodes: Record<string, unknown>[]): unknown[] =>
      nodes.map((n) => {
        const { pid: _pid, children, ...rest } = n as Record<string, unknown> & { children?: Record<string, unknown>[] };
        return children ? { ...rest, children: strip(children) } : rest;
      });
    return resultArray({ data: strip(tree as unknown as Record<string, unknown>[]) as PhpValue });
  }
  const cond = whereIn('admin_rule', 'types', types);
  return resultArray({ data: ctx.db.all<RuleRow>(`SELECT * FROM admin_rule WHERE ${cond.sql} ORDER BY id`, ...cond.params) as unknown as PhpValue });
}

export const rulesController: Controller = {
  name: 'rules',
  init(ctx, action) {
    // Rules.php#_initialize: index is open to any logged-in user.
    adminControllerInit(ctx, { permission: [''], allow: ['index'] }, 'rules', action);
  },
  actions: { index },
};
