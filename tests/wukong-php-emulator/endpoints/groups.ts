/**
 * Roles: application/admin/controller/Groups.php with application/admin/model/Group.php (and Common.php,
 * Rule.php#groupsToRules, logic/FieldGrantLogic.php). Cited as Groups.php / Group.php below.
 */
import { adminControllerInit, requirePermission, systemActionLog, type GroupRow } from '../auth';
import type { Ctx } from '../context';
import { createCrmFieldGrant } from '../db/fieldGrants';
import { modelGet, rawNumber, whereEq, whereIn, type Cond } from '../db/where';
import { resultArray, type Answer } from '../envelope';
import { arrayToString, isPhpArray, phpArrayUnique, phpEmpty, phpLooseEquals, phpString, phpTruthy, phpValues, stringToArray, type Params, type PhpValue } from '../php';
import type { Controller } from '../route';

/** Group.php#getTypeList: the four categories the console shows (note pid "9" is a string). */
export const TYPE_LIST = [
  { name: '系统管理角色', pid: 1 },
  { name: '办公管理角色', pid: 6 },
  { name: '客户管理角色', pid: 2 },
  { name: '项目管理角色', pid: '9' },
];

/** Group.php#getNewGroupPid: which roles a category lists (loose `switch`). */
function categoryWhere(pid: PhpValue | undefined): Cond {
  if (phpLooseEquals(pid, '1')) return { sql: 'pid = 1 AND types NOT IN (7)', params: [] };
  if (phpLooseEquals(pid, '2')) return { sql: '(pid IN (0, 2, 3, 4) OR (type != 0 AND pid = 5))', params: [] };
  if (phpLooseEquals(pid, '9')) return { sql: '(pid = 9 OR (types = 7 AND pid = 1))', params: [] };
  return whereEq('admin_group', 'pid', pid);
}

/** Rule.php#groupsToRules: rule `types` of a role category — [data types, bi types]. */
export function groupsToRules(pid: PhpValue | undefined): PhpValue[] {
  if (phpLooseEquals(pid, '0') || phpLooseEquals(pid, '2')) return ['2', '6'];
  if (phpLooseEquals(pid, '1')) return ['0'];
  if (phpLooseEquals(pid, '5')) return ['3'];
  if (phpLooseEquals(pid, '6')) return ['1', '7'];
  return [pid === undefined ? null : pid];
}

const selectGroups = (ctx: Ctx, cond: Cond) => ctx.db.all<GroupRow>(`SELECT * FROM admin_group WHERE ${cond.sql} ORDER BY id`, ...cond.params);

/** Group.php#getDataList. */
function index(ctx: Ctx): Answer {
  const p = ctx.param;
  if (phpLooseEquals(p.tree, 1)) {
    const list = TYPE_LIST.map((t) => ({ ...t, list: selectGroups(ctx, categoryWhere(t.pid)) }));
    return resultArray({ data: list as unknown as PhpValue });
  }
  let rows: Record<string, PhpValue>[];
  if (p.type !== undefined && p.type !== null) {
    const a = whereEq('admin_group', 'pid', p.pid);
    const b = whereEq('admin_group', 'type', p.type);
    rows = selectGroups(ctx, { sql: `${a.sql} AND ${b.sql}`, params: [...a.params, ...b.params] }) as unknown as Record<string, PhpValue>[];
  } else {
    rows = selectGroups(ctx, categoryWhere(p.pid)) as unknown as Record<string, PhpValue>[];
  }
  if (phpLooseEquals(p.rules, 1)) {
    const ruleTypes = groupsToRules(p.pid);
    for (const row of rows) {
      const data: PhpValue[] = [];
      const bi: PhpValue[] = [];
      for (const id of stringToArray(row.rules)) {
        const rule = ctx.db.get<{ types: number }>('SELECT types FROM admin_rule WHERE id = ?', Number(id));
        // `$ruleInfo['types'] == $ruleTypes[0]`, loose: an unknown rule has types null, and null == null.
        const types = rule?.types ?? null;
        if (phpLooseEquals(types, ruleTypes[0] ?? null)) data.push(id);
        else if (phpLooseEquals(types, ruleTypes[1] ?? null)) bi.push(id);
      }
      row.rules = { data, bi };
      if ([1, 5, 6, 9].includes(Number(row.pid))) row.type = 0;
    }
  }
  return resultArray({ data: rows as unknown as PhpValue });
}

