import type { FieldAccess } from '../../common/domain';

/**
 * Field grants of the PHP edition (application/admin/logic/FieldGrantLogic.php): one row per CRM role × module
 * (`module` 'crm', `column` below), its content a list of `{field, read, read_operation, write, write_operation,
 * is_diy, name}`. There are no masks. A field missing from a role's list is fully open for that role
 * (application/common.php `getFieldGrantStatus`: "对于不在权限控制之内的字段，将状态都改为1"), which is what the domain
 * means by "no rule" (edit).
 */

/** The eight columns FieldGrantLogic::createCrmFieldGrant creates for every CRM role. */
export const FIELD_GRANT_COLUMNS = ['leads', 'customer', 'contacts', 'business', 'contract', 'receivables', 'product', 'visit'] as const;
export type FieldGrantColumn = (typeof FIELD_GRANT_COLUMNS)[number];

export function isFieldGrantColumn(module: string): module is FieldGrantColumn {
  return (FIELD_GRANT_COLUMNS as readonly string[]).includes(module);
}

/**
 * The built-in fields of each column, as FieldGrantLogic's `create<Column>FieldGrant` templates write them (custom
 * fields are added after them with both checkboxes free). For each: `[read, write]`, a number where the CRM fixes
 * that checkbox (`read_operation` / `write_operation` 0 — its role screen cannot change it) and null where it is
 * free. Generated from FieldGrantLogic.php of v11.0.3.
 */
export const FIELD_TEMPLATES: Readonly<Record<FieldGrantColumn, Readonly<Record<string, readonly [0 | 1 | null, 0 | 1 | null]>>>> = {
  leads: { name: [1, null], email: [null, null], source: [null, null], mobile: [null, null], telephone: [null, null], detail_address: [null, null], industry: [null, null], level: [null, null], next_time: [1, 1], remark: [null, null], owner_user_id: [1, 0], last_record: [null, 0], create_user_id: [null, 0], create_time: [null, 0], update_time: [null, 0], last_time: [null, 0] },
  customer: { name: [1, null], source: [null, null], mobile: [null, null], telephone: [null, null], website: [null, null], industry: [null, null], level: [null, null], next_time: [1, 1], remark: [null, null], email: [null, null], owner_user_id: [1, 0], last_record: [null, 0], create_user_id: [null, 0], create_time: [null, 0], update_time: [null, 0], last_time: [null, 0], obtain_time: [null, 0], deal_status: [1, 0], is_lock: [null, 0], pool_day: [null, 0] },
  contacts: { name: [null, null], customer_id: [1, 1], mobile: [null, null], telephone: [null, null], email: [null, null], post: [null, null], decision: [null, null], detail_address: [null, null], next_time: [1, 1], remark: [null, null], sex: [null, null], owner_user_id: [1, 0], create_user_id: [null, 0], create_time: [null, 0], update_time: [null, 0], last_time: [null, 0] },
  business: { name: [null, null], customer_id: [1, 1], money: [null, null], deal_date: [null, null], remark: [null, null], status_id: [1, 1], type_id: [1, 1], owner_user_id: [1, 0], create_user_id: [null, 0], create_time: [null, 0], update_time: [null, 0], last_time: [null, 0] },
  contract: { name: [null, null], num: [1, null], customer_id: [null, null], business_id: [null, null], money: [null, null], order_date: [null, null], start_time: [null, null], end_time: [null, null], contacts_id: [null, null], order_user_id: [null, null], remark: [null, null], owner_user_id: [1, 0], create_user_id: [null, 0], create_time: [null, 0], update_time: [null, 0], last_time: [null, 0], last_record: [null, 0], done_money: [null, 0], un_money: [null, 0], check_status: [1, 0] },
  receivables: { number: [null, null], customer_id: [null, null], contract_id: [null, null], plan_id: [null, null], return_time: [null, null], money: [null, null], return_type: [null, null], remark: [null, null], contract_money: [null, 0], owner_user_id: [1, 0], create_user_id: [null, 0], create_time: [null, 0], update_time: [null, 0], check_status: [1, 0] },
  product: { name: [1, null], category_id: [1, null], unit: [1, null], num: [null, null], price: [1, null], description: [null, null], status: [1, 1], owner_user_id: [1, 0], create_user_id: [null, 0], create_time: [null, 0], update_time: [null, 0] },
  visit: { number: [null, null], visit_time: [null, null], owner_user_id: [1, 1], shape: [null, null], customer_id: [1, 1], contacts_id: [null, null], contract_id: [1, 1], satisfaction: [null, null], feedback: [null, null], create_user_id: [null, 0], create_time: [null, 0], update_time: [null, 0] },};

export interface ReadWrite {
  read: 0 | 1;
  write: 0 | 1;
}

/** hidden = neither, read = read only, edit = both (getFieldGrantStatus treats read and write apart). */
export const READ_WRITE: Readonly<Record<FieldAccess, ReadWrite>> = {
  hidden: { read: 0, write: 0 },
  read: { read: 1, write: 0 },
  edit: { read: 1, write: 1 },
};

/** read / write → access. Write without read (storable, no screen sets it) shows as hidden: the field cannot be seen. */
export function accessOf(read: number, write: number): FieldAccess {
  if (read === 0) return 'hidden';
  return write === 0 ? 'read' : 'edit';
}

/** Whether the CRM fixes a checkbox this access would change (a built-in field's `*_operation` 0). */
export function lockedAgainst(column: FieldGrantColumn, field: string, access: FieldAccess): 'read' | 'write' | null {
  const lock = FIELD_TEMPLATES[column][field];
  if (!lock) return null;
  const wanted = READ_WRITE[access];
  if (lock[0] !== null && lock[0] !== wanted.read) return 'read';
  if (lock[1] !== null && lock[1] !== wanted.write) return 'write';
  return null;
}

export function isBuiltInField(column: FieldGrantColumn, field: string): boolean {
  return FIELD_TEMPLATES[column][field] !== undefined;
}
