/**
 * People and their roles: application/admin/controller/Users.php with application/admin/model/User.php,
 * model/Access.php, model/Common.php (fmtRequest, enableDatas), validate/AdminUser.php. Cited as
 * Users.php / User.php below.
 */
import { adminControllerInit, adminGroupTypes, listToTree, md5, requirePermission, rulesDeal, systemActionLog, userGroups, userMd5, type RuleRow } from '../auth';
import type { Ctx } from '../context';
import { mysqlErrors, PhpException } from '../db/mysql';
import { TABLE } from '../db/schema';
import { modelGet, rawNumber, whereEq, whereIn, type Cond } from '../db/where';
import { resultArray, type Answer } from '../envelope';
import { isPhpArray, phpArrayUnique, phpEmpty, phpInArray, phpInt, phpIsNumeric, phpLooseEquals, phpString, phpTruthy, phpValues, stringToArray, type Params, type PhpValue } from '../php';
import type { Controller } from '../route';

interface UserListRow {
  id: number;
  username: string;
  img: string;
  thumb_img: string;
  realname: string;
  num: string;
  email: string;
  mobile: string;
  sex: string;
  structure_id: number | string;
  post: string;
  status: number;
  parent_id: number;
  type: number;
  create_time: number | string;
  s_name: string | null;
  [extra: string]: unknown;
}

