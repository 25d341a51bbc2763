/**
 * Field grants of customer roles (application/admin/logic/FieldGrantLogic.php): one admin_field_grant row
 * per (role, crm column), its `content` a PHP-serialized list of
 * `{field, read, read_operation, write, write_operation, is_diy, name}`. New rows get a fixed list of
 * built-in fields, then one `is_diy: 1` entry (all flags 1) per custom field of that column in admin_field
 * whose name is not one of the built-in ones.
 *
 * The built-in lists below are the emulator's own, shorter ones (a handful of fields per column); the
 * server's are longer. Their shape, order of keys and the custom-field rule are the server's.
 */
import type { PhpDb } from './mysql';
import { phpSerialize, type PhpValue } from '../php';

export interface GrantField {
  field: string;
  read: number;
  read_operation: number;
  write: number;
  write_operation: number;
  is_diy: number;
  name: string;
}

/** read, read_operation, write, write_operation for a built-in field. */
type Flags = [number, number, number, number];
const f = (field: string, name: string, [read, readOp, write, writeOp]: Flags): GrantField => ({
  field,
  read,
  read_operation: readOp,
  write,
  write_operation: writeOp,
  is_diy: 0,
  name,
});

const EDITABLE: Flags = [1, 1, 1, 1];
const FIXED_READ: Flags = [1, 0, 1, 1];
const SYSTEM: Flags = [1, 1, 0, 0];
const OWNER: Flags = [1, 0, 0, 0];

/** The eight columns, in the order createCrmFieldGrant inserts them. */
export const GRANT_COLUMNS = ['leads', 'customer', 'contacts', 'business', 'contract', 'receivables', 'product', 'visit'] as const;
export type GrantColumn = (typeof GRANT_COLUMNS)[number];

export const BUILT_IN_FIELDS: Record<GrantColumn, GrantField[]> = {
  leads: [f('name', '线索名称', FIXED_READ), f('mobile', '手机', EDITABLE), f('source', '线索来源', EDITABLE), f('owner_user_id', '负责人', OWNER), f('create_time', '创建时间', SYSTEM)],
  customer: [
    f('name', '客户名称', FIXED_READ),
    f('level', '客户级别', EDITABLE),
    f('mobile', '手机', EDITABLE),
    f('remark', '备注', EDITABLE),
    f('owner_user_id', '负责人', OWNER),
    f('deal_status', '成交状态', OWNER),
    f('create_time', '创建时间', SYSTEM),
  ],
  contacts: [f('name', '姓名', EDITABLE), f('customer_id', '客户名称', [1, 0, 1, 0]), f('mobile', '手机', EDITABLE), f('owner_user_id', '负责人', OWNER)],
  business: [f('name', '商机名称', EDITABLE), f('money', '商机金额', EDITABLE), f('status_id', '商机阶段', [1, 0, 1, 0]), f('owner_user_id', '负责人', OWNER)],
  contract: [f('name', '合同名称', EDITABLE), f('num', '合同编号', FIXED_READ), f('money', '合同金额', EDITABLE), f('check_status', '审核状态', OWNER), f('owner_user_id', '负责人', OWNER)],
  receivables: [f('number', '回款编号', EDITABLE), f('money', '回款金额', EDITABLE), f('check_status', '审核状态', OWNER), f('owner_user_id', '负责人', OWNER)],
  product: [f('name', '产品名称', FIXED_READ), f('price', '价格', FIXED_READ), f('status', '是否上下架', [1, 0, 1, 0]), f('owner_user_id', '负责人', OWNER)],
  visit: [f('number', '回访编号', EDITABLE), f('visit_time', '回访时间', EDITABLE), f('owner_user_id', '回访人', [1, 0, 1, 0]), f('feedback', '客户反馈', EDITABLE)],
};

/** `createCrmFieldGrant($roleId)`: eight INSERTs, one per column, no transaction. */
export function createCrmFieldGrant(db: PhpDb, roleId: PhpValue, now: number): void {
  for (const column of GRANT_COLUMNS) {
    const builtIn = BUILT_IN_FIELDS[column];
    const names = new Set(builtIn.map((x) => x.field));
    const content: Record<string, PhpValue>[] = builtIn.map((x) => ({ ...x }));
    for (const custom of db.all<{ name: string; field: string }>('SELECT name, field FROM admin_field WHERE ci(types) = ci(?) ORDER BY field_id', `crm_${column}`)) {
      if (names.has(custom.field)) continue;
      content.push({ name: custom.name, field: custom.field, read: 1, read_operation: 1, write: 1, write_operation: 1, is_diy: 1 });
    }
    db.insert('admin_field_grant', { role_id: roleId, module: 'crm', column, content: phpSerialize(content), create_time: now, update_time: now });
  }
}