/** Group.php#createData: `types` dropped, pid 5 + type 'work' → type 0, then `insertGetId($param)` (strict fields). */
function createGroup(ctx: Ctx, input: Params): number {
  const param = { ...input };
  delete param.types;
  if (phpLooseEquals(param.pid, 5) && phpLooseEquals(param.type, 'work')) param.type = 0;
  return ctx.db.insert('admin_group', param, 'query');
}

/** Groups.php#save: rules joined to ",a,b," (no parent ids added), returns `{data: 1}` — never the new id. */
function save(ctx: Ctx): Answer {
  const param: Params = { ...ctx.param, rules: arrayToString(ctx.param.rules) };
  const id = createGroup(ctx, param);
  if (!id) return resultArray({ error: '操作失败' });
  systemActionLog(ctx, ctx.userInfo?.id, 'admin_group', 'role', id, 'save', param.title, '添加了角色：' + phpString(param.title ?? null));
  // New customer roles get their field grants (8 more INSERTs, no transaction).
  if (param.pid !== undefined && param.pid !== null && phpLooseEquals(param.pid, 2)) createCrmFieldGrant(ctx.db, id, ctx.now());
  return resultArray({ data: 1 });
}

/**
 * Group.php#updateDataById: rules get their parent and grandparent ids appended (level 2 → pid, level 3 →
 * pid and the pid's pid), but a truthy `title` drops `rules` from the update altogether. Without `rules`
 * the controller still sends `rules: ''` (arrayToString(null)), so an update without title clears them.
 */
function updateGroup(ctx: Ctx, input: Params, groupId: PhpValue | undefined): boolean {
  const info = modelGet<GroupRow>(ctx.db, 'admin_group', 'id', groupId);
  if (!info) return false;
  const param = { ...input };
  delete param.types;
  if (!phpEmpty(param.rules)) {
    const ids = stringToArray(param.rules);
    const found = ctx.db.all<{ id: number; level: number; pid: number | null }>(
      `SELECT id, level, pid FROM admin_rule WHERE ${whereIn('admin_rule', 'id', ids).sql} ORDER BY id`,
      ...whereIn('admin_rule', 'id', ids).params,
    );
    for (const rule of found) {
      if (rule.level === 2) ids.push(rule.pid);
      if (rule.level === 3) {
        ids.push(rule.pid);
        ids.push(ctx.db.get<{ pid: number | null }>('SELECT pid FROM admin_rule WHERE id = ?', rule.pid)?.pid ?? null);
      }
    }
    param.rules = arrayToString(phpArrayUnique(ids));
  }
  if (phpTruthy(param.title)) delete param.rules;
  const id = rawNumber(groupId, 'for the right syntax');
  const changed = ctx.db.update('admin_group', { sql: 'id = ?', params: [id] }, param, 'query');
  if (changed) systemActionLog(ctx, ctx.userInfo?.id, 'admin_group', 'role', groupId, 'update', info.title, '编辑了：' + info.title);
  return changed > 0;
}

/** Groups.php#update: answers 编辑成功 whatever updateDataById did (even when nothing changed). */
function update(ctx: Ctx): Answer {
  const p = ctx.param;
  if (!modelGet(ctx.db, 'admin_group', 'id', p.id)) return resultArray({ error: '参数错误' });
  const param: Params = { ...p };
  if (!phpEmpty(param.type) && phpLooseEquals(param.type, 'work')) param.type = 1;
  param.rules = arrayToString(param.rules);
  updateGroup(ctx, param, param.id);
  return resultArray({ data: '编辑成功' });
}

/** Groups.php#delete → Group.php#delGroupById, then FieldGrantLogic#deleteCrmFieldGrant. admin_access rows stay. */
function remove(ctx: Ctx): Answer {
  const p = ctx.param;
  const info = modelGet<GroupRow>(ctx.db, 'admin_group', 'id', p.id);
  if (!info) return resultArray({ error: '参数错误' });
  if (info.types) return resultArray({ error: '系统角色，不能删除' });
  const again = modelGet<GroupRow>(ctx.db, 'admin_group', 'id', p.id);
  if (!again) return resultArray({ error: '该角色不存在或已删除' });
  const deleted = ctx.db.delete('admin_group', { sql: 'id = ?', params: [rawNumber(p.id, 'for the right syntax')] });
  if (!deleted) return resultArray({ error: '删除失败' });
  systemActionLog(ctx, ctx.userInfo?.id, 'admin_group', 'role', p.id, 'update', again.title, '删除了角色：' + again.title);
  const role = whereEq('admin_field_grant', 'role_id', p.id);
  ctx.db.delete('admin_field_grant', { sql: `module = 'crm' AND ${role.sql}`, params: role.params });
  return resultArray({ data: '删除成功' });
}

