import { z } from 'zod';
import { localizedTextSchema } from '../../domain/ids';
import { draftBatchSchema } from '../../draft/operations';
import { channel } from '../channel';

const draftIdSchema = z.string().min(1).max(128);

/** The newest push made from a draft. A draft with one is read-only: it is the record of what was sent. */
export const draftPushSchema = z.object({
  pushId: z.string(),
  /** When the push was planned and journaled (ISO time). */
  at: z.string(),
  finished: z.boolean(),
  outcome: z.enum(['verified', 'undone', 'abandoned']).nullable(),
});
export type DraftPushView = z.infer<typeof draftPushSchema>;

/** Where a draft came from when it was not drawn by hand: the inverse of one push, made by "Roll back this push…". */
export const draftOriginSchema = z.object({
  kind: z.literal('rollback'),
  pushId: z.string(),
  /** When the undone push was made, and the name of the draft it was pushed from (null once that is discarded). */
  pushedAt: z.string().nullable(),
  pushedDraftName: z.string().nullable(),
});
export type DraftOriginView = z.infer<typeof draftOriginSchema>;

export const draftSummarySchema = z.object({
  id: draftIdSchema,
  name: z.string(),
  /** Version of the snapshot the draft was made against. */
  baseVersion: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Gestures recorded, and how many of them are applied (the rest can be redone). */
  batchCount: z.number().int().nonnegative(),
  appliedCount: z.number().int().nonnegative(),
  /** Never true for a read-only draft. */
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /**
   * A pushed draft (any push journal made from it, verified or not) is read-only: apply, undo, redo and reverting
   * a gesture are refused. Rename, duplicate (an editable copy) and discard still work.
   */
  readOnly: z.boolean(),
  pushed: draftPushSchema.nullable(),
  origin: draftOriginSchema.nullable(),
});
export type DraftSummary = z.infer<typeof draftSummarySchema>;

export const draftProblemSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  opIndex: z.number().int(),
  message: localizedTextSchema,
  wukongCode: z.number().int().nullable(),
});
export type DraftProblemView = z.infer<typeof draftProblemSchema>;

export const draftsChannels = {
  /** Drafts of the open workspace, and the one the console is showing. */
  'drafts.list': channel(z.object({}).strict(), z.object({ drafts: z.array(draftSummarySchema), activeDraftId: draftIdSchema.nullable() })),
  'drafts.create': channel(z.object({ name: z.string().trim().min(1).max(120) }).strict(), draftSummarySchema),
  'drafts.rename': channel(z.object({ draftId: draftIdSchema, name: z.string().trim().min(1).max(120) }).strict(), draftSummarySchema),
  'drafts.duplicate': channel(z.object({ draftId: draftIdSchema, name: z.string().trim().min(1).max(120) }).strict(), draftSummarySchema),
  'drafts.discard': channel(z.object({ draftId: draftIdSchema }).strict(), z.object({})),
  /** Which draft's projection the views show (null = the base snapshot as pulled). */
  'drafts.activate': channel(z.object({ draftId: draftIdSchema.nullable() }).strict(), z.object({})),
  /**
   * Appends one gesture (a batch of operations) to a draft. Rejected as a whole with REFUSED and the
   * server-rule problems in `details` if any operation breaks a rule; warnings come back with the summary.
   */
  'drafts.apply': channel(
    z.object({ draftId: draftIdSchema, batch: draftBatchSchema }).strict(),
    z.object({ draft: draftSummarySchema, warnings: z.array(draftProblemSchema) }),
  ),
  /** Undo / redo one gesture; REFUSED (DRAFT_PUSHED) for a read-only draft, as apply and revert are. */
  'drafts.undo': channel(z.object({ draftId: draftIdSchema }).strict(), draftSummarySchema),
  'drafts.redo': channel(z.object({ draftId: draftIdSchema }).strict(), draftSummarySchema),
  /** The applied gestures of a draft, oldest first. */
  'drafts.batches': channel(z.object({ draftId: draftIdSchema }).strict(), z.object({ batches: z.array(draftBatchSchema) })),
};
