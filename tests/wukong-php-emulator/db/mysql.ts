/**
 * Writes as ThinkPHP 5.0.24 sends them to MySQL, and what MySQL (strict mode, utf8 tables) refuses.
 *
 * - `insert`/`update` with `mode: 'query'` are `Db::name(t)->insert($data)` / a model's `insertGetId`
 *   (thinkphp/library/think/db/Builder.php#parseData, `fields_strict` on): a key that is not a column throws
 *   `fields not exists:[key]`; `mode: 'model'` is `$model->allowField(true)->save()`: unknown keys skipped.
 *   Either way a null is written as NULL, an array value is silently left out, `''` bound to an integer
 *   column becomes 0 (think/db/Connection.php#bindValue) while other strings reach MySQL as strings.
 * - MySQL/MariaDB SQL modes. The observed server runs without strict mode (`sql_mode=NO_ENGINE_SUBSTITUTION`,
 *   /work/realphp/OBSERVED.md §0), the emulator's default: a NOT NULL column left out of an INSERT gets its
 *   implicit default ('' / 0), a bad integer becomes its leading number or 0, out of range is clipped, too
 *   long is cut, a character outside the BMP becomes '?', and NULL into NOT NULL is refused (1048) only by a
 *   single-row INSERT — UPDATE and INSERT … SELECT store the implicit default. `strict` (STRICT_TRANS_TABLES,
 *   the MySQL 5.7+ default) refuses all of those: 1364, 1366 / 1265, 1264, 1406, 1366, 1048.
 * - Transactions follow think/db/Connection.php: a counter; the first `startTrans` begins, nested ones
 *   are savepoints, only the outermost `commit` commits; an open transaction is rolled back when the
 *   request ends (PHP closes the connection).
 * - UPDATE answers the number of rows *changed* (PDO MySQL without FOUND_ROWS), not of rows matched.
 *
 * Every SQL write is counted per request, so a fault can make the nth write fail like a lost connection.
 */
import type { Db, Column, Table } from './schema';
import { TABLE } from './schema';
import { isPhpArray, isNumericString, phpString, type PhpValue, type Params } from '../php';

/** Any PHP `\Exception` the endpoint code may catch (PDOException, think\Exception, think\exception\ErrorException). */
export class PhpException extends Error {}

/** A PDOException from MySQL. */
export class MysqlError extends PhpException {
  constructor(
    readonly errno: number,
    readonly sqlstate: string,
    detail: string,
  ) {
    super(`SQLSTATE[${sqlstate}]: ${detail}`);
  }
}

/** think\Exception from the query builder (e.g. `fields not exists:[foo]`). */
export class ThinkDbException extends PhpException {}

export const mysqlErrors = {
  noDefault: (c: string) => new MysqlError(1364, 'HY000', `General error: 1364 Field '${c}' doesn't have a default value`),
  notNull: (c: string) => new MysqlError(1048, '23000', `Integrity constraint violation: 1048 Column '${c}' cannot be null`),
  badInteger: (c: string, v: string) => new MysqlError(1366, 'HY000', `General error: 1366 Incorrect integer value: '${v}' for column '${c}' at row 1`),
  truncated: (c: string) => new MysqlError(1265, '01000', `Warning: 1265 Data truncated for column '${c}' at row 1`),
  outOfRange: (c: string) => new MysqlError(1264, '22003', `Numeric value out of range: 1264 Out of range value for column '${c}' at row 1`),
  tooLong: (c: string) => new MysqlError(1406, '22001', `String data, right truncated: 1406 Data too long for column '${c}' at row 1`),
  badString: (c: string, v: string) =>
    new MysqlError(1366, 'HY000', `General error: 1366 Incorrect string value: '${[...Buffer.from(v, 'utf8')].map((b) => '\\x' + b.toString(16).toUpperCase()).join('')}' for column '${c}' at row 1`),
  unknownColumn: (c: string, where = 'where clause') => new MysqlError(1054, '42S22', `Column not found: 1054 Unknown column '${c}' in '${where}'`),
  syntax: (near: string) =>
    new MysqlError(1064, '42000', `Syntax error or access violation: 1064 You have an error in your SQL syntax; check the manual that corresponds to your MariaDB server version for the right syntax to use near '${near}' at line 1`),
  ambiguous: (c: string) => new MysqlError(1052, '23000', `Integrity constraint violation: 1052 Column '${c}' in where clause is ambiguous`),
  goneAway: () => new MysqlError(2006, 'HY000', 'General error: 2006 MySQL server has gone away'),
  duplicateKey: (v: string) => new MysqlError(1062, '23000', `Integrity constraint violation: 1062 Duplicate entry '${v}' for key 'PRIMARY'`),
};

export type WriteMode = 'query' | 'model';

