/**
 * Who may call what, as the PHP decides it on every request:
 *
 * 1. `Hook::listen('check_auth', $action)` → application/common/behavior/AuthenticateBehavior.php: the
 *    login is looked up by `trim(authkey header)` (+ `_platform`); none → `exit {"code":101,"error":"请先登录"}`.
 *    User 1, actions in the controller's `allow` list and holders of a role with `types` 1 pass; the rest
 *    need the rule `module-controller-action` (checkPerByAction), else `exit {"code":102,"error":"无权操作"}`.
 * 2. `ApiCommon::_initialize` (application/admin/controller/ApiCommon.php): both `sessionId` and
 *    `authKey` headers non-empty and the cache entry present, else `exit {"code":302,"data":{"extra":1,
 *    "extraTime":"H:i"},"msg":"请先登录!"}`; the user's row must have status 1 or 2, else
 *    `exit {"code":103,"data":[],"msg":"账号已被删除或禁用"}`; then the cache lifetime is renewed. The sessionId
 *    value itself is never compared with anything.
 * 3. Controllers add their own checks (Groups.php: all but index/typeList need `admin-groups-update`).
 *
 * `checkPerByAction` (application/common.php) reads the cache by the *untrimmed* authkey header and
 * without platform; `HonrayAuth::check` (extend/com/HonrayAuth.php) builds the user's rule names from the
 * rules (status 1) of their roles: only chains whose every ancestor is granted count, so a role holding
 * rule `update` under `groups` but not `groups` and `admin` themselves grants nothing.
 */
import { createHash } from 'node:crypto';
import { headerTrim, type Ctx, type UserRow } from './context';
import { PhpExit } from './envelope';
import { stringToArray, type PhpValue } from './php';

export const md5 = (s: string) => createHash('md5').update(s, 'utf8').digest('hex');
const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

/** `user_md5($str, $auth_key)` (application/common.php): `md5(sha1($str) . md5($str . $auth_key))`, '' for ''. */
export function userMd5(str: string, authKey = ''): string {
  return str === '' ? '' : md5(sha1(str) + md5(str + authKey));
}

export interface GroupRow {
  id: number;
  pid: number;
  title: string;
  rules: string;
  remark: string;
  status: number | null;
  type: number;
  types: number;
  system: number;
}

export interface RuleRow {
  id: number;
  types: number;
  title: string;
  name: string;
  level: number;
  pid: number | null;
  status: number | null;
}

/**
 * `$userModel->get($uid)->groups` (User.php#groups, belongsToMany through admin_access): the roles joined
 * to the user's access rows, in access-row order (a duplicated row repeats the role); none when the user
 * does not exist.
 */
export function userGroups(ctx: Ctx, userId: number): GroupRow[] {
  if (!ctx.db.get('SELECT 1 FROM admin_user WHERE id = ?', userId)) return [];
  return ctx.db.all<GroupRow>('SELECT g.* FROM admin_access a JOIN admin_group g ON g.id = a.group_id WHERE a.user_id = ? ORDER BY a.rowid', userId);
}

/** `adminGroupTypes($user_id)` (application/common.php): the distinct `types` of the user's roles, plus 1 for user 1. */
export function adminGroupTypes(ctx: Ctx, userId: number): number[] {
  const ids = userGroups(ctx, userId).map((g) => g.id);
  const types = ids.length
    ? ctx.db.all<{ types: number }>(`SELECT DISTINCT types FROM admin_group WHERE id IN (${ids.map(() => '?').join(',')})`, ...ids).map((r) => r.types)
    : [];
  if (userId === 1) types.push(1);
  return types;
}

export interface RuleNode extends RuleRow {
  children?: RuleNode[];
}

/**
 * `Tree::list_to_tree($list, 'id', 'pid', 'child', 0, true)` (extend/com/Tree.php): roots are rows with
 * pid NULL or 0; a row whose parent is not in the list is dropped (strict), children nest under `children`.
 */
export type Tree<T> = T & { children?: Tree<T>[] };

export function listToTree<T extends { id: number; pid: number | null }>(rows: T[]): Tree<T>[] {
  const nodes = rows.map((r) => ({ ...r }) as Tree<T>);
  const byId = new Map<number, Tree<T>>();
  for (const n of nodes) byId.set(n.id, n);
  const roots: Tree<T>[] = [];
  for (const n of nodes) {
    if (n.pid === null || n.pid === 0) roots.push(n);
    else {
      const parent = byId.get(n.pid);
      if (parent) (parent.children ??= []).push(n);
    }
  }
  return roots;
}

/** `rulesDeal($tree)` (application/common.php): `m-c-a` for each leaf at depth 3, `m-c` / `m` for shorter chains. */
export function rulesDeal(tree: RuleNode[]): string[] {
  const out: string[] = [];
  for (const v1 of tree) {
    if (!v1.children) {
      out.push(v1.name);
      continue;
    }
    for (const v2 of v1.children) {
      if (!v2.children) out.push(`${v1.name}-${v2.name}`);
      else for (const v3 of v2.children) out.push(`${v1.name}-${v2.name}-${v3.name}`);
    }
  }
  return out;
}

