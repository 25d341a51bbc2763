/**
 * What a logged-in user reads their own permissions from: `POST /admin/index/authList`
 * (application/admin/controller/Index.php#authList) and the `authList` of the login answer, both
 * User.php#getMenuAndRule → #resetAuthorityFiled.
 *
 * The user's rules (those of their roles, status 1; for a super administrator — user 1 or a role with
 * types 1 — *every* rule, disabled ones included) become a tree; each complete module → controller →
 * action chain becomes `authList[module][controller][action] = true` (lowercase names; shorter chains are
 * dropped). Then fixed rewrites: admin → `manage` with renamed keys (groups → permission, users.index →
 * read, …) kept only when one of a list of admin rights is held; bi pruned by the enabled applications
 * (admin_config); oa.book / oa.taskExamine / oa.log / oa.calendar and project keys from admin_config;
 * crm.pool from customer pools; `crm.customer.pool` and `crm.followRecord` always present; empty objects
 * for email, hrm, jxc, knowledge.
 */
import { adminGroupTypes, apiCommonInit, checkAuthBehavior, listToTree, userGroups, type RuleNode, type RuleRow } from '../auth';
import type { Ctx } from '../context';
import { PhpObject, resultArray } from '../envelope';
import { stringToArray, type PhpValue } from '../php';
import type { Controller } from '../route';

type Node = { [key: string]: unknown };

const isObj = (v: unknown): v is Node => v !== null && typeof v === 'object' && !(v instanceof PhpObject) && !Array.isArray(v);
const get = (o: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((acc, k) => (isObj(acc) ? acc[k] : undefined), o);
/** PHP's `$a['x']['y'] = $v`: creates the arrays on the way. */
function put(o: Node, keys: string[], value: unknown): void {
  let cur = o;
  for (const k of keys.slice(0, -1)) {
    if (!isObj(cur[k])) cur[k] = {};
    cur = cur[k] as Node;
  }
  cur[keys.at(-1)!] = value;
}
const unset = (o: unknown, ...keys: string[]) => {
  const parent = get(o, ...keys.slice(0, -1));
  if (isObj(parent)) delete parent[keys.at(-1)!];
};
/** `!empty($a[…])`. */
const filled = (v: unknown) => !(v === undefined || v === null || v === false || v === 0 || v === '' || v === '0' || (isObj(v) && Object.keys(v).length === 0));
const clone = (v: unknown): unknown => (isObj(v) ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) : v);

/** rulesListToArray: three-level chains only. */
function rulesListToArray(tree: RuleNode[], ruleIds: number[]): Node {
  const out: Node = {};
  for (const v of tree) {
    if (!Array.isArray(v.children)) continue;
    for (const v1 of v.children) {
      if (!Array.isArray(v1.children)) continue;
      for (const v2 of v1.children) put(out, [v.name, v1.name, v2.name], ruleIds.includes(v2.id));
    }
  }
  return out;
}

export function authListOf(ctx: Ctx, userId: number): Node {
  let rules: RuleRow[];
  if (adminGroupTypes(ctx, userId).includes(1)) {
    // `$map['status'] = 1` is set on the wrong array: $ruleMap stays empty, so all rules are read.
    rules = ctx.db.all<RuleRow>('SELECT * FROM admin_rule ORDER BY id');
  } else {
    const ids = [...new Set(userGroups(ctx, userId).flatMap((g) => stringToArray(g.rules).map(String)))];
    rules = ids.length
      ? ctx.db.all<RuleRow>(`SELECT * FROM admin_rule WHERE id IN (${ids.map(() => '?').join(',')}) AND status = 1 ORDER BY id`, ...ids.map(Number))
      : [];
  }
  const ruleIds = rules.map((r) => r.id);
  const lowered = rules.map((r) => ({ ...r, name: r.name.toLowerCase() }));
  const authList = rulesListToArray(listToTree(lowered) as RuleNode[], ruleIds);

  const modules = ctx.db.all<{ module: string }>('SELECT module FROM admin_config WHERE pid = 0 AND status = 1 ORDER BY id').map((r) => r.module);
  const config = modules.length ? [...modules, 'bi', 'admin'] : ['bi', 'admin'];
  if (config.includes('book') && filled(get(authList, 'oa', 'addresslist', 'index'))) put(authList, ['oa', 'book', 'index'], true);
  if (filled(authList.bi)) {
    if (!config.includes('taskExamine') && !config.includes('crm')) delete authList.bi;
    else {
      if (!config.includes('taskExamine')) unset(authList, 'bi', 'oa');
      if (!config.includes('crm')) for (const k of ['customer', 'business', 'product', 'achievement', 'contract', 'portrait', 'ranking']) unset(authList, 'bi', k);
    }
  } else delete authList.bi;
  if (config.includes('taskExamine')) put(authList, ['oa', 'taskExamine'], new PhpObject());
  if (config.includes('work')) {
    const canSave = filled(get(authList, 'work', 'work', 'save'));
    put(authList, ['project', 'projectLabelManage', 'projectLabelAdd'], canSave);
    put(authList, ['project', 'projectLabelManage', 'projectLabelDelete'], canSave);
    put(authList, ['project', 'projectLabelManage', 'projectLabelUpdate'], canSave);
    put(authList, ['project', 'projectManage', 'save'], canSave);
  }
  if (config.includes('log')) put(authList, ['oa', 'log'], new PhpObject());
  if (config.includes('calendar')) put(authList, ['oa', 'calendar'], new PhpObject());
  const structureId = ctx.db.get<{ structure_id: number }>('SELECT structure_id FROM admin_user WHERE id = ?', userId)?.structure_id ?? null;
  const pool = ctx.db.get<{ pool_id: number }>(
    'SELECT pool_id FROM crm_customer_pool WHERE admin_user_ids LIKE ? OR user_ids LIKE ? OR department_ids LIKE ? ORDER BY pool_id LIMIT 1',
    `%,${userId},%`,
    `%,${userId},%`,
    `%,${structureId ?? ''},%`,
  );
  if (pool) put(authList, ['crm', 'pool'], { index: true });
  return resetAuthorityFields(authList);
}

