import { z } from 'zod';

/**
 * The rule for an id that becomes part of a file name (a workspace's `<id>.gatehouse`, `<id>.workspace.json`,
 * `<id>.key`). Lower case only, so that "Demo" and "demo" cannot name the same file on a case-insensitive disk
 * (macOS, Windows); no dot, slash or backslash, so no id climbs out of its folder or hides a second extension;
 * at most 64 characters (a UUID is 36). The contract checks it at the boundary and the file code checks it
 * again before it builds a path: one rule, here.
 */
export const FILE_NAME_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const fileNameIdSchema = z
  .string()
  .regex(FILE_NAME_ID_PATTERN, { message: 'must be 1-64 lower-case letters, digits or hyphens, starting with a letter or digit' });

export function isFileNameId(value: unknown): value is string {
  return typeof value === 'string' && FILE_NAME_ID_PATTERN.test(value);
}