/** `date('Y-m-d H:i:s', $t)` in PRC time (config/config.php default_timezone). */
export function prcDateTime(seconds: number, withTime = true): string {
  const d = new Date(seconds * 1000 + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const date = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
  return withTime ? `${date} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}` : date;
}

/** `getFullPath($path)` (application/common.php): `http://<Host>` + the path without its first character. */
export const fullPath = (ctx: Ctx, path: string | null | undefined) => (path ? `http://${ctx.req.host}${path.slice(1)}` : '');

/** getSubUser($userId): every user below `userId` through parent_id (all statuses), depth-first. */
export function subUsers(ctx: Ctx, userId: number): number[] {
  const all = ctx.db.all<{ id: number; parent_id: number }>('SELECT id, parent_id FROM admin_user ORDER BY id');
  const walk = (id: number, queried: number[]): number[] => {
    const sub = all.filter((u) => u.parent_id === id).map((u) => u.id);
    const out = [...sub];
    for (const v of sub) {
      if (queried.includes(v)) continue;
      queried.push(v);
      out.push(...walk(v, queried));
    }
    return out;
  };
  return walk(userId, []);
}

const userColumns = new Set(TABLE.admin_user!.columns.map((c) => c.name));
const structureColumns = new Set(TABLE.admin_structure!.columns.map((c) => c.name));

/** A leftover request key becomes `WHERE key = value` on the users ⋈ departments join. */
function extraCondition(key: string, value: PhpValue): Cond {
  const [table, column] = key.includes('.') ? key.split('.', 2) : [undefined, key];
  const col = column ?? key;
  const inUser = userColumns.has(col);
  const inStructure = structureColumns.has(col);
  let qualified: string;
  if (table === 'user' && inUser) qualified = 'user';
  else if (table === 'structure' && inStructure) qualified = 'structure';
  else if (table === undefined && inUser && inStructure) throw mysqlErrors.ambiguous(col);
  else if (table === undefined && (inUser || inStructure)) qualified = inUser ? 'user' : 'structure';
  else throw mysqlErrors.unknownColumn(key);
  const cond = whereEq(qualified === 'user' ? 'admin_user' : 'admin_structure', col, value);
  return { sql: cond.sql.replace(`"${col}"`, `${qualified}."${col}"`), params: cond.params };
}

/** `structureList($id, '')` (application/admin/common.php): the department and all below it, as "a,b,c". */
function structureTree(ctx: Ctx, id: number): number[] {
  const out = [id];
  for (const c of ctx.db.all<{ id: number }>('SELECT id FROM admin_structure WHERE pid = ? ORDER BY id', id)) out.push(...structureTree(ctx, c.id));
  return out;
}

/**
 * User.php#getDataList. The traps: without `status` (or `group_id`) only *disabled* users (status 0) are
 * listed — send `status: 'all'` for everyone, 1 / 2 for one status, 3 for "created in the last 7 days";
 * `structure_id` lists that department only unless `isNeedChild: 1`; `pageType` truthy = no paging;
 * any other key is turned into a WHERE condition (an unknown column → HTTP 500). SQL orders by
 * status 1, 2, 0 then id, but the page is then re-sorted (array_multisort) by userIdentity (0 = user 1,
 * 1 = owner of the requested department, 2 = everyone else) and id — so within a page status order is lost.
 */
function index(ctx: Ctx): Answer {
  const request: Params = { ...ctx.param };
  const needChild = request.isNeedChild;
  delete request.isNeedChild;
  // Common.php#fmtRequest
  const pageAll = phpTruthy(request.pageType);
  let page: PhpValue = 1;
  let limit: PhpValue = 15;
  if (request.page !== undefined && phpIsNumeric(request.page)) {
    page = request.page as PhpValue;
    delete request.page;
  }
  if (request.limit !== undefined && phpIsNumeric(request.limit)) {
    limit = request.limit as PhpValue;
    delete request.limit;
  }
  if (pageAll) {
    page = 1;
    limit = 0;
    delete request.pageType;
  } else if (phpTruthy(request.sub_page) && phpTruthy(request.sub_limit)) {
    delete request.sub_page;
    delete request.sub_limit;
  }
  const map = request;
  const where: Cond[] = [];
  if (phpTruthy(map.search)) {
    const like = `%${phpString(map.search ?? null)}%`;
    where.push({ sql: '(user.username LIKE ? OR user.realname LIKE ?)', params: [like, like] });
  }
  delete map.search;
  if (phpTruthy(map.group_id)) {
    const byGroup = whereEq('admin_access', 'group_id', map.group_id);
    let ids: PhpValue[] = ctx.db.all<{ user_id: number }>(`SELECT user_id FROM admin_access WHERE ${byGroup.sql} ORDER BY rowid`, ...byGroup.params).map((r) => r.user_id);
    if (phpLooseEquals(map.group_id, 1) && ids.length === 0) ids = ['1'];
    const c = whereIn('admin_user', 'id', ids);
    where.push({ sql: c.sql.replace('"id"', 'user."id"'), params: c.params });
  }
  if (phpTruthy(map.structure_id)) {
    const ids = phpLooseEquals(needChild, 1) ? structureTree(ctx, rawNumber(map.structure_id, '')) : map.structure_id;
    const c = whereIn('admin_user', 'structure_id', ids as PhpValue);
    where.push({ sql: c.sql.replace('"structure_id"', 'user."structure_id"'), params: c.params });
  }
  const ownerCond = whereEq('admin_structure', 'id', map.structure_id);
  const owner = ctx.db.get<{ owner_user_id: number | null }>(`SELECT owner_user_id FROM admin_structure WHERE ${ownerCond.sql} LIMIT 1`, ...ownerCond.params)?.owner_user_id ?? null;
  delete map.structure_id;
  if (phpTruthy(map.status) || phpTruthy(map.group_id)) {
    if (!phpLooseEquals(map.status, 3)) {
      if (map.status === 'all') where.push({ sql: 'user.status >= 0', params: [] });
      else if (phpTruthy(map.status)) {
        const c = whereEq('admin_user', 'status', map.status);
        where.push({ sql: c.sql.replace('"status"', 'user."status"'), params: c.params });
      } else where.push({ sql: 'user.status > 0', params: [] });
    } else where.push({ sql: 'user.create_time > ?', params: [ctx.now() - 86400 * 7] });
  } else where.push({ sql: 'user.status = 0', params: [] });
  where.push({ sql: 'user.type = 1', params: [] });
  for (const k of ['search', 'group_id', 'structure_id', 'status', 'type', 'page', 'limit', 'pageType']) delete map[k];
  for (const [k, v] of Object.entries(map)) if (v !== undefined) where.push(extraCondition(k, v));

  const sqlWhere = where.map((w) => w.sql).join(' AND ');
  const params = where.flatMap((w) => w.params);
  const from = 'admin_user user LEFT JOIN admin_structure structure ON structure.id = user.structure_id';
  const dataCount = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${from} WHERE ${sqlWhere}`, ...params)?.n ?? 0;
  // ->limit(($page - 1) * $limit, $limit): intval'd; no LIMIT when it renders as "0"; a negative one is a syntax error.
  const offset = Math.trunc((Number(page) - 1) * Number(limit));
  const length = Math.trunc(Number(limit));
  const limitSql = phpTruthy(limit) ? `${offset},${length}` : String(offset);
  if (offset < 0 || length < 0) throw mysqlErrors.syntax(limitSql);
  const sqliteLimit = limitSql === '0' ? '' : phpTruthy(limit) ? ` LIMIT ${length} OFFSET ${offset}` : ` LIMIT ${offset}`;
  const list = ctx.db.all<UserListRow>(
    `SELECT user.id, user.username, user.img, user.thumb_img, user.realname, user.num, user.email, user.mobile, user.sex, user.structure_id, user.post, user.status, user.parent_id, user.type, user.create_time, structure.name AS s_name
     FROM ${from} WHERE ${sqlWhere}
     ORDER BY CASE user.status WHEN 1 THEN 1 WHEN 2 THEN 2 WHEN 0 THEN 3 ELSE 0 END, user.id${sqliteLimit}`,
    ...params,
  );
  const statusNames = ['禁用', '启用', '未激活'];
  for (const v of list) {
    v.status_name = v.status === 1 ? '启用' : '禁用';
    const parent = ctx.db.get<{ realname: string }>('SELECT realname FROM admin_user WHERE id = ?', v.parent_id);
    v.parent_name = v.parent_id ? (parent?.realname ?? null) : '';
    v.status_name = v.status ? (statusNames[v.status] ?? null) : '停用';
    const groups = userGroups(ctx, v.id);
    v.groups = groups.length ? groups.map((g) => g.title).join(',') : '';
    v.groupids = groups.length ? groups.map((g) => g.id).join(',') : '';
    v.img = fullPath(ctx, v.img);
    v.thumb_img = fullPath(ctx, v.thumb_img);
    v.create_time = v.create_time ? prcDateTime(Number(v.create_time)) : '';
    v.s_name = v.s_name ? v.s_name : '';
    v.structure_id = v.structure_id ? v.structure_id : '';
    v.userIdentity = v.id === 1 ? 0 : owner !== null && v.id === owner ? 1 : 2;
  }
  list.sort((a, b) => (a.userIdentity as number) - (b.userIdentity as number) || a.id - b.id);
  return resultArray({ data: { list: list as unknown as PhpValue, dataCount } });
}

/** `validate/AdminUser.php` in rule order; the first failure is the answer. */
function validateNewUser(ctx: Ctx, p: Params): string | null {
  const required = (v: PhpValue | undefined) => !phpEmpty(v) || phpLooseEquals('0', v ?? null);
  const present = (v: PhpValue | undefined) => v !== undefined && v !== null && v !== '';
  if (!required(p.realname)) return '姓名必须填写';
  if (!required(p.username)) return '手机号码必须填写';
  if (present(p.username)) {
    const c = whereEq('admin_user', 'username', p.username);
    if (ctx.db.get(`SELECT 1 FROM admin_user WHERE ${c.sql} LIMIT 1`, ...c.params)) return '手机号码已存在';
    if (!/^1[3456789][0-9]{9}$/.test(phpString(p.username ?? null))) return '手机号码格式错误';
  }
  if (!required(p.structure_id)) return '请选择所属部门';
  if (!required(p.password)) return '密码必须填写';
  if (present(p.password) && !/^(?![0-9]*$)[a-zA-Z0-9]{6,20}$/.test(phpString(p.password ?? null))) return '密码由6-20位字母、数字组成';
  return null;
}

/**
 * User.php#createData: needs `group_id` as an array; a realname already used gets a number appended (张三 →
 * 张三1); validated; then in a transaction the user (status always 2 = 未激活: the model's `$insert`
 * overrides what is sent; password user_md5'd with a new 4-char salt; mobile = username), its hrm_user_det
 * row and its admin_access rows; after the commit, still inside the try, the system log — whose failure
 * (target_name is varchar(50): a realname over 50 characters) answers 添加失败 although the user exists.
 * Answers 添加成功, never the new id.
 */
function save(ctx: Ctx): Answer {
  const p: Params = { ...ctx.param };
  if (phpEmpty(p.group_id) || !isPhpArray(p.group_id ?? null)) return resultArray({ error: '请至少勾选一个用户组' });
  const realname = phpString(p.realname ?? null);
  const names = ctx.db.all<{ realname: string }>('SELECT realname FROM admin_user WHERE realname LIKE ?', `%${realname}%`).map((r) => r.realname);
  if (phpInArray(p.realname, names)) {
    let name = realname;
    for (let j = 1; j < 100; j++) {
      name = realname + j;
      if (!phpInArray(name, names)) break;
    }
    p.realname = name;
  }
  const invalid = validateNewUser(ctx, p);
  if (invalid) return resultArray({ error: invalid });
  const now = ctx.now();
  ctx.db.startTrans();
  try {
    const salt = md5(String(now)).slice(0, 4);
    const data: Params = { ...p, salt, password: userMd5(phpString(p.password ?? null), salt), type: 1, mobile: p.username ?? null, status: 2 };
    if (data.create_time === undefined) data.create_time = now;
    const userId = ctx.db.insert('admin_user', data, 'model');
    ctx.db.insert('hrm_user_det', { user_id: userId, mobile: p.username ?? null, email: phpTruthy(p.email) ? p.email! : '', sex: phpTruthy(p.sex) ? p.sex! : '', create_time: now });
    const rows = phpValues(p.group_id as PhpValue[]).map((g) => ({ user_id: userId, group_id: g }));
    if (rows.length) ctx.db.insertAll('admin_access', rows);
    ctx.db.commit();
    systemActionLog(ctx, ctx.userInfo?.id, 'admin_user', 'employee', userId, 'save', p.realname, '新增用户：' + phpString(p.realname ?? null));
    return resultArray({ data: '添加成功' });
  } catch (error) {
    if (!(error instanceof PhpException)) throw error;
    ctx.db.rollback();
    return resultArray({ error: '添加失败' });
  }
}

/**
 * Access.php#userGroup($userId, $groups, $action): its own (nested) transaction; 'update' first deletes
 * all the user's roles; a role the user already holds is skipped, but the same id twice in `$groups` is
 * inserted twice (one INSERT per row: Model::saveAll). A scalar `$groups` only makes PHP warn (warnings do
 * not stop it: application/common.php sets error_reporting(E_ERROR | E_PARSE)), so with 'update' the user
 * is left with *no* role — and the answer is still a success.
 */
function userGroup(ctx: Ctx, userId: PhpValue, groups: PhpValue | undefined, action = ''): boolean {
  if (phpEmpty(userId)) return false;
  ctx.db.startTrans();
  try {
    if (action === 'update') ctx.db.delete('admin_access', whereEq('admin_access', 'user_id', userId));
    const queued: Params[] = [];
    for (const g of isPhpArray(groups ?? null) ? phpValues(groups as PhpValue[]) : []) {
      const a = whereEq('admin_access', 'user_id', userId);
      const b = whereEq('admin_access', 'group_id', g);
      if (!ctx.db.get(`SELECT 1 FROM admin_access WHERE ${a.sql} AND ${b.sql}`, ...a.params, ...b.params)) queued.push({ user_id: userId, group_id: g });
    }
    ctx.db.startTrans();
    try {
      for (const row of queued) ctx.db.insert('admin_access', row, 'model');
      ctx.db.commit();
    } catch (error) {
      ctx.db.rollback();
      throw error;
    }
    ctx.db.commit();
    return true;
  } catch (error) {
    if (!(error instanceof PhpException)) throw error;
    ctx.db.rollback();
    return false;
  }
}

/**
 * Users.php#update → User.php#updateDataById. With an `id`: needs admin-users-update and a non-empty
 * `group_id` (roles are *replaced* on every edit: Access#userGroup 'update'); refuses a parent that is
 * the user or below them (user 1 excepted); `username` is ignored; an empty `password` is written as ''
 * (only a non-empty one is hashed). In one transaction: roles, then the user's columns as sent; after the
 * commit the system log and the hrm_user_det update with `email`, `sex` as sent — without them that is
 * NULL into NOT NULL, so the edit is saved yet answers 编辑失败. Without `id`: the caller edits
 * themselves (email, sex, realname, post only).
 */
function update(ctx: Ctx): Answer {
  const p: Params = { ...ctx.param };
  if (phpEmpty(p.id)) p.user_id = ctx.userInfo?.id ?? null;
  else requirePermission(ctx, 'admin', 'users', 'update');
  delete p.username;
  const ok = phpTruthy(p.user_id) ? updateSelf(ctx, p) : updateOther(ctx, p, p.id);
  if (typeof ok === 'string') return resultArray({ error: ok });
  return resultArray({ data: '编辑成功' });
}

function updateSelf(ctx: Ctx, p: Params): true | string {
  const data: Params = { email: p.email ?? null, sex: p.sex ?? null };
  ctx.db.update('hrm_user_det', whereEq('hrm_user_det', 'user_id', p.user_id), data, 'query');
  const flag = ctx.db.update('admin_user', whereEq('admin_user', 'id', p.user_id), { ...data, realname: p.realname ?? null, post: p.post ?? null }, 'query');
  if (flag === 0 || flag === 1) {
    systemActionLog(ctx, ctx.userInfo?.id, 'admin_user', 'employee', p.user_id, 'update', p.realname, '编辑了：' + phpString(p.realname ?? null));
    return true;
  }
  return '保存失败';
}

function updateOther(ctx: Ctx, p: Params, id: PhpValue | undefined): true | string {
  const check = modelGet<Record<string, PhpValue>>(ctx.db, 'admin_user', 'id', id);
  if (!check) return '暂无此数据';
  if (phpEmpty(p.group_id)) return '请至少勾选一个用户组';
  const uid = phpInt(id);
  const below = [...subUsers(ctx, uid), id ?? null];
  if (phpInt(p.parent_id) === uid) return '直属上级不能是自己';
  if (phpInt(p.parent_id) !== 1 && phpInArray(p.parent_id, below)) return '直属上级不能是自己或下属';
  ctx.db.startTrans();
  try {
    if (phpTruthy(p.group_id)) userGroup(ctx, id ?? null, p.group_id, 'update');
    const data: Params = { ...p };
    if (!phpEmpty(data.password)) data.password = userMd5(phpString(data.password ?? null), String(check.salt));
    delete data.id;
    ctx.db.update('admin_user', { sql: 'id = ?', params: [check.id] }, data, 'model');
    ctx.db.commit();
    systemActionLog(ctx, ctx.userInfo?.id, 'admin_user', 'employee', id, 'update', check.realname, '编辑了：' + phpString(check.realname ?? null));
    ctx.db.update('hrm_user_det', { sql: 'user_id = ?', params: [rawNumber(id, '')] }, { email: p.email ?? null, sex: p.sex ?? null, update_time: ctx.now() }, 'query');
    return true;
  } catch (error) {
    if (!(error instanceof PhpException)) throw error;
    ctx.db.rollback();
    return '编辑失败';
  }
}

/**
 * Users.php#enables (needs admin-users-enables): `id` one or many; user 1 is silently kept out of a
 * disable; any status value is written (Common.php#enableDatas, no check); a system log per id — for
 * an id that is no user the log's target is fine but a missing `id` makes its action_id NULL → HTTP 500.
 */
function enables(ctx: Ctx): Answer {
  const p = ctx.param;
  let ids: PhpValue[] = isPhpArray(p.id ?? null) ? [...phpValues(p.id as PhpValue[])] : [p.id ?? null];
  if (phpLooseEquals(p.status, '0')) ids = ids.filter((v) => phpInt(v) !== 1);
  if (ids.length === 0) return resultArray({ error: '参数错误' });
  try {
    ctx.db.update('admin_user', whereIn('admin_user', 'id', ids), { status: p.status ?? null }, 'query');
  } catch (error) {
    if (!(error instanceof PhpException)) throw error;
    return resultArray({ error: '操作失败' });
  }
  const content = phpLooseEquals(p.status, 0) ? '禁用了：' : phpLooseEquals(p.status, 1) ? '激活了：' : '';
  for (const v of ids) {
    const who = ctx.db.get<{ realname: string }>(`SELECT realname FROM admin_user WHERE ${whereEq('admin_user', 'id', v).sql}`, ...whereEq('admin_user', 'id', v).params);
    systemActionLog(ctx, ctx.userInfo?.id, 'admin_user', 'employee', v, 'update', '员工状态', content + (who?.realname ?? ''));
  }
  return resultArray({ data: '操作成功' });
}

/** `getSubUserByStr($id)` (User.php): users whose structure_id is the department (not its children). */
function usersOfStructure(ctx: Ctx, structureId: PhpValue): number[] {
  const c = whereIn('admin_user', 'structure_id', isPhpArray(structureId) ? structureId : [structureId]);
  return ctx.db.all<{ id: number }>(`SELECT id FROM admin_user WHERE ${c.sql} ORDER BY id`, ...c.params).map((r) => r.id);
}

/**
 * Users.php#groups (needs admin-groups-update): *adds* `groups` to `users` and to everyone directly in
 * `structures`; per user a separate transaction (Access#userGroup) and a system log — so a user id that
 * does not exist gets its access rows and then fails the log (realname NULL) with HTTP 500, the users
 * before it already changed. A scalar `users` or `groups` changes nothing and still answers 创建成功.
 */
function groups(ctx: Ctx): Answer {
  requirePermission(ctx, 'admin', 'groups', 'update');
  const p = ctx.param;
  if (phpEmpty(p.users) && phpEmpty(p.structures)) return resultArray({ error: '请选择员工' });
  if (phpEmpty(p.groups)) return resultArray({ error: '请选择角色' });
  let fromStructures: PhpValue[] = [];
  if (isPhpArray(p.structures ?? null)) for (const s of phpValues(p.structures as PhpValue[])) fromStructures.push(...usersOfStructure(ctx, s));
  fromStructures = fromStructures.flat();
  // array_merge / array_unique of a scalar warn and return null: nobody is processed, still 创建成功.
  let userIds: PhpValue | undefined;
  if (fromStructures.length && phpTruthy(p.users)) userIds = isPhpArray(p.users ?? null) ? [...fromStructures, ...phpValues(p.users as PhpValue[])] : null;
  else if (fromStructures.length) userIds = fromStructures;
  else userIds = p.users;
  for (const v of isPhpArray(userIds ?? null) ? phpArrayUnique(phpValues(userIds as PhpValue[])) : []) {
    userGroup(ctx, v, p.groups);
    const who = ctx.db.get<{ realname: string }>(`SELECT realname FROM admin_user WHERE ${whereEq('admin_user', 'id', v).sql}`, ...whereEq('admin_user', 'id', v).params);
    systemActionLog(ctx, ctx.userInfo?.id, 'admin_user', 'employee', v, 'update', who?.realname ?? null, '员工关联了角色：' + (who?.realname ?? ''));
  }
  return resultArray({ data: '创建成功' });
}

/** Users.php#groupsDel (needs admin-groups-update): refuses to remove a user's only access row; nothing deleted → 操作失败. */
function groupsDel(ctx: Ctx): Answer {
  requirePermission(ctx, 'admin', 'groups', 'update');
  const p = ctx.param;
  if (phpEmpty(p.user_id)) return resultArray({ error: '请选择员工' });
  if (phpEmpty(p.group_id)) return resultArray({ error: '参数错误' });
  const u = whereEq('admin_access', 'user_id', p.user_id);
  const count = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM admin_access WHERE ${u.sql}`, ...u.params)?.n ?? 0;
  if (count === 1) return resultArray({ error: '员工至少保留一个角色！' });
  const g = whereEq('admin_access', 'group_id', p.group_id);
  const deleted = ctx.db.delete('admin_access', { sql: `${u.sql} AND ${g.sql}`, params: [...u.params, ...g.params] });
  if (!deleted) return resultArray({ error: '操作失败，请重试' });
  return resultArray({ data: '删除成功' });
}

