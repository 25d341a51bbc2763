/**
 * The WukongCRM 11 seed data shipped in `resources/wukong/` (menu catalogue §5, default roles §5.6, CRM
 * fields §6) and the constants the server hard-codes around it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const RESOURCES = new URL('../../../resources/wukong/', import.meta.url);

const menuRowSchema = z.object({
  menuId: z.number().int(),
  parentId: z.number().int(),
  menuName: z.string(),
  realm: z.string(),
  menuType: z.number().int().nullable(),
  realmUrl: z.string().nullable(),
  sort: z.number().int(),
  status: z.number().int(),
  remarks: z.string().nullable(),
});
export type MenuRow = z.infer<typeof menuRowSchema>;

const roleRowSchema = z.object({
  roleId: z.number().int(),
  roleName: z.string(),
  roleType: z.number().int(),
  remark: z.string().nullable(),
  status: z.number().int(),
  dataType: z.number().int(),
  isHidden: z.number().int(),
  label: z.number().int().nullable(),
  menuIds: z.array(z.number().int()),
});
export type RoleRow = z.infer<typeof roleRowSchema>;

const fieldRowSchema = z.object({
  fieldId: z.number().int(),
  fieldName: z.string(),
  name: z.string(),
  type: z.number().int(),
  label: z.number().int(),
  isHidden: z.number().int(),
  fieldType: z.number().int(),
});
export type FieldRow = z.infer<typeof fieldRowSchema>;

function readJson(name: string): unknown {
  return JSON.parse(readFileSync(new URL(name, RESOURCES), 'utf8'));
}

let cache: { menus: MenuRow[]; roles: RoleRow[]; fields: FieldRow[] } | undefined;

/** The 399-row `wk_admin_menu`, the 14 default roles with their menu ids and the 86 `wk_crm_field` rows. */
export function referenceData(): { menus: MenuRow[]; roles: RoleRow[]; fields: FieldRow[] } {
  cache ??= {
    menus: z.array(menuRowSchema).parse(readJson('wukong-menu-catalogue.json')),
    roles: z.object({ roles: z.array(roleRowSchema) }).parse(readJson('wukong-default-roles.json')).roles,
    fields: z.object({ fields: z.array(fieldRowSchema) }).parse(readJson('wukong-crm-fields.json')).fields,
  };
  return cache;
}

/** Hard-coded super admin: user 14773 or role 180162 (`core/utils/UserUtil.java`, §4.1). */
export const SUPER_USER_ID = 14773;
export const SUPER_ROLE_ID = 180162;
/** The single top-level department of the seed (§2). */
export const ROOT_DEPT_ID = 14852;
/** Menu 175 `manage:permission:update`: holders may assign any role (§4.3). */
export const ROLE_ADMIN_MENU_ID = 175;

/** roleType → realm of its catalogue root (`AdminRoleServiceImpl#getRoleByType`, §4.1, §5.2). */
export const ROLE_TYPE_REALM: Record<number, string> = { 1: 'manage', 2: 'crm', 5: 'work', 7: 'oa', 8: 'project', 9: 'hrm', 10: 'jxc' };

/** Role-type names used by `getRoleTypeList` / `getAllRoleList` (§4.2). */
export const ROLE_TYPE_NAME: Record<number, string> = {
  1: '系统管理角色',
  2: '客户管理角色',
  7: '办公管理角色',
  8: '项目管理角色',
  9: '人力资源管理角色',
  10: '进销存管理角色',
};

/**
 * BI realms left out of the `bi` tree of `getMenuListByType` (`AdminMenuServiceImpl#getMenuListByType`):
 * the exclusion applies at every level of the tree (§5.2).
 */
export const BI_EXCLUDED_REALMS: Record<number, string[]> = {
  2: ['oa', 'jxc'],
  7: ['achievement', 'business', 'customer', 'contract', 'product', 'portrait', 'ranking', 'call', 'jxc'],
  10: ['achievement', 'business', 'customer', 'contract', 'product', 'portrait', 'ranking', 'call', 'oa'],
};

