import type { LocalizedText } from '../domain';

/** The first user; WukongCRM forces its id in `initUser` and hard-codes it in `UserUtil.isAdmin` (reference §3, §4.1). */
export const WUKONG_SUPER_USER_ID = '14773';
/** The seed super-admin role, hard-coded in `UserUtil.isAdmin` whatever its remark (reference §4.1, §5.6; see superAdmin.ts). */
export const WUKONG_SUPER_ROLE_ID = '180162';
/** The single seed department 全公司 (reference §2). */
export const WUKONG_ROOT_DEPARTMENT_ID = '14852';

/** CRM modules that carry field rules, by `wk_crm_field.label` (`CrmEnum`, reference §6). 9 = customer pool has none. */
export const CRM_MODULE_BY_LABEL: Readonly<Record<number, string>> = {
  1: 'leads',
  2: 'customer',
  3: 'contacts',
  4: 'product',
  5: 'business',
  6: 'contract',
  7: 'receivables',
  8: 'receivablesPlan',
  10: 'marketing',
  17: 'visit',
  18: 'invoice',
};

export interface WukongRoleType {
  roleType: number;
  label: LocalizedText;
  /** Catalogue roots (menu ids) whose actions this role type can be granted. */
  rootMenuIds: readonly number[];
  /** WukongCRM shows the data-scope radio for CRM, HRM and JXC roles (reference §5.2). */
  hasDataScope: boolean;
}

/**
 * Role types as `AdminRoleTypeEnum` and `getRoleByType`/`getMenuListByType` use them (reference §4.1, §5.2).
 * CRM roles also see the `bi` tree (root 2) beside `crm`. The OA/JXC slices of `bi` are left out for
 * types 7 and 10 because they sit under the shared bi root and would drag all of bi in.
 */
export const WUKONG_ROLE_TYPES: readonly WukongRoleType[] = [
  { roleType: 1, label: { 'zh-CN': '系统管理角色', en: 'System admin roles' }, rootMenuIds: [3], hasDataScope: false },
  { roleType: 2, label: { 'zh-CN': '客户管理角色', en: 'CRM roles' }, rootMenuIds: [1, 2], hasDataScope: true },
  { roleType: 7, label: { 'zh-CN': '办公管理角色', en: 'Office roles' }, rootMenuIds: [148], hasDataScope: false },
  { roleType: 8, label: { 'zh-CN': '项目管理角色', en: 'Project admin roles' }, rootMenuIds: [149], hasDataScope: false },
  { roleType: 9, label: { 'zh-CN': '人力资源管理角色', en: 'HR roles' }, rootMenuIds: [5], hasDataScope: true },
  { roleType: 10, label: { 'zh-CN': '进销存管理角色', en: 'Inventory roles' }, rootMenuIds: [6], hasDataScope: true },
  { roleType: 5, label: { 'zh-CN': '项目内部角色', en: 'Project member roles' }, rootMenuIds: [300], hasDataScope: false },
];

/** Role group ids as the domain sees them (String(roleType)). */
export const WUKONG_ROLE_GROUP = {
  system: '1',
  crm: '2',
  office: '7',
  project: '8',
  hrm: '9',
  jxc: '10',
  projectMember: '5',
} as const;

/**
 * CRM action menus that WukongCRM filters by data scope: `CrmAuthEnum#getMenuId` ADD/EDIT/LIST/READ/DELETE per
 * module, plus follow-up records 441–444 (reference §5.5). Every other action ignores the role's dataType.
 */
export const WUKONG_SCOPED_MENU_IDS: ReadonlySet<number> = new Set([
  17, 18, 19, 20, 23, // leads
  26, 27, 28, 29, 32, // customer
  40, 41, 42, 43, 44, // contacts
  46, 47, 48, 49, 50, // business
  53, 54, 55, 56, 57, // contract
  60, 61, 62, 63, 64, // receivables
  65, 66, 67, 68, 211, // product
  421, 422, 423, 424, 425, // invoice
  937, 938, 939, 940, 941, // receivablesPlan
  441, 442, 443, 444, // follow-up records
]);