/**
 * Users.php#copyRole → User.php#copyRole — no permission check beyond the login: *replaces* the roles of
 * `user_id` (or, when `structure_id` is sent, of everyone directly in those departments instead) with
 * `group_id`, user 1 skipped on insert but not on delete; a scalar `user_id` or `group_id` deletes the
 * roles and inserts none (PHP only warns), answering 操作成功！; one transaction; the system logs after the
 * commit, inside the try: a failing log answers 操作失败！ with the roles already replaced.
 */
function copyRole(ctx: Ctx): Answer {
  const p = ctx.param;
  if (phpEmpty(p.user_id) && phpEmpty(p.structure_id)) return resultArray({ error: '请选择员工或部门！' });
  if (phpEmpty(p.group_id)) return resultArray({ error: '请选择角色！' });
  let userIds: PhpValue = phpEmpty(p.user_id) ? [] : (p.user_id as PhpValue);
  const groupIds: PhpValue[] = isPhpArray(p.group_id ?? null) ? phpValues(p.group_id as PhpValue[]) : [];
  if (!phpEmpty(p.structure_id)) {
    const c = whereIn('admin_user', 'structure_id', p.structure_id);
    userIds = phpArrayUnique(ctx.db.all<{ id: number }>(`SELECT id FROM admin_user WHERE ${c.sql} ORDER BY id`, ...c.params).map((r) => r.id));
  }
  ctx.db.startTrans();
  try {
    ctx.db.delete('admin_access', whereIn('admin_access', 'user_id', userIds));
    // foreach over a scalar user_id / group_id only warns: the roles are deleted and none inserted.
    const list = isPhpArray(userIds) ? phpValues(userIds) : [];
    const rows: Params[] = [];
    for (const u of list) {
      if (phpLooseEquals(u, 1)) continue;
      for (const g of groupIds) rows.push({ user_id: u, group_id: g });
    }
    if (rows.length) ctx.db.insertAll('admin_access', rows);
    ctx.db.commit();
    for (const u of list) {
      const who = ctx.db.get<{ realname: string }>(`SELECT realname FROM admin_user WHERE ${whereEq('admin_user', 'id', u).sql}`, ...whereEq('admin_user', 'id', u).params);
      systemActionLog(ctx, ctx.userInfo?.id, 'admin_user', 'employee', u, 'update', who?.realname ?? null, '编辑员工角色：' + (who?.realname ?? ''));
    }
    return resultArray({ data: '操作成功！' });
  } catch (error) {
    if (!(error instanceof PhpException)) throw error;
    ctx.db.rollback();
    return resultArray({ error: '操作失败！' });
  }
}

