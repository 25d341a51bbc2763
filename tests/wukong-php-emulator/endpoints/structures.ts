/**
 * Departments: application/admin/controller/Structures.php with application/admin/model/Structure.php
 * (and Common.php, extend/com/Category.php, extend/com/Tree.php, application/admin/common.php#foreachData).
 */
import { adminControllerInit, requirePermission, systemActionLog } from '../auth';
import type { Ctx } from '../context';
import { PhpException } from '../db/mysql';
import { modelGet, rawNumber, whereIn } from '../db/where';
import { resultArray, type Answer } from '../envelope';
import { phpEmpty, phpLooseEquals, phpString, phpTruthy, type Params, type PhpValue } from '../php';
import type { Controller } from '../route';

interface StructureRow {
  id: number;
  name: string;
  pid: number | null;
  owner_user_id: number | null;
}

type Listed = StructureRow & { level: number; label: string; structure_id: number; owner_user_name?: string | null; children?: Listed[] };

/** Category::getList: depth-first from pid 0 by id; a department whose parent chain never reaches 0 is not listed. */
function categoryList(rows: StructureRow[]): Listed[] {
  const out: Listed[] = [];
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

const ownerName = (ctx: Ctx, id: number | null) => ctx.db.get<{ realname: string }>('SELECT realname FROM admin_user WHERE id = ?', id)?.realname || null;

/**
 * Structure.php#getDataList: the flat depth-first list (each with `owner_user_name`), or with any truthy
 * `type` the same nested under `children` — where only the top-level departments get `owner_user_name`.
 */
function index(ctx: Ctx): Answer {
  const rows = ctx.db.all<StructureRow>('SELECT * FROM admin_structure ORDER BY id');
  let data: Listed[] = categoryList(rows);
  if (phpTruthy(ctx.param.type)) {
    const byId = new Map<number, Listed>();
    const roots: Listed[] = [];
    for (const n of data) byId.set(n.id, n);
    for (const n of data) {
      const parent = n.pid === null || n.pid === 0 ? undefined : byId.get(n.pid);
      if (!parent) roots.push(n);
      else (parent.children ??= []).push(n);
    }
    data = roots;
  }
  for (const d of data) d.owner_user_name = ownerName(ctx, d.owner_user_id);
  return resultArray({ data: data as unknown as PhpValue });
}

/**
 * Structures.php#save: the "请选择上级部门" / "请选择部门负责人" checks build an answer and drop it (no
 * `return`), so a department without pid is saved as another root (pid 0) and one without name as ''.
 * Model save with allowField(true) (name, pid, owner_user_id — and id, if sent), then the system log,
 * whose target_name is varchar(50) and NOT NULL: a missing name or one over 50 characters fails *after*
 * the department exists (HTTP 500). Answers 添加成功, no id.
 */
function save(ctx: Ctx): Answer {
  requirePermission(ctx, 'admin', 'users', 'structures_save');
  const p = ctx.param;
  const id = ctx.db.insert('admin_structure', p, 'model');
  systemActionLog(ctx, ctx.userInfo?.id, 'admin_structure', 'structures', id, 'save', p.name, '添加了部门：' + phpString(p.name ?? null));
  return resultArray({ data: '添加成功' });
}

/** `Structure::getDataByID($id)`: `where('id ='.$id)` — a missing id is a syntax error (HTTP 500). */
function getDataByID(ctx: Ctx, id: PhpValue | undefined): StructureRow | undefined {
  return ctx.db.get<StructureRow>('SELECT * FROM admin_structure WHERE id = ?', rawNumber(id, ''));
}

/**
 * Structures.php#update: pid is dropped for the root (id 1, or a department whose pid is empty); the rest
 * (Common.php#updateDataById) needs a `name` (validate/AdminStructure.php: 部门名称必须填写) and writes
 * name/pid/owner_user_id as sent — no check that the new parent exists or is not the department itself
 * or one of its own sub-departments (such a department drops out of index). Then the system log (same
 * target_name limits as save).
 */
function update(ctx: Ctx): Answer {
  requirePermission(ctx, 'admin', 'users', 'structures_update');
  const param: Params = { ...ctx.param };
  const info = getDataByID(ctx, param.id);
  if (phpEmpty(info?.pid ?? null) || phpLooseEquals(param.id, '1')) delete param.pid;
  const check = modelGet<StructureRow>(ctx.db, 'admin_structure', 'id', param.id);
  if (!check) return resultArray({ error: '暂无此数据' });
  if (phpEmpty(param.name) && param.name !== 0 && param.name !== '0') return resultArray({ error: '部门名称必须填写' });
  try {
    ctx.db.update('admin_structure', { sql: 'id = ?', params: [check.id] }, param, 'model');
  } catch (error) {
    if (error instanceof PhpException) return resultArray({ error: '编辑失败' });
    throw error;
  }
  systemActionLog(ctx, ctx.userInfo?.id, 'admin_structure', 'structures', param.id, 'update', param.name, '编辑了部门名称：' + phpString(param.name ?? null));
  return resultArray({ data: '编辑成功' });
}

function allChildren(ctx: Ctx, id: number, out: number[] = []): number[] {
  for (const c of ctx.db.all<{ id: number }>('SELECT id FROM admin_structure WHERE pid = ? ORDER BY id', id)) {
    if (out.includes(c.id)) continue;
    out.push(c.id);
    allChildren(ctx, c.id, out);
  }
  return out;
}

/**
 * Structures.php#delete → Structure.php#delStrById: the root (empty pid) and unknown ids → 删除失败; any
 * user (disabled ones included) in it or below → refused; otherwise the department *and all its
 * sub-departments* go, in one transaction (Common.php#delDataById), then the system log.
 */
function remove(ctx: Ctx): Answer {
  requirePermission(ctx, 'admin', 'users', 'structures_delete');
  const id = ctx.param.id;
  if (phpEmpty(id)) return resultArray({ error: '删除失败' });
  const info = getDataByID(ctx, id);
  if (!info || phpEmpty(info.pid)) return resultArray({ error: '删除失败' });
  const all = [info.id, ...allChildren(ctx, info.id)];
  const users = whereIn('admin_user', 'structure_id', all);
  if (ctx.db.get(`SELECT 1 FROM admin_user WHERE ${users.sql} LIMIT 1`, ...users.params)) return resultArray({ error: '该部门或其下属部门已存在员工，不能删除' });
  ctx.db.startTrans();
  try {
    ctx.db.delete('admin_structure', { sql: 'id = ?', params: [info.id] });
    const children = allChildren(ctx, info.id);
    if (children.length) ctx.db.delete('admin_structure', whereIn('admin_structure', 'id', children));
    ctx.db.commit();
  } catch (error) {
    if (!(error instanceof PhpException)) throw error;
    ctx.db.rollback();
    return resultArray({ error: '删除失败' });
  }
  systemActionLog(ctx, ctx.userInfo?.id, 'admin_structure', 'structures', id, 'delete', info.name, '删除了部门：' + info.name);
  return resultArray({ data: '删除成功' });
}

export const structuresController: Controller = {
  name: 'structures',
  init(ctx, action) {
    adminControllerInit(
      ctx,
      { permission: [''], allow: ['index', 'read', 'save', 'update', 'delete', 'deletes', 'enables', 'listdialog', 'subindex', 'getsubuserbystructrue'] },
      'structures',
      action,
    );
  },
  actions: { index, save, update, delete: remove },
};
