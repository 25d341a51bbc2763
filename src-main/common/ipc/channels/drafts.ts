import { z } from 'zod';
import { localizedTextSchema } from '../../domain/ids';
import { draftBatchSchema } from '../../draft/operations';
import { channel } from '../channel';

const draftIdSchema = z.string().min(1).max(128);

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
  canUndo: z.boolean(),
  canRedo: z.boolean(),
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
  'drafts.undo': channel(z.object({ draftId: draftIdSchema }).strict(), draftSummarySchema),
  'drafts.redo': channel(z.object({ draftId: draftIdSchema }).strict(), draftSummarySchema),
  /** The applied gestures of a draft, oldest first. */
  'drafts.batches': channel(z.object({ draftId: draftIdSchema }).strict(), z.object({ batches: z.array(draftBatchSchema) })),
};