/**
 * Users.php#setUserDept: `UserModel::checkUserGroup([1, 2, 3])` returns nothing for a non-empty list, so
 * the "仅允许超管…" guard never refuses. One UPDATE per id; the answer depends on the *last* one only:
 * if that user already was in the department (0 rows changed) → 修改失败，请稍后重试 though the others moved.
 */
function setUserDept(ctx: Ctx): Answer {
  const p = ctx.param;
  const ids: PhpValue[] = isPhpArray(p.id ?? null) ? phpValues(p.id as PhpValue[]) : [p.id ?? null];
  if (ids.length === 0) return resultArray({ error: '参数错误' });
  let flag = 0;
  for (const v of ids) flag = ctx.db.update('admin_user', whereEq('admin_user', 'id', v), { structure_id: p.structure_id ?? null }, 'query');
  if (!flag) return resultArray({ error: '修改失败，请稍后重试' });
  for (const v of ids) {
    const who = ctx.db.get<{ realname: string }>(`SELECT realname FROM admin_user WHERE ${whereEq('admin_user', 'id', v).sql}`, ...whereEq('admin_user', 'id', v).params);
    systemActionLog(ctx, ctx.userInfo?.id, 'admin_user', 'employee', v, 'update', who?.realname ?? null, '重置了部门: ' + (who?.realname ?? ''));
  }
  return resultArray({ data: '操作成功' });
}


