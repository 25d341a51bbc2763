import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from './sqlcipher';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * Prepared statements, prepared once per connection. Preparing costs more than running a small statement,
 * and draft edits append one operation at a time. The cache dies with the connection object.
 */
export function sql(db: Db, text: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = db.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}