/** MySQL's reading of a string as a number in a comparison: its leading number, else 0. */
export function mysqlNumber(value: PhpValue | undefined): number {
  if (value === null || value === undefined || value === false) return 0;
  if (value === true) return 1;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const m = /^\s*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)/.exec(value);
    return m ? Number(m[1]) : 0;
  }
  return 0;
}

const roundHalfAway = (n: number) => (n < 0 ? -Math.round(-n) : Math.round(n));

function intRange(c: Column): [number, number] {
  const bits = c.bits ?? 32;
  return c.unsigned ? [0, 2 ** bits - 1] : [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1];
}

/** Which statement stores the value: only a single-row INSERT refuses NULL into NOT NULL outside strict mode. */
export type StoreContext = 'insert' | 'insertAll' | 'update';

/**
 * The value MySQL stores for a parameter, or the error it raises. `insertAll` values are written into the
 * SQL text (Builder.php#insertAll quotes them), so there '' stays '' instead of becoming 0.
 */
export function storeValue(c: Column, value: PhpValue, strict: boolean, context: StoreContext = 'insert'): number | string | null {
  if (value === null) {
    if (c.notNull && !c.autoIncrement) {
      if (strict || context === 'insert') throw mysqlErrors.notNull(c.name);
      return c.kind === 'int' ? 0 : '';
    }
    return null;
  }
  if (c.kind === 'int') {
    let n: number;
    if (typeof value === 'boolean') n = value ? 1 : 0;
    else if (typeof value === 'number') n = roundHalfAway(value);
    else {
      const s = String(value);
      if (s === '' && context !== 'insertAll') n = 0;
      else if (isNumericString(s.replace(/\s+$/, ''))) n = roundHalfAway(Number(s.trim()));
      else {
        const lead = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)/.exec(s);
        if (strict) throw lead ? mysqlErrors.truncated(c.name) : mysqlErrors.badInteger(c.name, s);
        n = lead ? roundHalfAway(Number(lead[0].trim())) : 0;
      }
    }
    const [min, max] = intRange(c);
    if (n < min || n > max) {
      if (strict) throw mysqlErrors.outOfRange(c.name);
      n = Math.min(max, Math.max(min, n));
    }
    return n;
  }
  let s = typeof value === 'boolean' ? (value ? '1' : '') : phpString(value);
  const astral = /[\u{10000}-\u{10FFFF}]/u.exec(s);
  if (astral) {
    if (strict) throw mysqlErrors.badString(c.name, s.slice(astral.index, astral.index + 2));
    s = s.replace(/[\u{10000}-\u{10FFFF}]/gu, '?');
  }
  const limit = c.kind === 'varchar' ? (c.length ?? 255) : 65535;
  const size = c.kind === 'varchar' ? [...s].length : Buffer.byteLength(s, 'utf8');
  if (size > limit) {
    if (strict) throw mysqlErrors.tooLong(c.name);
    return c.kind === 'varchar' ? [...s].slice(0, limit).join('') : Buffer.from(s, 'utf8').subarray(0, limit).toString('utf8');
  }
  return s;
}

interface Where {
  sql: string;
  params?: unknown[];
}

const q = (name: string) => `"${name}"`;

export class PhpDb {
  /** SQL writes of the current request. */
  writes = 0;
  private transTimes = 0;
  private failAt: number | null = null;

  constructor(
    readonly sqlite: Db,
    readonly strict: boolean,
  ) {}

  /** Called by the server around each request; `failAt` = the write (1-based) that fails, if any. */
  beginRequest(failAt: number | null): void {
    this.writes = 0;
    this.transTimes = 0;
    this.failAt = failAt;
  }

