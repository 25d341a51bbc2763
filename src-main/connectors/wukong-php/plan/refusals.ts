import type { LocalizedText, Snapshot } from '../../../common/domain';
import type { CellChange } from '../../../common/draft';
import type { PlanRefusal } from '../../connector';
import { isBuiltInField, isFieldGrantColumn, lockedAgainst } from '../fieldGrants';
import { SCOPED_CATEGORIES } from '../pull/mapCatalogue';

/** `5kcrm_admin_group.title` is varchar(100) and `rules` varchar(2000) (public/sql/5kcrm.sql). */
const TITLE_MAX = 100;
const RULES_MAX = 2000;

const refuse = (reason: LocalizedText, cellKey?: string): PlanRefusal => ({ code: 'NOT_STORABLE', reason, ...(cellKey ? { cellKey } : {}) });

/**
 * What WukongCRM 11.0 PHP cannot store, cell by cell. `raw` are the cells of the draft as it is, `changes` those of
 * the projection closed over parent rules (closeGrants.ts); `projection` is the closed one.
 */
export function refusalsFor(server: Snapshot, projection: Snapshot, raw: readonly CellChange[], changes: readonly CellChange[]): PlanRefusal[] {
  const out: PlanRefusal[] = [];
  const serverRoles = new Map(server.roles.map((r) => [r.id, r]));
  const serverDepartments = new Map(server.departments.map((d) => [d.id, d]));
  const roles = new Map(projection.roles.map((r) => [r.id, r]));
  const permissions = new Map(projection.permissions.map((p) => [p.id, p]));
  const roleName = (id: string) => roles.get(id)?.name ?? serverRoles.get(id)?.name ?? id;
  const deptName = (id: string) => serverDepartments.get(id)?.name ?? id;

  for (const c of raw) {
    // groups/update adds the parents of every id it is given (Group.php updateDataById): a module or controller
    // revoked while one of its actions stays granted comes straight back.
    if (c.kind === 'rolePermission' && c.before && !c.after && roles.get(c.roleId)?.permissionIds.includes(c.permissionId)) {
      const label = permissions.get(c.permissionId)?.label ?? serverPermissionLabel(server, c.permissionId);
      out.push(
        refuse(
          {
            'zh-CN': `悟空CRM（PHP 版）保存角色「${roleName(c.roleId)}」时会自动补回「${label['zh-CN']}」：它下面还有已授予的权限，请一并撤销`,
            en: `WukongCRM (PHP) puts "${label.en}" back whenever role "${roleName(c.roleId)}" is saved, because permissions below it stay granted: revoke those too`,
          },
          c.key,
        ),
      );
    }
  }

  const written = new Set<string>();
  for (const c of changes) {
    switch (c.kind) {
      case 'role':
        if (c.after && !c.before) {
          written.add(c.roleId);
          const role = roles.get(c.roleId);
          // Group::createData unsets `types`: a role created through the API is never a system / super-admin role.
          if (role?.label === 1) {
            out.push(
              refuse({
                'zh-CN': `无法新建超级管理员角色「${role.name}」：悟空CRM（PHP 版）的接口不能设置角色的系统类型（types）`,
                en: `Role "${role.name}" cannot be created as a super-admin role: WukongCRM (PHP) lets no API call set a role's system type (types)`,
              }),
            );
          }
          if (role && role.name.length > TITLE_MAX) out.push(titleTooLong(role.name));
        } else if (!c.after) {
          const role = serverRoles.get(c.roleId);
          // Groups::delete: `if ($dataInfo['types']) 系统角色，不能删除`.
          if (role && role.label !== null && role.label !== 0) {
            out.push(
              refuse(
                {
                  'zh-CN': `「${role.name}」是系统角色，悟空CRM（PHP 版）不允许删除`,
                  en: `"${role.name}" is a system role; WukongCRM (PHP) does not allow deleting it`,
                },
                c.key,
              ),
            );
          }
        }
        break;
      case 'roleName':
        if (c.after.length > TITLE_MAX) out.push(titleTooLong(c.after, c.key));
        break;
      case 'rolePermission':
      case 'roleScope':
        written.add(c.roleId);
        break;
      case 'department':
        // Structure::delStrById refuses a department without a parent (`删除失败`).
        if (!c.after && c.before && c.before.parentId === null) {
          out.push(
            refuse(
              { 'zh-CN': `无法删除顶级部门「${c.before.name}」：悟空CRM（PHP 版）不允许`, en: `The top-level department "${c.before.name}" cannot be deleted on WukongCRM (PHP)` },
              c.key,
            ),
          );
        }
        break;
      case 'departmentParent': {
        // Structures::update: `if (empty($dataInfo['pid']) || $param['id'] == '1') unset($param['pid'])`.
        const was = serverDepartments.get(c.departmentId);
        if (was && (was.parentId === null || c.departmentId === '1')) {
          out.push(
            refuse(
              {
                'zh-CN': `悟空CRM（PHP 版）不能移动部门「${deptName(c.departmentId)}」（顶级部门或 1 号部门的上级不可修改）`,
                en: `WukongCRM (PHP) cannot move department "${deptName(c.departmentId)}" (the parent of a top-level department or of department 1 cannot change)`,
              },
              c.key,
            ),
          );
        }
        break;
      }
      case 'fieldRule':
        out.push(...fieldRuleRefusals(c, projection, roleName));
        break;
      case 'user':
        out.push(
          refuse(
            { 'zh-CN': '此连接器不在悟空CRM（PHP 版）上新建或删除员工', en: 'This connector does not create or delete people on WukongCRM (PHP)' },
            c.key,
          ),
        );
        break;
      default:
        break;
    }
  }

  // The stored rule string `,1,2,…,` must fit varchar(2000); MySQL would cut it (or refuse, in strict mode).
  for (const roleId of written) {
    const role = roles.get(roleId);
    if (!role) continue;
    const length = role.permissionIds.length === 0 ? 0 : role.permissionIds.join(',').length + 2;
    if (length > RULES_MAX) {
      out.push(
        refuse({
          'zh-CN': `角色「${role.name}」的权限过多：悟空CRM（PHP 版）最多保存 ${RULES_MAX} 个字符的权限列表`,
          en: `Role "${role.name}" holds too many permissions: WukongCRM (PHP) stores at most ${RULES_MAX} characters of rule ids`,
        }),
      );
    }
  }
  return out;
}

