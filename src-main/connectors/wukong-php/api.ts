import type { Endpoint } from './session';
import {
  fieldGrantSchema,
  groupTreeSchema,
  ruleTreeSchema,
  structureListSchema,
  typeListSchema,
  userPageSchema,
  writeResultSchema,
  type PhpFieldGrantEntry,
} from './schemas';

/**
 * The WukongCRM 11.0 PHP endpoints the connector uses (config/route_admin.php, all POST), each with the JSON body
 * its controller reads and the schema of its answer. Only keys the controllers know are ever sent: `groups/save`
 * and `groups/update` hand the whole request to `insertGetId` / `update`, and ThinkPHP's strict field check turns
 * any other key into HTTP 500 `数据表字段不存在` (application/admin/model/Group.php; OBSERVED §3.3).
 */
const write = (path: string, body: Record<string, unknown>): Endpoint<unknown> => ({ path, body, data: writeResultSchema });

/** Rule ids as the server wrote them: numbers where numeric, anything else (kept from a re-read) as it was. */
const ruleIds = (ids: readonly string[]) => ids.map((r) => (/^\d+$/.test(r) ? Number(r) : r));

export const phpEndpoints = {
  // ---- reads ----
  /** The four role categories 1 系统 / 6 办公 / 2 客户 / 9 项目 (Group::getTypeList, a constant). */
  typeList: () => ({ path: '/admin/groups/typeList', body: {}, data: typeListSchema }),
  /**
   * The rule tree of one category (Rule::getDataList with `type: 'tree'`): rules whose `types` belong to the
   * category (Rule::groupsToRules: 2 → types 2 + 6, 1 → 0, 6 → 1 + 7, 9 → 9), without status-0 rules and rule 31 —
   * exactly what the CRM's role screen offers.
   */
  ruleTree: (category: number) => ({ path: '/admin/rules/index', body: { type: 'tree', pid: category }, data: ruleTreeSchema }),
  /** Every category with its roles, rules as the stored `,1,2,` string (Group::getDataList `tree == 1`). */
  groupTree: () => ({ path: '/admin/groups/index', body: { tree: 1 }, data: groupTreeSchema }),
  /** Every department reachable from a top-level one, flat (Structure::getDataList). */
  structures: () => ({ path: '/admin/structures/index', body: {}, data: structureListSchema }),
  /**
   * Every user: without `status` the list holds only disabled users (`$map['user.status'] = 0`), so `status: 'all'`
   * (≥ 0); `pageType: 'all'` turns paging off (application/admin/model/User.php `getDataList`, Common::fmtRequest).
   */
  users: () => ({ path: '/admin/users/index', body: { status: 'all', pageType: 'all' }, data: userPageSchema }),
  /**
   * The field grant of one CRM role and module. Creates the role's eight rows first when it has none
   * (FieldGrantLogic::index → createCrmFieldGrant), so only the eight known columns are ever asked: an unknown
   * column would add eight duplicate rows on every call (OBSERVED §4).
   */
  fieldGrant: (roleId: number, column: string) => ({ path: '/admin/fieldGrant/index', body: { module: 'crm', column, role_id: roleId }, data: fieldGrantSchema }),

  // ---- writes ----
  /**
   * `Groups::save`: the rules exactly as given, no parent ids added (unlike update, Group.php createData vs
   * updateDataById); no id returned (`{"data":1}`). The CRM role's field grants are created when `pid == 2`.
   */
  saveGroup: (body: { title: string; pid: number; type: number; remark?: string }) => write('/admin/groups/save', { ...body, rules: [] }),
  /**
   * `Groups::update` without a title: the rules are replaced by the given set plus every parent id of it
   * (Group.php updateDataById, "处理编辑时，前端可能不传父id的问题"); `type` (data scope) is written when sent. Never
   * with `title`: a non-empty title makes the update drop `rules` entirely (`if($param['title']) unset($param['rules'])`).
   * An empty list stores `''` (no rules at all).
   */
  setGroupRules: (id: number, rules: readonly string[], dataScope?: number) =>
    write('/admin/groups/update', { id, rules: ruleIds(rules), ...(dataScope === undefined ? {} : { type: dataScope }) }),
  /** `Groups::update` with a title only: the rules are left alone (see setGroupRules), nothing else is sent. */
  renameGroup: (id: number, title: string) => write('/admin/groups/update', { id, title }),
  /** `Groups::enables` (refuses roles with `types != 0`: `系统角色，不能删除`). JSON keeps `status` an int (Common::enableDatas compares `=== '0'`). */
  enableGroup: (id: number, status: 0 | 1) => write('/admin/groups/enables', { id, status }),
  /** `Groups::delete`: the row and its crm field grants; `admin_access` rows stay (users keep a dangling id). */
  deleteGroup: (id: number) => write('/admin/groups/delete', { id }),
  /** `Structures::save` (no check of pid or owner; answers `添加成功`, no id). `owner_user_id` 0 = no head. */
  saveStructure: (body: { name: string; pid: number; owner_user_id: number }) => write('/admin/structures/save', body),
  /**
   * `Structures::update`: `name` is required (validate/AdminStructure.php), the other columns are written only
   * when sent (Common::updateDataById, allowField save). `pid` is ignored for top-level departments.
   */
  updateStructure: (body: { id: number; name: string; pid?: number; owner_user_id?: number }) => write('/admin/structures/update', body),
  /** `Structures::delete` → Structure::delStrById: deletes every sub-department too; refuses top-level ones and any with people below. */
  deleteStructure: (id: number) => write('/admin/structures/delete', { id }),
  /** `Users::groups`: adds (user, role) pairs, never removes (Access::userGroup without 'update'). */
  addUserGroups: (userIds: readonly number[], groupIds: readonly number[]) => write('/admin/users/groups', { users: userIds, groups: groupIds }),
  /** `Users::groupsDel`: removes one pair; `员工至少保留一个角色！` when it is the user's only access row. */
  removeUserGroup: (userId: number, groupId: number) => write('/admin/users/groupsDel', { user_id: userId, group_id: groupId }),
  /** `Users::setUserDept` → User::setUserDept: one UPDATE per id; fails when the last one changed no row. */
  setUserDept: (userIds: readonly number[], structureId: number) => write('/admin/users/setUserDept', { id: userIds, structure_id: structureId }),
  /** `Users::setParent`: a superior for several users; refuses a superior of 0, user 1 in the list, and loops. */
  setParent: (userIds: readonly number[], parentId: number) => write('/admin/users/setParent', { id_list: userIds, parent_id: parentId }),
  /**
   * `Users::update` with `id`: writes the given columns (allowField save) and REPLACES the roles with `group_id`,
   * which is required (User::updateDataById, Access::userGroup 'update').
   */
  updateUser: (body: { id: number; parent_id: number; group_id: readonly number[] }) => write('/admin/users/update', body),
  /** `Users::enables`: status 0 / 1 / 2 for several users; user 1 is silently skipped for 0; a missing status disables. */
  enableUsers: (userIds: readonly number[], status: 0 | 1 | 2) => write('/admin/users/enables', { id: userIds, status }),
  /** `FieldGrant::update`: REPLACES the grant's whole content (`serialize(array_values($content))`); keyed by grant_id only. */
  updateFieldGrant: (grantId: number, content: readonly PhpFieldGrantEntry[]) => write('/admin/fieldGrant/update', { grant_id: grantId, content }),
} satisfies Record<string, (...args: never[]) => Endpoint<unknown>>;
