import { StoreError } from '../errors';
import type { Db } from '../sqlcipher';
import type { Migration } from './migration';
import { MIGRATIONS } from './registry';

export interface MigrationResult {
  from: number;
  to: number;
  applied: number[];
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the file up to the newest schema: each pending migration in its own transaction that also sets
 * `user_version`, so a crash leaves the file at the last completed step. A file from a newer Gatehouse is
 * refused before anything is written: an older schema cannot know what the newer one stored.
 */
export function runMigrations(db: Db, migrations: readonly Migration[] = MIGRATIONS): MigrationResult {
  assertOrdered(migrations);
  const from = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new StoreError('NEWER_VERSION', `this workspace was written by a newer Gatehouse (schema ${from}, this one knows up to ${latest}); update Gatehouse to open it`, {
      fileVersion: from,
      supportedVersion: latest,
    });
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      // user_version takes no bound parameter; the value is an integer checked by assertOrdered.
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    applied.push(migration.version);
  }
  return { from, to: schemaVersion(db), applied };
}

function assertOrdered(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isSafeInteger(m.version) || m.version <= previous) {
      throw new Error(`migration ${m.name}: version ${m.version} must be an integer above ${previous}`);
    }
    previous = m.version;
  }
}
