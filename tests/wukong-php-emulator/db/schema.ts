/**
 * The tables of the WukongCRM 11.0 PHP edition that the admin permission endpoints touch, as described by
 * the server's table definitions (public/sql/5kcrm.sql): one declarative list gives both the SQLite DDL and
 * the MySQL column facts (`mysql.ts` refuses what MySQL in strict mode refuses: NOT NULL without default,
 * lengths, integer ranges). Only the columns an endpoint reads or writes are kept.
 *
 * Names drop the install-time prefix (`5kcrm_admin_group` is `admin_group` here, as ThinkPHP's
 * `db('admin_group')` names it). There are no foreign keys and `admin_access` has no key at all, as on
 * the server: deleting a role leaves its `admin_access` rows behind (Group.php#delGroupById).
 */
import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;

export type ColumnKind = 'int' | 'varchar' | 'text';

export interface Column {
  name: string;
  kind: ColumnKind;
  /** int: 8 (tinyint) or 32 (int). */
  bits?: 8 | 32;
  unsigned?: boolean;
  /** varchar length in characters. */
  length?: number;
  notNull: boolean;
  /** The column's DEFAULT (undefined: none). NULL-able columns without one default to NULL. */
  default?: number | string | null;
  autoIncrement?: boolean;
}

export interface Table {
  name: string;
  pk: string | null;
  columns: Column[];
}

const int = (name: string, o: Partial<Column> = {}): Column => ({ name, kind: 'int', bits: 32, notNull: true, ...o });
const tiny = (name: string, o: Partial<Column> = {}): Column => ({ name, kind: 'int', bits: 8, notNull: true, ...o });
const str = (name: string, length: number, o: Partial<Column> = {}): Column => ({ name, kind: 'varchar', length, notNull: true, ...o });
const text = (name: string, o: Partial<Column> = {}): Column => ({ name, kind: 'text', notNull: true, ...o });
const id = (name: string, o: Partial<Column> = {}): Column => int(name, { autoIncrement: true, ...o });

