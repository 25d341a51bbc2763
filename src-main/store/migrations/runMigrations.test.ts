import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import type { Migration } from './migration';
import { MIGRATIONS, latestVersion } from './registry';
import { runMigrations, schemaVersion } from './runMigrations';

const tablesOf = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);

const step = (version: number, table: string): Migration => ({ version, name: table, up: (db) => db.exec(`CREATE TABLE ${table} (x)`) });

describe('runMigrations', () => {
  it('the registry is ordered and ends at the newest version', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(latestVersion()).toBe(versions.at(-1));
  });

  it('applies pending migrations in order and only those', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db, [step(10, 'a')]).applied).toEqual([10]);
    expect(runMigrations(db, [step(10, 'a'), step(20, 'b'), step(30, 'c')])).toEqual({ from: 10, to: 30, applied: [20, 30] });
    expect(runMigrations(db, [step(10, 'a'), step(20, 'b'), step(30, 'c')]).applied).toEqual([]);
    expect(tablesOf(db)).toEqual(['a', 'b', 'c']);
  });

  it('a failing migration rolls back entirely and leaves the version at the last completed step', () => {
    const db = new Database(':memory:');
    const failing: Migration = {
      version: 20,
      name: 'half-done',
      up: (d) => {
        d.exec('CREATE TABLE half (x)');
        throw new Error('boom');
      },
    };
    expect(() => runMigrations(db, [step(10, 'a'), failing, step(30, 'c')])).toThrow('boom');
    expect(schemaVersion(db)).toBe(10);
    expect(tablesOf(db)).toEqual(['a']);
  });

  it('refuses a database from a newer version without touching it', () => {
    const db = new Database(':memory:');
    db.pragma('user_version = 40');
    expect(() => runMigrations(db, [step(10, 'a')])).toThrow(expect.objectContaining({ code: 'NEWER_VERSION' }));
    expect(tablesOf(db)).toEqual([]);
    expect(schemaVersion(db)).toBe(40);
  });

  it('rejects a registry that is out of order', () => {
    expect(() => runMigrations(new Database(':memory:'), [step(20, 'b'), step(10, 'a')])).toThrow(/above 20/);
  });
});