/**
 * Users.php#read → User.php#getDataById: the row without password and authkey, `structure_name` /
 * `parent_name` ('暂无' when the id is 0, null when it points nowhere), create_time as a unix int — and no
 * roles. Without `id` the caller's own row.
 */
function read(ctx: Ctx): Answer {
  const id = phpTruthy(ctx.param.id) ? ctx.param.id : (ctx.userInfo?.id ?? null);
  const row = modelGet<Record<string, PhpValue>>(ctx.db, 'admin_user', 'id', id);
  if (!row) return resultArray({ error: '暂无此数据' });
  const data: Record<string, PhpValue> = { ...row };
  delete data.password;
  delete data.authkey;
  data.structure_name = phpTruthy(row.structure_id)
    ? (ctx.db.get<{ name: string }>('SELECT name FROM admin_structure WHERE id = ?', rawNumber(row.structure_id, ''))?.name ?? null)
    : '暂无';
  data.parent_name = phpTruthy(row.parent_id) ? (ctx.db.get<{ realname: string }>('SELECT realname FROM admin_user WHERE id = ?', rawNumber(row.parent_id, ''))?.realname ?? null) : '暂无';
  data.thumb_img = fullPath(ctx, row.thumb_img as string);
  data.img = fullPath(ctx, row.img as string);
  return resultArray({ data });
}