/** User.php#resetAuthorityFiled, step by step. */
function resetAuthorityFields(a: Node): Node {
  const move = (from: string[], to: string[], when: 'isset' | 'filled' = 'filled') => {
    const v = get(a, ...from);
    if (when === 'isset' ? v !== undefined && v !== null : filled(v)) {
      put(a, to, v);
      unset(a, ...from);
    }
  };
  move(['crm', 'customer', 'deal_status'], ['crm', 'customer', 'dealStatus'], 'isset');
  move(['crm', 'customer', 'nearby'], ['crm', 'customer', 'nearbyCustomer'], 'isset');
  put(a, ['crm', 'customer', 'pool'], filled(get(a, 'crm', 'pool', 'index')));
  put(a, ['crm', 'followRecord'], clone(get(a, 'crm', 'activity')) ?? null);
  if (get(a, 'crm', 'contract', 'discard') !== undefined && get(a, 'crm', 'contract', 'discard') !== null) put(a, ['crm', 'contract', 'discard'], false);
  const setInvoice = get(a, 'crm', 'invoice', 'setinvoice');
  if (setInvoice !== undefined && setInvoice !== null) put(a, ['crm', 'invoice', 'updateInvoiceStatus'], setInvoice);
  if (filled(get(a, 'crm', 'invoice', 'index'))) put(a, ['crm', 'invoiceTitle', 'index'], true);
  unset(a, 'work', 'work');
  unset(a, 'work', 'task');
  unset(a, 'work', 'taskclass');
  move(['admin', 'system', 'index'], ['admin', 'system', 'read']);
  if (filled(get(a, 'admin', 'system', 'save'))) put(a, ['admin', 'system', 'update'], get(a, 'admin', 'system', 'save'));
  if (filled(get(a, 'admin', 'configset', 'index'))) put(a, ['admin', 'configSet', 'read'], get(a, 'admin', 'configset', 'index'));
  if (filled(get(a, 'admin', 'configset', 'update'))) put(a, ['admin', 'configSet', 'update'], get(a, 'admin', 'configset', 'update'));
  unset(a, 'admin', 'configset');
  move(['admin', 'users', 'index'], ['admin', 'users', 'read']);
  move(['admin', 'users', 'enables'], ['admin', 'users', 'userEnables']);
  move(['admin', 'users', 'save'], ['admin', 'users', 'userSave']);
  move(['admin', 'users', 'update'], ['admin', 'users', 'userUpdate']);
  move(['admin', 'users', 'structures_save'], ['admin', 'users', 'deptSave']);
  move(['admin', 'users', 'structures_update'], ['admin', 'users', 'deptUpdate']);
  move(['admin', 'users', 'structures_delete'], ['admin', 'users', 'deptDelete']);
  move(['admin', 'groups'], ['admin', 'permission']);
  move(['admin', 'examine_flow'], ['admin', 'examineFlow']);
  move(['admin', 'crm', 'printing'], ['admin', 'crm', 'print']);
  move(['admin', 'work', 'work'], ['admin', 'work', 'update']);
  move(['admin', 'adminlog', 'loginlog'], ['admin', 'adminLog', 'loginLog'], 'isset');
  move(['admin', 'adminlog', 'actionrecord'], ['admin', 'adminLog', 'actionRecord'], 'isset');
  move(['admin', 'adminlog', 'systemlog'], ['admin', 'adminLog', 'systemLog'], 'isset');
  unset(a, 'admin', 'adminlog');
  if (filled(get(a, 'admin', 'initialize'))) {
    put(a, ['admin', 'init', 'initData'], get(a, 'admin', 'initialize', 'update') ?? null);
    put(a, ['admin', 'init', 'index'], get(a, 'admin', 'initialize', 'index') ?? null);
    unset(a, 'admin', 'initialize');
  }
  if (filled(a.admin)) {
    a.manage = clone(a.admin);
    const adminAuth = ['configSet.read', 'crm.achievement', 'crm.field', 'crm.pool', 'crm.setting', 'examineFlow.index', 'init.initData', 'oa.examine', 'system.read', 'users.read', 'work.update', 'permission.update'];
    const manage = a.manage as Node;
    for (const [k1, v1] of Object.entries(manage)) {
      if (!isObj(v1)) continue;
      for (const k2 of Object.keys(v1)) if (adminAuth.includes(`${k1}.${k2}`)) manage.other_rule = { setwelcome: true, setworklogrule: true, welcome: true, worklogrule: true };
    }
  }
  if (!filled(get(a, 'manage', 'other_rule'))) delete a.manage;
  delete a.admin;
  a.email = new PhpObject();
  a.hrm = new PhpObject();
  a.jxc = new PhpObject();
  a.knowledge = new PhpObject();
  return a;
}

export const indexController: Controller = {
  name: 'index',
  init(ctx, action) {
    // Index.php#_initialize runs ApiCommon *before* the check_auth hook: without a login it is 302, not 101.
    apiCommonInit(ctx);
    checkAuthBehavior(ctx, { permission: [], allow: ['fields', 'fieldrecord', 'authlist', 'sort', 'updatesort', 'importnum', 'importinfo', 'importlist', 'readnotice'] }, 'admin', 'index', action);
    apiCommonInit(ctx);
  },
  actions: {
    authList: (ctx) => resultArray({ data: authListOf(ctx, ctx.userInfo!.id) as unknown as PhpValue }),
  },
};