/** In the order of the server's CREATE TABLEs: `select *` and JSON key order follow it. */
export const TABLES: Table[] = [
  {
    // Roles. pid = role category (1 system admin roles, 2 customer roles, 5/9 project, 6 office; 0/3/4 are
    // old customer categories), type = data scope 1..5, types = built-in admin kind (1 = super admin).
    name: 'admin_group',
    pk: 'id',
    columns: [
      id('id'),
      tiny('pid'),
      str('title', 100),
      str('rules', 2000, { default: '' }),
      str('remark', 100, { default: '' }),
      tiny('status', { notNull: false, default: 1 }),
      tiny('type', { default: 1 }),
      tiny('types', { default: 0 }),
      tiny('system', { default: 0 }),
    ],
  },
  {
    // The rule tree: level 1 module, 2 controller, 3 action; `name` is one segment (crm / customer / index).
    name: 'admin_rule',
    pk: 'id',
    columns: [
      id('id'),
      tiny('types', { default: 0 }),
      str('title', 100, { default: '' }),
      str('name', 100, { default: '' }),
      tiny('level', { default: 0 }),
      int('pid', { notNull: false, default: 0 }),
      tiny('status', { notNull: false, default: 1 }),
    ],
  },
  { name: 'admin_access', pk: null, columns: [int('user_id'), int('group_id')] },
  {
    name: 'admin_user',
    pk: 'id',
    columns: [
      id('id'),
      str('username', 100),
      str('password', 100),
      str('salt', 4),
      str('img', 200, { default: '' }),
      str('thumb_img', 200, { default: '' }),
      int('create_time'),
      str('realname', 100, { default: '' }),
      str('num', 100, { default: '' }),
      str('email', 50, { default: '' }),
      str('mobile', 50, { default: '' }),
      str('sex', 5, { default: '' }),
      int('structure_id', { default: 0 }),
      str('post', 50, { default: '' }),
      tiny('status', { default: 2 }),
      int('parent_id', { default: 0 }),
      str('authkey', 32, { default: '' }),
      int('authkey_time', { default: 0 }),
      tiny('type'),
      tiny('is_read_notice', { default: 0 }),
    ],
  },
  {
    name: 'admin_structure',
    pk: 'id',
    columns: [id('id'), str('name', 200, { default: '' }), int('pid', { notNull: false, default: 0 }), int('owner_user_id', { unsigned: true, notNull: false, default: 0 })],
  },
  {
    name: 'admin_field_grant',
    pk: 'grant_id',
    columns: [
      id('grant_id', { unsigned: true }),
      int('role_id'),
      str('module', 32),
      str('column', 32),
      text('content'),
      int('update_time'),
      int('create_time'),
    ],
  },
  {
    name: 'admin_system_log',
    pk: 'log_id',
    columns: [
      id('log_id', { unsigned: true }),
      int('user_id', { unsigned: true }),
      str('client_ip', 20),
      str('module_name', 20),
      str('controller_name', 20),
      str('action_name', 20),
      int('action_id', { unsigned: true, default: 0 }),
      str('target_name', 50),
      tiny('action_delete', { default: 0 }),
      text('content'),
      int('create_time'),
    ],
  },
  {
    name: 'admin_login_record',
    pk: 'id',
    columns: [
      id('id', { unsigned: true }),
      tiny('type', { default: 0 }),
      int('create_user_id', { default: 0 }),
      int('create_time', { default: 0 }),
      str('ip', 64, { default: '' }),
      str('remark', 255, { default: '' }),
    ],
  },
  {
    name: 'hrm_user_det',
    pk: 'userdet_id',
    columns: [
      id('userdet_id'),
      int('user_id'),
      str('mobile', 20, { default: '' }),
      str('sex', 15, { default: '' }),
      int('create_time'),
      int('update_time', { default: 0 }),
      str('email', 100, { default: '' }),
    ],
  },
  {
    // Enabled applications (`module`), read by the auth list (User.php#getMenuAndRule).
    name: 'admin_config',
    pk: 'id',
    columns: [id('id'), str('name', 100), tiny('status'), str('module', 50), tiny('type'), tiny('pid')],
  },
  {
    // Custom fields; the CRM ones become `is_diy` entries of new field grants (FieldGrantLogic.php).
    name: 'admin_field',
    pk: 'field_id',
    columns: [id('field_id'), str('types', 30, { default: '' }), str('field', 50), str('name', 50)],
  },
  {
    // Customer pools: membership adds crm.pool to the auth list (User.php#getMenuAndRule).
    name: 'crm_customer_pool',
    pk: 'pool_id',
    columns: [
      id('pool_id', { unsigned: true }),
      str('pool_name', 128),
      text('admin_user_ids'),
      text('user_ids', { notNull: false }),
      text('department_ids', { notNull: false }),
      tiny('status', { unsigned: true, default: 1 }),
      int('create_time', { unsigned: true }),
    ],
  },
];

export const TABLE: Record<string, Table> = Object.fromEntries(TABLES.map((t) => [t.name, t]));

const quote = (name: string) => `"${name}"`;

function ddl(table: Table): string {
  const cols = table.columns.map((c) => {
    const type = c.kind === 'int' ? 'INTEGER' : 'TEXT';
    if (c.autoIncrement) return `${quote(c.name)} INTEGER PRIMARY KEY AUTOINCREMENT`;
    const def = c.default === undefined ? '' : ` DEFAULT ${c.default === null ? 'NULL' : typeof c.default === 'number' ? c.default : `'${c.default}'`}`;
    return `${quote(c.name)} ${type}${c.notNull ? ' NOT NULL' : ''}${def}`;
  });
  return `CREATE TABLE ${quote(table.name)} (${cols.join(', ')});`;
}

/** The utf8_general_ci fold used for `=` on varchar columns: case and trailing spaces ignored. */
export function generalCi(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return String(value).replace(/ +$/, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Opens (or creates) the database; `fresh` when the tables had to be created. Never keyed. */
export function openDatabase(file?: string): { db: Db; fresh: boolean } {
  const db = new Database(file ?? ':memory:');
  db.pragma('journal_mode = ' + (file ? 'WAL' : 'MEMORY'));
  db.function('ci', { deterministic: true }, (v: unknown) => generalCi(v));
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'admin_group'").get();
  if (!exists) {
    db.exec(TABLES.map(ddl).join('\n'));
    db.exec('CREATE INDEX admin_access_user ON admin_access(user_id); CREATE INDEX admin_access_group ON admin_access(group_id);');
  }
  return { db, fresh: !exists };
}
