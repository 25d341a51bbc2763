/**
 * SQLite tables mirroring the WukongCRM 11 admin tables a permission console touches
 * (`DB/wk_crm_single.sql`, reference §2, §3, §4.1, §5.1, §6). Column names and defaults follow the
 * MySQL originals, nullability included (`mysqlColumns.ts` adds MySQL's length, charset and NOT NULL
 * refusals); only the types are SQLite's. No foreign keys: the server has none either (deleting a
 * role leaves `wk_admin_role_auth` and `wk_crm_role_field` rows behind, §4.2).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { generalCiFold, generalCiKey } from './mysqlColumns';

export type Db = Database.Database;

const DDL = `
CREATE TABLE wk_admin_dept (
  dept_id INTEGER PRIMARY KEY AUTOINCREMENT,
  pid INTEGER DEFAULT 0,
  name TEXT NOT NULL,
  num INTEGER,
  remark TEXT DEFAULT '',
  owner_user_id INTEGER
);
CREATE TABLE wk_admin_user (
  user_id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT,
  password TEXT,
  salt TEXT,
  img TEXT,
  create_time TEXT,
  realname TEXT,
  num TEXT,
  mobile TEXT NOT NULL,
  email TEXT,
  sex INTEGER,
  dept_id INTEGER,
  post TEXT,
  status INTEGER DEFAULT 2,
  parent_id INTEGER DEFAULT 0,
  last_login_time TEXT,
  last_login_ip TEXT,
  is_del INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX wk_admin_user_dept ON wk_admin_user(dept_id);
CREATE INDEX wk_admin_user_parent ON wk_admin_user(parent_id);
CREATE TABLE wk_admin_role (
  role_id INTEGER PRIMARY KEY AUTOINCREMENT,
  role_name TEXT,
  role_type INTEGER,
  remark TEXT,
  status INTEGER DEFAULT 1,
  data_type INTEGER NOT NULL DEFAULT 5,
  is_hidden INTEGER NOT NULL DEFAULT 1,
  label INTEGER
);
CREATE TABLE wk_admin_role_menu (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  role_id INTEGER NOT NULL,
  menu_id INTEGER NOT NULL
);
CREATE INDEX wk_admin_role_menu_role ON wk_admin_role_menu(role_id);
CREATE TABLE wk_admin_user_role (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL,
  role_id INTEGER NOT NULL
);
CREATE INDEX wk_admin_user_role_user ON wk_admin_user_role(user_id);
CREATE INDEX wk_admin_user_role_role ON wk_admin_user_role(role_id);
CREATE TABLE wk_admin_role_auth (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  role_id INTEGER NOT NULL,
  menu_id INTEGER NOT NULL DEFAULT 935,
  auth_role_id INTEGER,
  remark TEXT
);
CREATE TABLE wk_admin_menu (
  menu_id INTEGER PRIMARY KEY,
  parent_id INTEGER NOT NULL DEFAULT 0,
  menu_name TEXT NOT NULL,
  realm TEXT NOT NULL,
  realm_url TEXT,
  realm_module TEXT,
  menu_type INTEGER,
  sort INTEGER NOT NULL DEFAULT 0,
  status INTEGER NOT NULL DEFAULT 1,
  remarks TEXT
);
CREATE TABLE wk_crm_field (
  field_id INTEGER PRIMARY KEY AUTOINCREMENT,
  field_name TEXT NOT NULL,
  name TEXT NOT NULL,
  type INTEGER NOT NULL,
  label INTEGER NOT NULL,
  is_hidden INTEGER NOT NULL DEFAULT 0,
  field_type INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE wk_crm_role_field (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  role_id INTEGER NOT NULL,
  label INTEGER NOT NULL,
  field_id INTEGER,
  field_name TEXT,
  name TEXT,
  auth_level INTEGER NOT NULL,
  operate_type INTEGER NOT NULL,
  mask_type INTEGER DEFAULT 0,
  field_type INTEGER
);
CREATE INDEX wk_crm_role_field_role ON wk_crm_role_field(role_id, label);
`;

/**
 * Opens the database (in memory unless a file is given; never keyed). A new database gets the tables and
 * `fresh: true`; a file that already holds them is reopened as it is (`fresh: false`), e.g. to restart the
 * emulator on the state a previous run left.
 */
export function openDatabase(file = ':memory:'): { db: Db; fresh: boolean } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const existing = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'wk_admin_user'").get();
  if (!existing) db.exec(DDL);
  // utf8_general_ci comparisons: `wk_ci(a) = wk_ci(?)` for `=`, `wk_ci_fold(a) LIKE wk_ci_fold(?)` for LIKE.
  db.function('wk_ci', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? generalCiKey(v) : v));
  db.function('wk_ci_fold', { deterministic: true }, (v: unknown) => (typeof v === 'string' ? generalCiFold(v) : v));
  return { db, fresh: !existing };
}