/** getAdminId(): holders of role 1, plus user 1. */
function adminIds(ctx: Ctx): number[] {
  const ids = ctx.db.all<{ user_id: number }>('SELECT user_id FROM admin_access WHERE group_id = 1 ORDER BY rowid').map((r) => r.user_id);
  return ids.length ? [...ids, 1] : [1];
}

/**
 * getSubUserId($self = true, $type, $userId) (application/common.php): type 1 = "everyone", which is
 * getSubUser(0) — the users whose parent_id chain reaches 0 (someone whose superior does not exist is not
 * in it) — plus the user; type 0 = the user's subordinates through parent_id, plus the user.
 */
function subUserIds(ctx: Ctx, everyone: boolean, userId?: number): number[] {
  let uid = userId;
  let all = everyone;
  if (uid === undefined) {
    uid = ctx.cache.get('Auth_' + (ctx.req.headers.authkey ?? ''))?.userInfo.id;
    if (uid === undefined) return [];
    if (adminGroupTypes(ctx, uid).includes(1)) all = true;
  }
  const below = all ? subUsers(ctx, 0) : subUsers(ctx, uid);
  return [...new Set([...below, uid])];
}

/** getSubUserByStr($structureId, $type): users directly in the department (type 2: and in its sub-departments). */
function usersOfStructureTree(ctx: Ctx, structureId: PhpValue, withChildren: boolean): number[] {
  const ids = withChildren ? structureTree(ctx, phpInt(structureId)) : [structureId];
  const c = whereIn('admin_user', 'structure_id', ids as PhpValue[]);
  return ctx.db.all<{ id: number }>(`SELECT id FROM admin_user WHERE ${c.sql} ORDER BY id`, ...c.params).map((r) => r.id);
}

