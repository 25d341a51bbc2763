import type { LocalizedText, Snapshot } from '../../../common/domain';
import type { CellChange } from '../../../common/draft/cells';

/** Why the server cannot store part of a draft. The plan is refused as a whole: nothing is sent. */
export type RefusalCode =
  | 'RULES'
  | 'FIELD_RULE_REMOVAL'
  | 'STATUS_NOT_SETTABLE'
  | 'PEOPLE_NOT_CREATED'
  | 'NO_DATA_SCOPE'
  | 'TOP_LEVEL_DEPARTMENT'
  | 'DEPARTMENT_NAME_TOO_LONG'
  | 'NAME_ORDER';

export interface PlanRefusal {
  code: RefusalCode;
  reason: LocalizedText;
  /** The cell concerned (`cellKey`), when there is one. */
  cellKey?: string;
}

/** `AdminDeptBO.name` is `@Size(max = 20)` (reference §2). */
const DEPARTMENT_NAME_MAX = 20;

/**
 * What WukongCRM 11 cannot store, cell by cell: field rules cannot be deleted (`saveRoleField` only updates rows
 * by id, §6), people can be enabled or disabled but not made "not yet activated" (§3), nobody is created or
 * deleted by a draft, scope exists per role only and only where the role type has one (§4.1, §7.1), there is a
 * single top-level department (§2) and department names are at most 20 characters (§2).
 */
export function refusalsFor(changes: readonly CellChange[], projection: Snapshot): PlanRefusal[] {
  const out: PlanRefusal[] = [];
  const groups = new Map(projection.roleGroups.map((g) => [g.id, g]));
  const roles = new Map(projection.roles.map((r) => [r.id, r]));
  for (const c of changes) {
    switch (c.kind) {
      case 'fieldRule':
        if (c.after === null && roles.has(c.roleId)) {
          out.push({
            code: 'FIELD_RULE_REMOVAL',
            cellKey: c.key,
            reason: {
              'zh-CN': `悟空CRM 无法删除字段权限（${c.module}.${c.field}），只能修改它`,
              en: `WukongCRM cannot delete a field rule (${c.module}.${c.field}); it can only change it`,
            },
          });
        }
        break;
      case 'userStatus':
        if (c.after === 'inactive') {
          out.push({
            code: 'STATUS_NOT_SETTABLE',
            cellKey: c.key,
            reason: { 'zh-CN': `悟空CRM 只能启用或禁用员工，不能设为“未激活”（${c.userId}）`, en: `WukongCRM can only enable or disable people, not make them "not activated" (${c.userId})` },
          });
        }
        break;
      case 'user':
        out.push({
          code: 'PEOPLE_NOT_CREATED',
          cellKey: c.key,
          reason: { 'zh-CN': `推送不会新建或删除员工（${c.userId}）`, en: `A push does not create or delete people (${c.userId})` },
        });
        break;
      case 'roleScope': {
        const group = groups.get(roles.get(c.roleId)?.groupId ?? '');
        if (group && !group.hasDataScope) {
          out.push({
            code: 'NO_DATA_SCOPE',
            cellKey: c.key,
            reason: { 'zh-CN': `「${group.label['zh-CN']}」的角色没有数据权限`, en: `Roles of "${group.label.en}" have no data scope` },
          });
        }
        break;
      }
      case 'departmentParent':
        if (c.after === null) {
          out.push({ code: 'TOP_LEVEL_DEPARTMENT', cellKey: c.key, reason: { 'zh-CN': '悟空CRM 只能有一个顶级部门', en: 'WukongCRM has exactly one top-level department' } });
        }
        break;
      case 'departmentName':
      case 'department': {
        const name = c.kind === 'department' ? c.after?.name : c.after;
        if (name !== undefined && name.length > DEPARTMENT_NAME_MAX) {
          out.push({
            code: 'DEPARTMENT_NAME_TOO_LONG',
            cellKey: c.key,
            reason: { 'zh-CN': `部门名称最多 ${DEPARTMENT_NAME_MAX} 个字：${name}`, en: `Department names are at most ${DEPARTMENT_NAME_MAX} characters: ${name}` },
          });
        }
        break;
      }
      default:
        break;
    }
  }
  return out;
}
