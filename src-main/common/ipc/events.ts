import { z } from 'zod';

/**
 * Why the open workspace changed: the renderer decides by reason what to refetch (a new workspace reloads the
 * page; a server refresh or an import re-lists drafts; an edit it made itself needs nothing more).
 */
export const workspaceChangeReasonSchema = z.enum([
  'workspace opened',
  'workspace created',
  'workspace locked',
  'snapshot saved',
  /** A pull, push, verify or rollback settled while a flow is on screen: views refetch, the page stays. */
  'server state refreshed',
  'draft created',
  'draft renamed',
  'draft duplicated',
  'draft discarded',
  'draft activated',
  'draft edited',
  'draft undone',
  'draft redone',
  'draft gesture reverted',
  'draft imported',
]);
export type WorkspaceChangeReason = z.infer<typeof workspaceChangeReasonSchema>;

/** Events the main process pushes to the renderer, named `domain.pastTense`. */
export const events = {
  /** The open workspace's state changed (a pull, a draft edit, a lock). The renderer refetches what it shows. */
  'workspace.changed': z.object({ reason: workspaceChangeReasonSchema }),
  /** A pull step read, or a push call settled (`seq` of `total`): for progress bars and the live push log. */
  'sync.progressed': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('pull'), step: z.string(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
    z.object({ kind: z.literal('push'), pushId: z.string(), seq: z.number().int(), total: z.number().int(), status: z.enum(['done', 'failed']) }),
  ]),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