/**
 * User.php#getUserByPer($m, $c, $a): the data scope of the caller for one action. User 1 / role-1 holders:
 * everyone. Otherwise the `type` of each of the caller's roles whose rules contain the action's level-3 rule
 * (found by name under the module and controller rules) — provided the caller holds the action at all
 * (a complete m-c-a chain) — 5 → everyone, else *the last role's* type wins: 1 本人 → [self], 2 本人及下属 →
 * self + subordinates, 3 本部门 → the caller's department (as cached at login), 4 本部门及下属部门 → it and
 * its sub-departments; any other value → nobody.
 */
export function dataScopeUserIds(ctx: Ctx, m: string, c: string, a: string): number[] | false {
  const entry = ctx.cache.get('Auth_' + (ctx.req.headers.authkey ?? ''));
  if (!entry) return false;
  const uid = entry.userInfo.id;
  const types = groupTypesByAction(ctx, uid, m.toLowerCase(), c.toLowerCase(), a.toLowerCase());
  const unique = [...new Set(types)];
  if (phpInArray(uid, adminIds(ctx))) return subUserIds(ctx, true);
  if (unique.length === 0) return [];
  if (unique.some((t) => phpLooseEquals(t, 5))) return subUserIds(ctx, true);
  let ids: number[] = [];
  for (const t of unique) {
    if (phpLooseEquals(t, 1)) ids = [uid];
    else if (phpLooseEquals(t, 2)) ids = subUserIds(ctx, false);
    else if (phpLooseEquals(t, 3)) ids = usersOfStructureTree(ctx, entry.userInfo.structure_id, false);
    else if (phpLooseEquals(t, 4)) ids = usersOfStructureTree(ctx, entry.userInfo.structure_id, true);
  }
  return ids;
}

/** User.php#getGroupTypeByAction + #getRulesList. */
function groupTypesByAction(ctx: Ctx, uid: number, m: string, c: string, a: string): PhpValue[] {
  const superAdmin = adminGroupTypes(ctx, uid).includes(1);
  const ids = [...new Set(userGroups(ctx, uid).flatMap((g) => stringToArray(g.rules).map(String)))];
  const rules = superAdmin
    ? ctx.db.all<RuleRow>('SELECT * FROM admin_rule ORDER BY id')
    : ids.length
      ? ctx.db.all<RuleRow>(`SELECT * FROM admin_rule WHERE id IN (${ids.map(() => '?').join(',')}) AND status = 1 ORDER BY id`, ...ids.map(Number))
      : [];
  const names = rulesDeal(listToTree(rules.map((r) => ({ ...r, name: r.name.toLowerCase() }))));
  if (!names.includes(`${m}-${c}-${a}`)) return [];
  const ruleId = (name: string, level: number, pid?: number | null) =>
    ctx.db.get<{ id: number }>(`SELECT id FROM admin_rule WHERE ci(name) = ci(?) AND level = ?${pid === undefined ? '' : ' AND pid IS ?'} ORDER BY id LIMIT 1`, name, level, ...(pid === undefined ? [] : [pid]))?.id ?? null;
  const mId = ruleId(m, 1);
  const cId = ruleId(c, 2, mId);
  const aId = ruleId(a, 3, cId);
  const out: PhpValue[] = [];
  for (const g of userGroups(ctx, uid)) if (phpInArray(aId, String(g.rules ?? '').replace(/^,+|,+$/g, '').split(','))) out.push(g.type);
  return out;
}

