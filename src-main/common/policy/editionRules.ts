import type { CrmEdition } from '../crm';
import type { Role, Snapshot } from '../domain';
import { gatewayAdminRoleId, isSuperAdminRole } from '../wukong';
import { WUKONG_RECURSION_DEPTH } from './compiledPolicy';

/**
 * The rules the two WukongCRM 11 editions apply to a snapshot, in one place: the engine (compile, the incremental
 * update, explain, fields, the lints) reads them from here, never from the edition's name. Citations: Java =
 * WukongCRM-11.0-JAVA at 1fa4ec2 (reference wukong-crm-11-api.md), PHP = WukongCRM-11.0-PHP v11.0.3 (7195433).
 * The naive reference (testing/naive.ts) spells each rule out again on its own, on purpose.
 *
 * Shared by both editions (the engine has one code path for these):
 * - Scope numbers: 1 本人 self · 2 本人及下属 self + reports · 3 本部门 own department · 4 本部门及下属部门 department
 *   tree · 5 全部 everyone — the domain's DataScope is Java's `dataType` and PHP's `admin_group.type` unchanged.
 * - Only roles that grant the exact permission count (Java: the exact menu id, §7.1; PHP: `getGroupTypeByAction`
 *   tests `in_array($aRuleId, rules)`), and 5 among them means everyone (Java: the max; PHP: `in_array(5, …)`).
 * - Scope 2 follows manager links transitively (Java `queryChildUserId`; PHP `getSubUser`, common.php:632), scope 3
 *   matches the department id alone (Java `dept_id`; PHP `getSubUserByStr`: `structure_id in`), scope 4 walks
 *   parent links (Java `queryChildDept`; PHP `Structure::getAllChild`, admin/model/Common.php:255). Self is always
 *   in. Disabled people stay owners, department heads get nothing extra, role status is never read.
 * - Field access across roles is the most permissive (Java max(auth_level); PHP max(read), max(write)), and a user
 *   none of whose roles restricts a module sees and edits all of its fields.
 *
 * Where they differ, each rule below names both sources.
 */
export interface EditionRules {
  readonly edition: CrmEdition;
  /**
   * Data scope among several roles granting the same permission.
   * - `widest` (Java): the largest raw `data_type` (`ORDER BY data_type desc limit 1`, AdminRoleMapper.xml), then
   *   `DataAuthEnum.valueOf` (dataType.ts).
   * - `lastListed` (PHP): `User::getUserByPer` (admin/model/User.php:1150) collects the `type` of each of the user's
   *   roles holding the rule in the order of the user's roles (`admin_access`: assignment order = `user.roleIds`),
   *   removes repeats keeping the first (`array_unique`), takes everyone if one is 5, else loops and OVERWRITES:
   *   the type met last wins, even a narrower one. Types outside 1..5 match no branch and change nothing.
   */
  readonly scopeAcrossRoles: 'widest' | 'lastListed';
  /** Whether the order of a user's roles can change an answer: profiles are then keyed by the ordered list. */
  readonly roleOrderMatters: boolean;
  /**
   * Levels below a user (scope 2) and a department (scope 4) the server still reaches. Java: 20
   * (`Const.AUTH_DATA_RECURSION_NUM`); PHP: unbounded (`getSubUser` and `getAllChild` recurse to the end).
   */
  readonly recursionDepth: number;
  /**
   * Users the server treats as super admin by id, besides `snapshot.superUserIds` (the ids the pull lists).
   * Java: none beyond the data (the pull lists 14773, superAdmin.ts). PHP: user 1, hard-coded in
   * `User::getAdminId()` (User.php:1124) and `isSuperAdministrators` (common.php:2164).
   */
  readonly superUserIds: readonly string[];
  /**
   * Holding this role makes a user super admin: every permission at scope 5 (and, where `superAdminFields` says so,
   * every field). Java: role 180162 (`UserUtil.isAdmin`, superAdmin.ts). PHP: role (admin_group) 1, whose holders
   * `getAdminId()` lists and `getUserByPer` answers with everyone.
   */
  isSuperRole(role: Role): boolean;
  /**
   * Roles whose holders pass the permission gate for every URL (the engine's `passesGateway`).
   * Java: the one role found by `remark = 'admin' limit 1` (`queryNoAuthMenu`, superAdmin.ts).
   * PHP: every role of `types` 1 — the PHP pull keeps `admin_group.types` in `role.label` — since
   * `AuthenticateBehavior` and `checkPerByAction` let a user through when `adminGroupTypes()` (common.php:1546)
   * contains 1, and `getRulesList` then lists every rule.
   */
  gatewayRoleIds(roles: readonly Role[]): readonly string[];
  /**
   * Roles whose holders see everyone where their scope comes out as 2 (self + reports). PHP: `getSubUserId()`
   * (common.php:593) switches to every user when `adminGroupTypes()` contains 1, i.e. for holders of a role of
   * `types` 1 (the pull's `role.label`). Java: none.
   */
  reportsReadAsEveryone(role: Role): boolean;
  /**
   * Field access of a role for a field it has no rule for.
   * - `rowOfTheField` (Java, `CrmRoleFieldServiceImpl#queryUserRoleField`, §6): the role has not been initialised
   *   for that field and contributes nothing.
   * - `grantOfTheModule` (PHP, `getFieldGrantStatus`, common.php:2228): one grant per role × module
   *   (`admin_field_grant`); a role with a grant for the module that does not list the field gives read + write
   *   ("不在权限控制之内的字段"); a role with no grant for the module contributes nothing (`getFieldGrantData`
   *   joins only existing grants).
   */
  readonly unlistedField: 'rowOfTheField' | 'grantOfTheModule';
  /**
   * Field access of a super admin. Java: computed from their roles like anyone's (only masks are skipped,
   * `replaceMaskFieldValue`). PHP: unrestricted — every field-grant check is behind `!isSuperAdministrators()`
   * (admin/model/Field.php:677, crm/model/*.php).
   */
  readonly superAdminFields: 'fromRoles' | 'unrestricted';
  /**
   * Masks. Java: the strictest `mask_type` over every role's row for the field (`queryMaskFieldList`), skipped for
   * super admins. PHP: none — the field grant holds read and write only (FieldGrantLogic.php), nothing masks.
   */
  readonly fieldMasks: boolean;
}