  /** PHP ends: an uncommitted transaction is rolled back with the connection. */
  endRequest(): void {
    if (this.transTimes > 0 && this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
    this.transTimes = 0;
    this.failAt = null;
  }

  startTrans(): void {
    this.transTimes++;
    if (this.transTimes === 1) this.sqlite.exec('BEGIN');
    else this.sqlite.exec(`SAVEPOINT trans${this.transTimes}`);
  }

  commit(): void {
    if (this.transTimes === 1) this.sqlite.exec('COMMIT');
    this.transTimes = Math.max(0, this.transTimes - 1);
  }

  rollback(): void {
    if (this.transTimes === 1) this.sqlite.exec('ROLLBACK');
    else if (this.transTimes > 1) this.sqlite.exec(`ROLLBACK TO SAVEPOINT trans${this.transTimes}`);
    this.transTimes = Math.max(0, this.transTimes - 1);
  }

  private countWrite(): void {
    this.writes++;
    if (this.failAt !== null && this.writes === this.failAt) throw mysqlErrors.goneAway();
  }

  private table(name: string): Table {
    const t = TABLE[name];
    if (!t) throw new Error(`no table ${name}`);
    return t;
  }

  /** The columns a write sets, per Builder.php#parseData. */
  private parse(t: Table, data: Params, mode: WriteMode): Map<Column, PhpValue> {
    const out = new Map<Column, PhpValue>();
    for (const [key, value] of Object.entries(data)) {
      if (value === undefined) continue;
      const c = t.columns.find((col) => col.name === key);
      if (!c) {
        // Builder.php:115 `fields not exists:[key]`, shown translated by the zh-cn language pack.
      if (mode === 'query') throw new ThinkDbException(`数据表字段不存在:[${key}]`);
        continue;
      }
      if (isPhpArray(value)) continue;
      out.set(c, value);
    }
    return out;
  }

  /** INSERT; answers the new auto-increment id (0 for `admin_access`). */
  insert(tableName: string, data: Params, mode: WriteMode = 'query'): number {
    const t = this.table(tableName);
    const set = this.parse(t, data, mode);
    const row = new Map<string, number | string | null>();
    for (const [c, v] of set) row.set(c.name, storeValue(c, v, this.strict, 'insert'));
    for (const c of t.columns) {
      if (row.has(c.name) || c.autoIncrement) continue;
      if (c.default === undefined && c.notNull) {
        if (this.strict) throw mysqlErrors.noDefault(c.name);
        row.set(c.name, c.kind === 'int' ? 0 : '');
      }
    }
    this.countWrite();
    const pk = t.pk ? t.columns.find((c) => c.name === t.pk) : undefined;
    const pkValue = pk ? row.get(pk.name) : undefined;
    if (pk && pkValue !== undefined && pkValue !== null) {
      if (this.sqlite.prepare(`SELECT 1 FROM ${q(t.name)} WHERE ${q(pk.name)} = ?`).get(pkValue)) throw mysqlErrors.duplicateKey(String(pkValue));
    }
    const names = [...row.keys()];
    const sql = names.length
      ? `INSERT INTO ${q(t.name)} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
      : `INSERT INTO ${q(t.name)} DEFAULT VALUES`;
    const info = this.sqlite.prepare(sql).run(...row.values());
    return t.pk ? Number(info.lastInsertRowid) : 0;
  }

  /** `insertAll` (Builder.php#insertAll): one INSERT … SELECT … UNION ALL statement, values quoted inline. */
  insertAll(tableName: string, rows: Params[], mode: WriteMode = 'query'): number {
    if (rows.length === 0) return 0;
    const t = this.table(tableName);
    const prepared = rows.map((data) => {
      const set = this.parse(t, data, mode);
      const row = new Map<string, number | string | null>();
      for (const [c, v] of set) row.set(c.name, storeValue(c, v, this.strict, 'insertAll'));
      for (const c of t.columns) {
        if (!row.has(c.name) && !c.autoIncrement && c.default === undefined && c.notNull) {
          if (this.strict) throw mysqlErrors.noDefault(c.name);
          row.set(c.name, c.kind === 'int' ? 0 : '');
        }
      }
      return row;
    });
    this.countWrite();
    const names = [...(prepared[0]?.keys() ?? [])];
    const insert = this.sqlite.prepare(`INSERT INTO ${q(t.name)} (${names.map(q).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    this.sqlite.transaction(() => prepared.forEach((row) => insert.run(...names.map((n) => row.get(n) ?? null))))();
    return prepared.length;
  }

  /**
   * UPDATE … WHERE; answers the rows changed. Nothing to SET → 0 without any SQL (Query.php#update). MySQL
   * checks the new values on the rows it updates, so a refused value is an error only when a row matches.
   */
  update(tableName: string, where: Where, data: Params, mode: WriteMode = 'query'): number {
    const t = this.table(tableName);
    const set = this.parse(t, data, mode);
    if (set.size === 0) return 0;
    this.countWrite();
    const rows = this.sqlite.prepare(`SELECT rowid AS __rowid, * FROM ${q(t.name)} WHERE ${where.sql}`).all(...(where.params ?? [])) as Record<string, unknown>[];
    if (rows.length === 0) return 0;
    const values = new Map<string, number | string | null>();
    for (const [c, v] of set) values.set(c.name, storeValue(c, v, this.strict, 'update'));
    const changed = rows.filter((r) => [...values].some(([k, v]) => r[k] !== v));
    if (changed.length) {
      const stmt = this.sqlite.prepare(`UPDATE ${q(t.name)} SET ${[...values.keys()].map((k) => `${q(k)} = ?`).join(', ')} WHERE rowid = ?`);
      for (const r of changed) stmt.run(...values.values(), r.__rowid);
    }
    return changed.length;
  }

  /** DELETE … WHERE; answers the rows deleted. */
  delete(tableName: string, where: Where): number {
    const t = this.table(tableName);
    this.countWrite();
    return this.sqlite.prepare(`DELETE FROM ${q(t.name)} WHERE ${where.sql}`).run(...(where.params ?? [])).changes;
  }

  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.sqlite.prepare(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.sqlite.prepare(sql).all(...params) as T[];
  }
}
