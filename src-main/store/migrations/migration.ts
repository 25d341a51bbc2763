import type { Db } from '../sqlcipher';

/**
 * One step of the schema. `version` matches the file name (`0010-initial.ts` → 10) and becomes the file's
 * `PRAGMA user_version` once `up` has run, in the same transaction.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Db): void;
}
