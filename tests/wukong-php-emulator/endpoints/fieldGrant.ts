/**
 * Field grants: application/admin/controller/FieldGrant.php → application/admin/logic/FieldGrantLogic.php.
 * Both actions are in the controller's `allow` list: any logged-in user may read and rewrite any role's
 * field grants.
 */
import { adminControllerInit } from '../auth';
import type { Ctx } from '../context';
import { createCrmFieldGrant } from '../db/fieldGrants';
import { whereEq } from '../db/where';
import { resultArray, type Answer } from '../envelope';
import { isPhpArray, phpEmpty, phpSerialize, phpUnserialize, phpValues, type PhpValue } from '../php';
import type { Controller } from '../route';

/**
 * FieldGrantLogic#index: the grant of (module, column, role_id). When there is none and the role exists,
 * *all eight* CRM grants of the role are inserted first — whatever module/column was asked, so asking for
 * a column that never gets a row (e.g. module `oa`) inserts another eight rows on every call. Answers
 * `{grant_id, content}` (content unserialized) or `[]`.
 */
function index(ctx: Ctx): Answer {
  const p = ctx.param;
  const conds = [whereEq('admin_field_grant', 'module', p.module), whereEq('admin_field_grant', 'column', p.column), whereEq('admin_field_grant', 'role_id', p.role_id)];
  const where = conds.map((c) => c.sql).join(' AND ');
  const params = conds.flatMap((c) => c.params);
  const count = ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM admin_field_grant WHERE ${where}`, ...params)?.n ?? 0;
  const role = whereEq('admin_group', 'id', p.role_id);
  if (count === 0 && ctx.db.get(`SELECT 1 FROM admin_group WHERE ${role.sql} LIMIT 1`, ...role.params)) createCrmFieldGrant(ctx.db, p.role_id ?? null, ctx.now());
  const row = ctx.db.get<{ grant_id: number; content: string }>(`SELECT grant_id, content FROM admin_field_grant WHERE ${where} ORDER BY grant_id LIMIT 1`, ...params);
  if (!row) return resultArray({ data: [] });
  const data: Record<string, PhpValue> = { grant_id: row.grant_id, content: row.content };
  if (!phpEmpty(row.content)) data.content = phpUnserialize(row.content);
  return resultArray({ data });
}

/**
 * FieldGrantLogic#update: `content` replaces the grant's whole list (`serialize(array_values($content))`,
 * values kept exactly as sent: strings stay strings). An unknown grant_id changes nothing and still
 * answers success; a content that is not an array makes array_values() warn and return null, so the grant
 * becomes `N;` (index then answers `content: null`) — success as well. update_time is not touched.
 */
function update(ctx: Ctx): Answer {
  const p = ctx.param;
  if (phpEmpty(p.grant_id)) return resultArray({ error: '缺少授权ID！' });
  if (phpEmpty(p.content)) return resultArray({ error: '缺少授权数据！' });
  const values = isPhpArray(p.content ?? null) ? phpValues(p.content as PhpValue[]) : null;
  ctx.db.update('admin_field_grant', whereEq('admin_field_grant', 'grant_id', p.grant_id), { content: phpSerialize(values) }, 'query');
  return resultArray({ data: '更新授权信息成功！' });
}

export const fieldGrantController: Controller = {
  name: 'fieldgrant',
  init(ctx, action) {
    adminControllerInit(ctx, { permission: [''], allow: ['index', 'update'] }, 'fieldgrant', action);
  },
  actions: { index, update },
};