/** Rule ids of the user's roles: `explode(',', trim($g['rules'], ','))` of each, deduplicated. */
function ruleIdsOfGroups(groups: GroupRow[]): string[] {
  const ids: string[] = [];
  for (const g of groups) ids.push(...String(g.rules ?? '').replace(/^,+|,+$/g, '').split(','));
  return [...new Set(ids)];
}

/** `HonrayAuth::getAuthList($uid)`: the lowercase `m-c-a` names the user holds. */
export function honrayAuthList(ctx: Ctx, userId: number): string[] {
  const ids = ruleIdsOfGroups(userGroups(ctx, userId));
  if (ids.length === 0) return [];
  const rules = ctx.db
    .all<RuleRow>(`SELECT * FROM admin_rule WHERE id IN (${ids.map(() => '?').join(',')}) AND status = 1 ORDER BY id`, ...ids.map((i) => (i === '' ? '' : Number(i))))
    .map((r) => ({ ...r, name: r.name.toLowerCase() }));
  return rulesDeal(listToTree(rules));
}

/** `checkPerByAction($m, $c, $a)` (application/common.php). */
export function checkPerByAction(ctx: Ctx, m: string, c: string, a: string): boolean {
  // The cache is read by the raw header (not trimmed) and without the platform suffix.
  const entry = ctx.cache.get('Auth_' + (ctx.req.headers.authkey ?? ''));
  if (!entry) return false;
  const uid = entry.userInfo.id;
  if (adminGroupTypes(ctx, uid).includes(1)) return true;
  // AuthAdapter::checkIntime: user 1 always passes.
  if (uid === 1) return true;
  return honrayAuthList(ctx, uid).includes(`${m}-${c}-${a}`.toLowerCase());
}

export interface ActionLists {
  permission: string[];
  allow: string[];
}

/** AuthenticateBehavior::run (the `check_auth` hook). `action` is the lowercase action name. */
export function checkAuthBehavior(ctx: Ctx, lists: ActionLists, m: string, c: string, action: string): void {
  const userInfo = ctx.cache.get('Auth_' + headerTrim(ctx.req.headers.authkey) + ctx.platform)?.userInfo;
  if (lists.permission.includes(action)) return;
  if (!userInfo?.id) throw new PhpExit({ code: 101, error: '请先登录' });
  if (userInfo.id === 1) return;
  if (lists.allow.includes(action)) return;
  if (adminGroupTypes(ctx, userInfo.id).includes(1)) return;
  if (!checkPerByAction(ctx, m, c, action)) throw new PhpExit({ code: 102, error: '无权操作' });
}

const hm = (d: Date) => {
  // date('H:i') in PRC time (config default_timezone).
  const prc = new Date(d.getTime() + 8 * 3600_000);
  return `${String(prc.getUTCHours()).padStart(2, '0')}:${String(prc.getUTCMinutes()).padStart(2, '0')}`;
};

/** ApiCommon::_initialize. */
export function apiCommonInit(ctx: Ctx): void {
  const authKey = headerTrim(ctx.req.headers.authkey);
  const sessionId = headerTrim(ctx.req.headers.sessionid);
  const entry = ctx.cache.get('Auth_' + authKey + ctx.platform);
  if (sessionId === '' || authKey === '' || !entry) {
    throw new PhpExit({ code: 302, data: { extra: 1, extraTime: hm(new Date()) }, msg: '请先登录!' });
  }
  const live = ctx.db.get<UserRow>('SELECT * FROM admin_user WHERE id = ? AND status IN (1, 2)', entry.userInfo.id);
  if (!live) throw new PhpExit({ code: 103, data: [], msg: '账号已被删除或禁用' });
  // Cache::set('Auth_'.$authKey, $cache, $loginExpire): renewed under the key without platform.
  ctx.cache.set('Auth_' + authKey, entry);
}

/** The common prologue of an admin controller: check_auth hook, then ApiCommon (unless the action is unrestricted). */
export function adminControllerInit(ctx: Ctx, lists: ActionLists, controller: string, action: string): void {
  checkAuthBehavior(ctx, lists, 'admin', controller, action);
  if (!lists.permission.includes(action)) apiCommonInit(ctx);
}

/** `exit(json_encode(['code'=>102,'error'=>'无权操作']))` unless checkPerByAction passes. */
export function requirePermission(ctx: Ctx, m: string, c: string, a: string): void {
  if (!checkPerByAction(ctx, m, c, a)) throw new PhpExit({ code: 102, error: '无权操作' });
}

/** `SystemActionLog(...)` (application/common.php): one admin_system_log row per admin write. */
export function systemActionLog(ctx: Ctx, userId: PhpValue | undefined, types: string, moduleName: string, actionId: PhpValue | undefined, actionName: string, targetName: PhpValue | undefined, content: string): void {
  ctx.db.insert('admin_system_log', {
    user_id: userId ?? null,
    create_time: ctx.now(),
    client_ip: ctx.req.ip,
    action_id: actionId ?? null,
    action_name: actionName,
    target_name: targetName ?? null,
    module_name: moduleName,
    controller_name: types,
    content,
  });
}

/** `stringToArray($group['rules'])` as numbers where they are numeric (the ids a role grants). */
export function ruleIdsOf(rules: string | null): number[] {
  return stringToArray(rules ?? '').map((v) => Number(v));
}
