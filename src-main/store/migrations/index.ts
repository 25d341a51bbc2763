export type { Migration } from './migration';
export { MIGRATIONS, latestVersion } from './registry';
export { runMigrations, schemaVersion, type MigrationResult } from './runMigrations';
