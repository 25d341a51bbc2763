/**
 * What MySQL (strict mode, `STRICT_TRANS_TABLES`) refuses when the server writes a row: the column
 * definitions of `DB/wk_crm_single.sql` (commit 1fa4ec2f) for the tables the admin endpoints write.
 * SQLite would store anything, so every write the emulator makes on the server's behalf passes here first.
 *
 * - `varchar(n)` counts characters (code points), not bytes: more → error 1406 "Data too long";
 * - the admin tables are `CHARACTER SET utf8` (MySQL's 3-byte utf8mb3): a character outside the BMP
 *   (emoji, rare CJK) → error 1366 "Incorrect string value"; `wk_crm_role_field` is utf8mb4;
 * - NULL into a NOT NULL column → 1048 "cannot be null"; an INSERT that leaves out a NOT NULL column
 *   without a default → 1364 "doesn't have a default value".
 * Integer ranges need no check here: Jackson already refuses what does not fit the Java field (`jackson.ts`).
 */
import { ServerFault } from '../envelope';

interface Column {
  /** varchar length in characters; absent for numbers and dates. */
  varchar?: number;
  notNull?: boolean;
  /** NOT NULL columns with a DEFAULT may be left out of an INSERT. */
  hasDefault?: boolean;
}

const V = (n: number, extra: Omit<Column, 'varchar'> = {}): Column => ({ varchar: n, ...extra });
const N: Column = {};
const NN: Column = { notNull: true };
const NND: Column = { notNull: true, hasDefault: true };

interface Table {
  /** utf8mb3 (`utf8`) refuses 4-byte characters. */
  utf8mb3: boolean;
  columns: Record<string, Column>;
}

export const TABLES: Record<string, Table> = {
  wk_admin_role: {
    utf8mb3: true,
    columns: { role_name: V(255), role_type: N, remark: V(100), status: N, data_type: NND, is_hidden: NND, label: N },
  },
  wk_admin_role_menu: { utf8mb3: true, columns: { role_id: NN, menu_id: NN } },
  wk_admin_user_role: { utf8mb3: true, columns: { user_id: NN, role_id: NN } },
  wk_admin_role_auth: { utf8mb3: true, columns: { role_id: NN, menu_id: NN, auth_role_id: N, remark: V(100) } },
  wk_admin_dept: { utf8mb3: true, columns: { pid: N, name: V(64, { notNull: true }), num: N, remark: V(64), owner_user_id: N } },
  wk_admin_user: {
    utf8mb3: true,
    columns: {
      username: V(50),
      password: V(64),
      salt: V(32),
      img: V(200),
      create_time: N,
      realname: V(100),
      num: V(100),
      mobile: V(20, { notNull: true }),
      email: V(50),
      sex: N,
      dept_id: N,
      post: V(50),
      status: N,
      parent_id: N,
      last_login_time: N,
      last_login_ip: V(30),
      is_del: NND,
    },
  },
  wk_crm_role_field: {
    utf8mb3: false,
    columns: {
      role_id: NN,
      label: NN,
      field_id: N,
      field_name: V(255),
      name: V(255),
      auth_level: NN,
      operate_type: NN,
      mask_type: N,
      field_type: N,
    },
  },
};

function hex(char: string): string {
  return [...Buffer.from(char, 'utf8')].map((b) => `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/** Checks the values one row writes; `insert` also checks the NOT NULL columns it leaves out. */
export function assertWritable(table: string, values: Record<string, unknown>, kind: 'insert' | 'update', row = 1): void {
  const spec = TABLES[table];
  if (!spec) return;
  for (const [column, value] of Object.entries(values)) {
    const c = spec.columns[column];
    if (!c) continue;
    if (value === null || value === undefined) {
      if (c.notNull) throw new ServerFault(`MySQL 1048: Column '${column}' cannot be null`);
      continue;
    }
    if (typeof value !== 'string' || c.varchar === undefined) continue;
    const chars = [...value];
    const wide = spec.utf8mb3 ? chars.find((ch) => ch.codePointAt(0)! > 0xffff) : undefined;
    if (wide !== undefined) throw new ServerFault(`MySQL 1366: Incorrect string value: '${hex(wide)}' for column '${column}' at row ${row}`);
    if (chars.length > c.varchar) throw new ServerFault(`MySQL 1406: Data too long for column '${column}' at row ${row}`);
  }
  if (kind === 'insert') {
    for (const [column, c] of Object.entries(spec.columns)) {
      if (c.notNull && !c.hasDefault && values[column] === undefined) {
        throw new ServerFault(`MySQL 1364: Field '${column}' doesn't have a default value`);
      }
    }
  }
}

/**
 * The comparison key of `utf8_general_ci` / `utf8mb4_general_ci`, the collation of every text column
 * here: case-insensitive, accents folded, trailing spaces ignored (PAD SPACE) — so `= ?` finds 'Admin ' for
 * 'admin'. An approximation: MySQL's weight table differs in corners (e.g. 'ß' = 's').
 */
export function generalCiKey(value: string | null): string | null {
  if (value === null) return null;
  return value.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().replace(/ +$/, '');
}

/** Like `generalCiKey` but keeps trailing spaces: LIKE compares character by character. */
export function generalCiFold(value: string | null): string | null {
  if (value === null) return null;
  return value.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
}
