/**
 * How request values end up in WHERE clauses (thinkphp/library/think/db/Builder.php#parseWhereItem and
 * the string conditions the models concatenate), and how MySQL then compares them.
 */
import { mysqlErrors, mysqlNumber, ThinkDbException, type PhpDb } from './mysql';
import { TABLE } from './schema';
import { isPhpArray, phpString, phpValues, type PhpValue } from '../php';

export interface Cond {
  sql: string;
  params: unknown[];
}

const OPERATORS = new Set(['=', '<>', '>', '>=', '<', '<=', 'eq', 'neq', 'gt', 'egt', 'lt', 'elt', 'in', 'not in', 'like', 'not like', 'null', 'not null', 'between', 'not between', 'exp']);

function isIntColumn(table: string, column: string): boolean {
  return TABLE[table]?.columns.find((c) => c.name === column)?.kind === 'int';
}

/**
 * `where([$column => $value])`: null → `IS NULL`; a scalar → `=` (an integer column compares a string by
 * its leading number, a varchar one in utf8_general_ci); an array is read as `[operator, value]` and an
 * unknown operator throws `where express error:…` (only `in` is modelled beyond that).
 */
export function whereEq(table: string, column: string, value: PhpValue | undefined): Cond {
  const col = `"${column}"`;
  if (value === undefined || value === null) return { sql: `${col} IS NULL`, params: [] };
  if (isPhpArray(value)) {
    const [op, operand] = phpValues(value);
    const name = phpString(op ?? null).toLowerCase();
    if (name === 'in') return whereIn(table, column, operand ?? null);
    if (!OPERATORS.has(name)) throw new ThinkDbException(`where express error:${phpString(op ?? null)}`);
    throw new ThinkDbException(`where express error:${phpString(op ?? null)} (not modelled by the emulator)`);
  }
  if (isIntColumn(table, column)) return { sql: `${col} = ?`, params: [mysqlNumber(value)] };
  return { sql: `ci(${col}) = ci(?)`, params: [phpString(value)] };
}

/** `where($column, 'in', $value)`: an array, or a string split on ','; nothing → `IN ('')`. */
export function whereIn(table: string, column: string, value: PhpValue | undefined): Cond {
  const list = value === undefined || value === null ? [] : isPhpArray(value) ? phpValues(value) : phpString(value).split(',');
  const unique = [...new Set(list.map((v) => (isPhpArray(v) ? 'Array' : phpString(v))))];
  const col = `"${column}"`;
  if (unique.length === 0) return { sql: `${col} IN ('')`, params: [] };
  const int = isIntColumn(table, column);
  return { sql: `${col} IN (${unique.map(() => '?').join(',')})`, params: unique.map((v) => (int ? mysqlNumber(v) : v)) };
}

/**
 * A value concatenated into SQL text, as in `where('id = '.$id)` (Group.php, Structure.php): a number
 * works, '' is a syntax error (1064), a word or an array ("Array") is an unknown column (1054).
 */
export function rawNumber(value: PhpValue | undefined, context: string): number {
  const text = isPhpArray(value ?? null) ? 'Array' : phpString(value ?? null);
  const trimmed = text.trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return Number(trimmed);
  if (trimmed === '') throw mysqlErrors.syntax('');
  if (/^[A-Za-z_$\d][\w$]*$/.test(trimmed)) throw mysqlErrors.unknownColumn(trimmed);
  throw mysqlErrors.syntax(`${trimmed}' ${context}`);
}

/**
 * `Model::get($id)` (thinkphp/library/think/Model.php#get → Query.php#parsePkWhere): null → nothing; an
 * array or a string with a ',' after its first character → `IN`; else `pk = value`. The first row found.
 */
export function modelGet<T>(db: PhpDb, table: string, pk: string, value: PhpValue | undefined): T | undefined {
  if (value === undefined || value === null) return undefined;
  const cond = isPhpArray(value) || phpString(value).indexOf(',') > 0 ? whereIn(table, pk, value) : whereEq(table, pk, value);
  return db.get<T>(`SELECT * FROM "${table}" WHERE ${cond.sql} ORDER BY "${pk}" LIMIT 1`, ...cond.params);
}