/** CRM module label ↔ catalogue realm (`CrmEnum`, §6). */
export const LABEL_BY_MODULE: Record<string, number> = {
  leads: 1,
  customer: 2,
  contacts: 3,
  product: 4,
  business: 5,
  contract: 6,
  receivables: 7,
  receivablesPlan: 8,
  pool: 9,
  marketing: 10,
  visit: 17,
  invoice: 18,
};
export const MODULE_BY_LABEL: Record<number, string> = Object.fromEntries(
  Object.entries(LABEL_BY_MODULE).map(([module, label]) => [label, module]),
);

/** Form types that can be masked: 6 currency, 7 mobile, 14 email, 43 address (§6). */
export const MASKABLE_TYPES = new Set([6, 7, 14, 43]);

/** System fields `queryRoleField` adds when it initialises a role's rows (`CrmRoleFieldServiceImpl`, §6). */
export interface SystemField {
  fieldName: string;
  name: string;
  authLevel: number;
  operateType: number;
}
const sys = (fieldName: string, name: string, authLevel: number, operateType: number): SystemField => ({ fieldName, name, authLevel, operateType });
const OWNER = sys('owner_user_name', '负责人', 2, 4);
/** Listed by reference §6 for 11.3.3 (not in older sources); placed after the owner, operateType 2 like other read-only rows. */
const OWNER_DEPT = sys('owner_dept_name', '负责人所属部门', 2, 2);
const CREATED_BY = sys('create_user_name', '创建人', 2, 2);
const CREATED_AT = sys('create_time', '创建时间', 2, 2);
const UPDATED_AT = sys('update_time', '更新时间', 2, 2);
const LAST_TIME = sys('last_time', '最后跟进时间', 2, 2);
const LAST_CONTENT = sys('last_content', '最后跟进记录', 2, 2);
const CHECK_STATUS = sys('check_status', '审核状态', 2, 4);
export const SYSTEM_FIELDS: Record<number, SystemField[]> = {
  1: [OWNER, OWNER_DEPT, LAST_CONTENT, CREATED_BY, CREATED_AT, UPDATED_AT, LAST_TIME],
  2: [
    OWNER,
    OWNER_DEPT,
    LAST_CONTENT,
    CREATED_BY,
    CREATED_AT,
    UPDATED_AT,
    LAST_TIME,
    sys('receive_time', '负责人获取客户时间', 2, 2),
    sys('deal_status', '成交状态', 2, 4),
    sys('status', '锁定状态', 2, 2),
    sys('pool_day', '距进入公海天数', 2, 2),
  ],
  3: [OWNER, OWNER_DEPT, CREATED_BY, CREATED_AT, UPDATED_AT, LAST_TIME],
  4: [sys('status', '是否上下架', 3, 4), OWNER, OWNER_DEPT, CREATED_BY, CREATED_AT, UPDATED_AT],
  5: [sys('type_name', '商机阶段', 3, 4), sys('status_name', '商机状态组', 3, 4), OWNER, OWNER_DEPT, CREATED_BY, CREATED_AT, UPDATED_AT, LAST_TIME],
  6: [
    OWNER,
    OWNER_DEPT,
    CREATED_BY,
    CREATED_AT,
    UPDATED_AT,
    LAST_TIME,
    LAST_CONTENT,
    sys('received_money', '已收款金额', 2, 2),
    sys('unreceived_money', '未收款金额', 2, 2),
    CHECK_STATUS,
  ],
  7: [sys('contractMoney', '合同金额', 2, 2), OWNER, OWNER_DEPT, CREATED_BY, CREATED_AT, UPDATED_AT, CHECK_STATUS],
  17: [CREATED_BY, CREATED_AT, UPDATED_AT],
};

/** What the admin may change for a custom field when rows are initialised (module-specific, §6). */
export function initialOperateType(label: number, fieldName: string): number {
  const is = (...names: string[]) => names.includes(fieldName);
  switch (label) {
    case 1:
      return is('leads_name') ? 3 : is('next_time') ? 4 : 1;
    case 2:
      return is('customer_name') ? 3 : is('next_time') ? 4 : 1;
    case 3:
      return is('customer_id', 'next_time') ? 4 : 1;
    case 4:
      return is('name', 'unit', 'price', 'category_id') ? 3 : 1;
    case 5:
      return is('customer_id') ? 4 : 1;
    case 6:
      return is('num') ? 3 : 1;
    case 17:
      return is('owner_user_id', 'customer_id', 'contract_id') ? 4 : 1;
    default:
      return 1;
  }
}
