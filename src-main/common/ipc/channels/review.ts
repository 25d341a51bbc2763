import { z } from 'zod';
import { idSchema, localizedTextSchema } from '../../domain/ids';
import { channel } from '../channel';
import { draftProblemSchema, draftSummarySchema } from './drafts';

const draftIdSchema = z.string().min(1).max(128);

/** What a changed cell is about, for grouping the plain-language list by role, person or department. */
export const changeSubjectSchema = z.object({
  kind: z.enum(['role', 'person', 'department']),
  id: idSchema,
  name: z.string(),
});
export type ChangeSubject = z.infer<typeof changeSubjectSchema>;

export const gestureReviewSchema = z.object({
  batchId: z.string(),
  /** 1-based position of the gesture in the draft. */
  number: z.number().int().positive(),
  /** Each operation of the gesture in words, against the state it was made in. */
  operations: z.array(localizedTextSchema),
  /** Each cell the gesture changed, in words, with what it is about. */
  changes: z.array(z.object({ key: z.string(), subject: changeSubjectSchema, text: localizedTextSchema })),
});
export type GestureReview = z.infer<typeof gestureReviewSchema>;

/** People who gain, lose, widen or narrow one permission if the draft were pushed (uncapped counts). */
export const permissionImpactSchema = z.object({
  permissionId: idSchema,
  label: localizedTextSchema,
  gained: z.number().int().nonnegative(),
  lost: z.number().int().nonnegative(),
  widened: z.number().int().nonnegative(),
  narrowed: z.number().int().nonnegative(),
});
export type PermissionImpact = z.infer<typeof permissionImpactSchema>;

const blockerSchema = z.object({
  /** The later gesture that would break, 1-based, and what the server would say. */
  number: z.number().int().positive(),
  batchId: z.string(),
  gesture: localizedTextSchema,
  problem: draftProblemSchema,
});
export type RevertBlocker = z.infer<typeof blockerSchema>;

export const reviewChannels = {
  /** A draft's gestures in plain language, cell by cell, and its impact per permission. */
  'drafts.changes': channel(
    z.object({ draftId: draftIdSchema }).strict(),
    z.object({
      gestures: z.array(gestureReviewSchema),
      impact: z.object({ usersAffected: z.number().int().nonnegative(), moved: z.number().int().nonnegative(), permissions: z.array(permissionImpactSchema) }),
    }),
  ),
  /**
   * Takes one gesture out of a draft, keeping the ones after it. Refused (nothing changed) when a later
   * gesture would then break a server rule, e.g. it grants to a role the reverted gesture created.
   */
  'drafts.revertBatch': channel(
    z.object({ draftId: draftIdSchema, batchId: z.string().min(1).max(128) }).strict(),
    z.discriminatedUnion('reverted', [
      z.object({ reverted: z.literal(true), draft: draftSummarySchema }),
      z.object({ reverted: z.literal(false), blockers: z.array(blockerSchema) }),
    ]),
  ),
};
