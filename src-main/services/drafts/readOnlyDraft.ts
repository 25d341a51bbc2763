import type { z } from 'zod';
import type { lockedVerbSchema } from '../../common/ipc';
import { AppError } from '../../common/ipc';
import type { PushRecord } from './draftRecord';

/** What may not be done to a pushed draft (listed in the contract: the console words each one). */
export type LockedVerb = z.infer<typeof lockedVerbSchema>;

const VERB: Record<LockedVerb, string> = {
  apply: 'This change was not recorded',
  undo: 'Nothing was undone',
  redo: 'Nothing was redone',
  revert: 'The change was not reverted',
};

/** `2025-03-04T10:15:42.000Z` → `2025-03-04 10:15` (UTC, as the journal stores it). */
export function pushTime(at: string): string {
  return at.slice(0, 16).replace('T', ' ');
}

/**
 * The refusal for a change to a pushed draft: the message in English (logs, tests) and the verb and time as data,
 * which the console words in the reader's language.
 */
export function pushedDraftError(verb: LockedVerb, push: PushRecord): AppError {
  const when = pushTime(push.createdAt);
  const en = `${VERB[verb]}: this draft was pushed (${when} UTC) and is read-only, the record of what was sent. Duplicate it to go on editing, or make a new draft.`;
  return new AppError('REFUSED', en, { kind: 'draftPushed', verb, pushedAt: when });
}
