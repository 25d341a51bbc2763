import { z } from 'zod';

/** Events the main process pushes to the renderer, named `domain.pastTense`. */
export const events = {
  /** The open workspace's state changed (a pull, a draft edit, a lock). The renderer refetches what it shows. */
  'workspace.changed': z.object({ reason: z.string().max(64) }),
  /** Progress of long work (pull, push, report export). */
  'task.progressed': z.object({
    taskId: z.string(),
    step: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  /** A pull step read, or a push call settled (`seq` of `total`): for progress bars and the live push log. */
  'sync.progressed': z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('pull'), step: z.string(), done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
    z.object({ kind: z.literal('push'), pushId: z.string(), seq: z.number().int(), total: z.number().int(), status: z.enum(['done', 'failed']) }),
  ]),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