/**
 * Users.php#getUserList: the active users (status > 0) of a scope, each with its roles as comma strings
 * `roleId` / `roleName` (user 1 without roles shows '1' / 超级管理员角色). With `m`, `c`, `a` the caller's
 * data scope for that action (getUserByPer) — the way the data scope of a role shows; `by: 'sub'` the
 * caller's subordinates; otherwise everyone reachable from the top of the parent_id tree.
 */
function getUserList(ctx: Ctx): Answer {
  const p = ctx.param;
  const by = phpTruthy(p.by) ? phpString(p.by ?? null) : '';
  let cond: Cond;
  if (phpTruthy(p.m) && phpTruthy(p.c) && phpTruthy(p.a)) {
    const ids = phpLooseEquals(p.m, 'oa') && phpLooseEquals(p.c, 'task') ? subUserIds(ctx, true) : dataScopeUserIds(ctx, phpString(p.m ?? null), phpString(p.c ?? null), phpString(p.a ?? null));
    cond = whereIn('admin_user', 'id', ids === false ? [] : ids);
  } else if (by === 'sub') {
    const uid = ctx.userInfo?.id ?? 0;
    cond = whereIn('admin_user', 'id', phpInArray(uid, adminIds(ctx)) ? subUserIds(ctx, true) : subUserIds(ctx, false));
  } else if (by === 'parent') {
    const target = phpTruthy(p.user_id) ? phpInt(p.user_id) : 0;
    const excluded = phpLooseEquals(p.user_id ?? null, 1) ? [] : [...subUsers(ctx, target), target];
    const c = whereIn('admin_user', 'id', excluded);
    cond = { sql: c.sql.replace(' IN ', ' NOT IN '), params: c.params };
  } else cond = whereIn('admin_user', 'id', subUserIds(ctx, true));
  const list = ctx.db.all<Record<string, PhpValue> & { id: number }>(
    `SELECT user.id, user.realname, user.thumb_img, structure.name AS s_name FROM admin_user user LEFT JOIN admin_structure structure ON structure.id = user.structure_id
     WHERE ${cond.sql.replace('"id"', 'user."id"')} AND user.status > 0 AND user.type = 1 ORDER BY user.id`,
    ...cond.params,
  );
  const roles = ctx.db.all<{ id: number | null; title: string | null; user_id: number }>(
    'SELECT g.id, g.title, a.user_id FROM admin_access a LEFT JOIN admin_group g ON g.id = a.group_id ORDER BY a.rowid',
  );
  const byUser = new Map<number, { ids: (number | null)[]; names: (string | null)[] }>();
  for (const r of roles) {
    const e = byUser.get(r.user_id) ?? { ids: [], names: [] };
    e.ids.push(r.id);
    e.names.push(r.title);
    byUser.set(r.user_id, e);
  }
  const data = list.map((v) => {
    const e = byUser.get(v.id);
    const row: Record<string, PhpValue> = { ...v, username: v.realname ?? null, thumb_img: fullPath(ctx, v.thumb_img as string) };
    row.roleId = e?.ids.length ? e.ids.map((x) => (x === null ? '' : String(x))).join(',') : '';
    row.roleName = e?.names.length ? e.names.map((x) => x ?? '').join(',') : '';
    if (v.id === 1 && (!e?.ids.length || !e.names.length)) {
      row.roleId = '1';
      row.roleName = '超级管理员角色';
    }
    return row;
  });
  return resultArray({ data });
}

export const usersController: Controller = {
  name: 'users',
  init(ctx, action) {
    adminControllerInit(
      ctx,
      {
        permission: ['exceldownload'],
        allow: [
          'index', 'update', 'updatepwd', 'read', 'updateimg', 'resetpassword', 'userlistbystructid', 'groups', 'groupsdel', 'tobeusers', 'structureuserlist', 'getuserlist',
          'usernameedit', 'import', 'setparent', 'loginRecord', 'userstar', 'querylist', 'starlist', 'copyrole', 'subordinate', 'countnumofuser', 'setuserdept',
        ],
      },
      'users',
      action,
    );
  },
  actions: { index, read, save, update, enables, getUserList, groups, groupsDel, copyRole, setUserDept },
};