function fieldRuleRefusals(c: Extract<CellChange, { kind: 'fieldRule' }>, projection: Snapshot, roleName: (id: string) => string): PlanRefusal[] {
  const role = projection.roles.find((r) => r.id === c.roleId);
  if (!role) return []; // the role is deleted: its grants go with it (Groups::delete → deleteCrmFieldGrant)
  const where = `${c.module}.${c.field}`;
  // Groups::save creates field grants only for `pid == 2`, and only the eight columns exist (FieldGrantLogic).
  if (!SCOPED_CATEGORIES.has(Number(role.groupId)) || !isFieldGrantColumn(c.module)) {
    return [
      refuse(
        {
          'zh-CN': `悟空CRM（PHP 版）只为客户管理角色的线索、客户、联系人、商机、合同、回款、产品、回访保存字段权限（${where}）`,
          en: `WukongCRM (PHP) keeps field rules only for CRM roles and the leads, customer, contacts, business, contract, receivables, product and visit modules (${where})`,
        },
        c.key,
      ),
    ];
  }
  if (c.after === null) {
    if (c.before === null || !isBuiltInField(c.module, c.field)) return [];
    return [
      {
        code: 'FIELD_RULE_REMOVAL',
        cellKey: c.key,
        reason: {
          'zh-CN': `「${where}」是内置字段，悟空CRM（PHP 版）始终为角色「${roleName(c.roleId)}」列出它的字段权限：只能修改，不能删除`,
          en: `"${where}" is a built-in field; WukongCRM (PHP) always lists its rule for role "${roleName(c.roleId)}": it can be changed, not removed`,
        },
      },
    ];
  }
  const out: PlanRefusal[] = [];
  if (c.after.mask !== 'none') {
    out.push(refuse({ 'zh-CN': `悟空CRM（PHP 版）的字段权限没有脱敏（${where}）`, en: `WukongCRM (PHP) field rules have no masking (${where})` }, c.key));
  }
  const locked = lockedAgainst(c.module, c.field, c.after.access);
  if (locked) {
    const box = locked === 'read' ? { zh: '查看', en: 'read' } : { zh: '编辑', en: 'write' };
    out.push(
      refuse(
        {
          'zh-CN': `悟空CRM（PHP 版）固定了「${where}」的“${box.zh}”权限，不能改成这样`,
          en: `WukongCRM (PHP) fixes the ${box.en} checkbox of "${where}": it cannot be set this way`,
        },
        c.key,
      ),
    );
  }
  return out;
}

function titleTooLong(name: string, cellKey?: string): PlanRefusal {
  return refuse(
    {
      'zh-CN': `角色名「${name.slice(0, 20)}…」超过 ${TITLE_MAX} 个字符，悟空CRM（PHP 版）存不下`,
      en: `The role name "${name.slice(0, 20)}…" is longer than ${TITLE_MAX} characters, which WukongCRM (PHP) cannot store`,
    },
    cellKey,
  );
}

function serverPermissionLabel(server: Snapshot, id: string): LocalizedText {
  return server.permissions.find((p) => p.id === id)?.label ?? { 'zh-CN': id, en: id };
}