/** Common.php#getAllChild on admin_group: the rows whose `pid` is the id (the role *category*), recursively. */
function allChildren(ctx: Ctx, id: PhpValue, out: number[] = []): number[] {
  const cond = whereEq('admin_group', 'pid', id);
  for (const child of ctx.db.all<{ id: number }>(`SELECT id FROM admin_group WHERE ${cond.sql} ORDER BY id`, ...cond.params)) {
    if (out.includes(child.id)) continue;
    out.push(child.id);
    allChildren(ctx, child.id, out);
  }
  return out;
}

/**
 * Groups.php#enables → Common.php#enableDatas($id, $status, true). Only when status is exactly the string
 * '0' (a form field, not JSON 0) does it walk `foreach ($ids …)` and `array_unique($ids)`: a scalar id makes
 * both warn (application/common.php sets error_reporting(E_ERROR | E_PARSE): warnings do not stop PHP) and
 * leaves `$ids = null`, so the UPDATE matches nothing and the answer is still 操作成功; an array of ids also
 * disables every role whose `pid` equals one of them (getAllChild walks the category column).
 */
function enables(ctx: Ctx): Answer {
  const p = ctx.param;
  const info = modelGet<GroupRow>(ctx.db, 'admin_group', 'id', p.id);
  if (!info) return resultArray({ error: '参数错误' });
  if (info.types) return resultArray({ error: '系统角色，不能删除' });
  let ids: PhpValue | undefined = p.id;
  if (phpEmpty(ids)) return resultArray({ error: '参数错误' });
  if (p.status === '0') {
    if (isPhpArray(ids ?? null)) {
      const list = [...phpValues(ids as PhpValue[])];
      for (const v of phpValues(ids as PhpValue[])) list.push(...allChildren(ctx, v));
      ids = phpArrayUnique(list);
    } else ids = null;
  }
  try {
    ctx.db.update('admin_group', whereIn('admin_group', 'id', ids), { status: p.status ?? null }, 'query');
  } catch {
    return resultArray({ error: '操作失败' });
  }
  return resultArray({ data: '操作成功' });
}

/**
 * Groups.php#copy: title + "(n)" with n = how many roles have exactly the original title (so copying
 * twice makes two "X(1)"), inserted through createData — which drops `types`, so a copy of a built-in
 * admin role is an ordinary, deletable one. Customer roles get their field grants copied. No id returned.
 */
function copy(ctx: Ctx): Answer {
  const p = ctx.param;
  const info = modelGet<GroupRow>(ctx.db, 'admin_group', 'id', p.id);
  if (!info) return resultArray({ error: '参数错误' });
  const data: Params = { ...(info as unknown as Params) };
  delete data.id;
  const count = ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM admin_group WHERE ci(title) = ci(?)', info.title)?.n ?? 0;
  data.title = `${info.title}(${count})`;
  const id = createGroup(ctx, data);
  if (!id) return resultArray({ error: '操作失败' });
  systemActionLog(ctx, ctx.userInfo?.id, 'admin_group', 'role', id, 'copy', data.title, '添加了角色：' + data.title);
  if (!phpEmpty(data.pid) && phpLooseEquals(data.pid, 2)) {
    const from = whereEq('admin_field_grant', 'role_id', p.id);
    const rows = ctx.db.all<Record<string, PhpValue>>(`SELECT * FROM admin_field_grant WHERE module = 'crm' AND ${from.sql} ORDER BY grant_id`, ...from.params);
    const now = ctx.now();
    if (rows.length) ctx.db.insertAll('admin_field_grant', rows.map((r) => ({ role_id: id, module: r.module ?? null, column: r.column ?? null, content: r.content ?? null, create_time: now, update_time: now })));
  }
  return resultArray({ data: '操作成功' });
}

export const groupsController: Controller = {
  name: 'groups',
  init(ctx, action) {
    // Groups.php#_initialize: everything but index/typeList needs admin-groups-update, on top of the login.
    adminControllerInit(ctx, { permission: [''], allow: ['index', 'enables', 'copy', 'typelist', 'save', 'update', 'delete'] }, 'groups', action);
    if (!['index', 'typelist'].includes(action)) requirePermission(ctx, 'admin', 'groups', 'update');
  },
  actions: {
    index,
    typeList: () => resultArray({ data: TYPE_LIST as unknown as PhpValue }),
    save,
    update,
    delete: remove,
    enables,
    copy,
  },
};
