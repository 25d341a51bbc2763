/**
 * The SQL the server's MyBatis-Plus 3.3.0 calls generate, with the ways they fail (baomidou/mybatis-plus
 * tag v3.3.0, core/pom.xml) and WukongCRM's own `BaseServiceImpl#saveBatch` (core/servlet). An entity is
 * given as `{column: value}` with only its persisted columns (`@TableField(exist = false)` fields such as
 * `AdminRole.menuIds` / `rules` or `CrmRoleField.type` are never columns). Every write passes the MySQL
 * strict-mode checks of `mysqlColumns.ts`. Whether a failure rolls earlier statements back is the caller's
 * business: `@Transactional` service methods run inside `db.transaction`, the others do not.
 */
import { ServerFault } from '../envelope';
import { assertWritable } from './mysqlColumns';
import type { Db } from './schema';

export type Entity = Record<string, string | number | null | undefined>;

const present = (entity: Entity) => Object.entries(entity).filter((e): e is [string, string | number] => e[1] !== null && e[1] !== undefined);

function syntaxError(sql: string): ServerFault {
  return new ServerFault(`MySQL 1064: You have an error in your SQL syntax (${sql})`);
}

/**
 * `updateById` (injector/methods/UpdateById + AbstractMethod#sqlSet + TableFieldInfo#getSqlSet): each
 * column is wrapped in `<if test="et.x != null">` (default FieldStrategy.NOT_NULL) inside `<set>`. With no
 * non-null column the `<set>` renders nothing and the statement is `UPDATE t WHERE id=?` → MySQL 1064.
 * A null id runs `WHERE id=NULL`: no row, no error. Returns the rows changed.
 */
export function updateById(db: Db, table: string, idColumn: string, id: number | null, entity: Entity): number {
  const set = present(entity);
  if (set.length === 0) throw syntaxError(`UPDATE ${table} WHERE ${idColumn}=?`);
  assertWritable(table, Object.fromEntries(set), 'update');
  if (id === null) return 0;
  const sql = `UPDATE ${table} SET ${set.map(([c]) => `${c} = ?`).join(', ')} WHERE ${idColumn} = ?`;
  return db.prepare(sql).run(...set.map(([, v]) => v), id).changes;
}

/**
 * `save` / `insert` (injector/methods/Insert + TableInfo#getAllInsertSqlColumnMaybeIf): only the non-null
 * columns are listed (the AUTO id never is); the column defaults fill the rest, and a NOT NULL column
 * without a default that is left out fails (MySQL 1364). Returns the new id.
 */
export function insert(db: Db, table: string, entity: Entity): number {
  const cols = present(entity);
  if (cols.length === 0) throw syntaxError(`INSERT INTO ${table} VALUES`);
  assertWritable(table, Object.fromEntries(cols), 'insert');
  const sql = `INSERT INTO ${table} (${cols.map(([c]) => c).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
  return Number(db.prepare(sql).run(...cols.map(([, v]) => v)).lastInsertRowid);
}

/**
 * `BaseServiceImpl#saveBatch` (core/servlet/BaseServiceImpl.java): an empty list returns at once, without
 * SQL. Otherwise the column list is every column non-null in at least one row (`insertFill`, then
 * `keySet.retainAll`), and every row is inserted with it — a row's null there is written as NULL (MySQL
 * 1048 on a NOT NULL column). The batch runs in the caller's transaction or its own (@Transactional).
 */
export function saveBatch(db: Db, table: string, rows: Entity[]): void {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => present(r).map(([c]) => c)))];
  if (columns.length === 0) throw syntaxError(`insert into \`${table}\`() values()`);
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  db.transaction(() => {
    const statement = db.prepare(sql);
    for (const row of rows) {
      const values = Object.fromEntries(columns.map((c) => [c, row[c] ?? null]));
      assertWritable(table, values, 'insert');
      statement.run(...columns.map((c) => values[c] ?? null));
    }
  })();
}

/**
 * `lambdaUpdate().set(col, value)….update()`: the values are written as given, null included (no
 * strategy applies to `set`). Returns the rows changed.
 */
export function updateWhere(db: Db, table: string, set: Entity, where: string, args: (string | number | null)[]): number {
  assertWritable(table, set, 'update');
  const entries = Object.entries(set);
  const sql = `UPDATE ${table} SET ${entries.map(([c]) => `${c} = ?`).join(', ')} WHERE ${where}`;
  return db.prepare(sql).run(...entries.map(([, v]) => v ?? null), ...args).changes;
}

/**
 * `wrapper.in(column, coll)` (conditions/AbstractWrapper#in → #inExpression in 3.3.0): the values are
 * joined between "(" and ")" with no emptiness check, so an empty collection renders `column IN ()` →
 * MySQL 1064; a null collection throws an NPE when the SQL is rendered. Both → `code 500`.
 */
export function inList(column: string, values: readonly (number | null)[] | null): { sql: string; args: (number | null)[] } {
  if (values === null) throw new ServerFault(`NullPointerException: in(${column}, null)`);
  if (values.length === 0) throw syntaxError(`… WHERE ${column} IN ()`);
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, args: [...values] };
}

/**
 * `updateBatchById` called from a method without a transaction (`CrmRoleFieldServiceImpl#saveRoleField`
 * calls it on `this`, so its `@Transactional` proxy is bypassed). 3.3.0 `ServiceImpl#updateBatchById`:
 * an empty list fails `Assert.notEmpty` (MybatisPlusException → 500). Otherwise one `updateById` per row
 * on a BATCH session: MyBatis' BatchExecutor puts consecutive statements with the same SQL text (same
 * non-null columns) into one JDBC batch and runs the batches in order at `flushStatements`; a failing
 * batch stops the ones after it (BatchExecutorException), while the connection's autocommit has already
 * kept everything before. Rows of the failing batch itself: see `README.md`, "Where it still guesses".
 */
export function updateBatchById(db: Db, table: string, idColumn: string, rows: { id: number | null; entity: Entity }[]): void {
  if (rows.length === 0) throw new ServerFault('MybatisPlusException: error: entityList must not be empty');
  const sqlOf = (entity: Entity) => present(entity).map(([c]) => c).join(',');
  let i = 0;
  while (i < rows.length) {
    const sql = sqlOf(rows[i]!.entity);
    let failure: unknown;
    for (; i < rows.length && sqlOf(rows[i]!.entity) === sql; i++) {
      const { id, entity } = rows[i]!;
      try {
        updateById(db, table, idColumn, id, entity);
      } catch (error) {
        // Connector/J runs the rest of a JDBC batch after a failing row (continueBatchOnError defaults to true).
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }
}
