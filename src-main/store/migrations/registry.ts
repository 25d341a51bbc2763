import { migration0010Initial } from './0010-initial';
import { migration0020PushPlan } from './0020-push-plan';
import { migration0030DraftOrigin } from './0030-draft-origin';
import type { Migration } from './migration';

/** Every migration, oldest first. Append new ones (`0020-…`) at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [migration0010Initial, migration0020PushPlan, migration0030DraftOrigin];

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.at(-1)?.version ?? 0;
}