/** The edition a snapshot without one follows: WukongCRM 11 Java, the only edition before editions existed. */
export const DEFAULT_EDITION: CrmEdition = 'wukong-crm-11';

/** The user PHP hard-codes as super admin (User::getAdminId, isSuperAdministrators, AuthenticateBehavior). */
export const PHP_SUPER_USER_ID = '1';
/** The PHP role whose holders are super admin (`admin_access.group_id = 1`: getAdminId, isSuperAdministrators). */
export const PHP_SUPER_ROLE_ID = '1';
/** `admin_group.types` of the super-admin kind (1超级管理员…), kept by the PHP pull in `role.label`. */
export const PHP_SUPER_ADMIN_TYPES = 1;

const JAVA_RULES: EditionRules = {
  edition: 'wukong-crm-11',
  scopeAcrossRoles: 'widest',
  roleOrderMatters: false,
  recursionDepth: WUKONG_RECURSION_DEPTH,
  superUserIds: [],
  isSuperRole: (role) => isSuperAdminRole(role.id),
  gatewayRoleIds: (roles) => {
    const id = gatewayAdminRoleId(roles);
    return id === null ? [] : [id];
  },
  reportsReadAsEveryone: () => false,
  unlistedField: 'rowOfTheField',
  superAdminFields: 'fromRoles',
  fieldMasks: true,
};

const PHP_RULES: EditionRules = {
  edition: 'wukong-php',
  scopeAcrossRoles: 'lastListed',
  roleOrderMatters: true,
  recursionDepth: Number.POSITIVE_INFINITY,
  superUserIds: [PHP_SUPER_USER_ID],
  isSuperRole: (role) => role.id === PHP_SUPER_ROLE_ID,
  gatewayRoleIds: (roles) => roles.filter((r) => r.label === PHP_SUPER_ADMIN_TYPES).map((r) => r.id),
  reportsReadAsEveryone: (role) => role.label === PHP_SUPER_ADMIN_TYPES,
  unlistedField: 'grantOfTheModule',
  superAdminFields: 'unrestricted',
  fieldMasks: false,
};

export const EDITION_RULES: Readonly<Record<CrmEdition, EditionRules>> = { 'wukong-crm-11': JAVA_RULES, 'wukong-php': PHP_RULES };

export function editionOf(snapshot: Pick<Snapshot, 'edition'>): CrmEdition {
  return snapshot.edition ?? DEFAULT_EDITION;
}

export function editionRules(snapshot: Pick<Snapshot, 'edition'>): EditionRules {
  return EDITION_RULES[editionOf(snapshot)];
}

/** Whether the user is super admin by id: listed in the snapshot, or hard-coded by the edition. */
export function isSuperUserId(rules: EditionRules, userId: string, superUserIds: ReadonlySet<string> | readonly string[]): boolean {
  return ('has' in superUserIds ? superUserIds.has(userId) : superUserIds.includes(userId)) || rules.superUserIds.includes(userId);
}
