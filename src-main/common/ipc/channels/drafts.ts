import { z } from 'zod';
import { fieldRuleSchema, idSchema, localizedTextSchema, roleSchema } from '../../domain';
import { draftBatchSchema } from '../../draft';
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

/**
 * Rows taken out of and put into a list at one place: `at` counts in the list as the splices before this one left
 * it, so a delta is applied in one pass, left to right.
 */
const spliceOf = <T extends z.ZodType>(row: T) => z.object({ at: z.number().int().nonnegative(), remove: z.number().int().nonnegative(), insert: z.array(row) });
export type Splice<T> = { at: number; remove: number; insert: T[] };

/** A kept role's fields that changed (without defaults: an absent field did not change). */
const roleFieldsSchema = z
  .object({
    name: roleSchema.shape.name,
    groupId: roleSchema.shape.groupId,
    dataScope: roleSchema.shape.dataScope,
    enabled: roleSchema.shape.enabled.unwrap(),
    remark: roleSchema.shape.remark.unwrap(),
    label: roleSchema.shape.label.unwrap(),
  })
  .partial()
  .strict();

/**
 * What a gesture (apply, undo, redo) changed in `roles.matrix` of its draft, so the renderer patches the matrix
 * it holds instead of asking for all of it again (232 KB without field rules at 20k people, 4.5 MB with). Only
 * the draft's side can move: the base, the catalogue and the groups are the pull's. Null when the change cannot
 * be said this way (the renderer then asks whole).
 */
export const matrixDeltaSchema = z.object({
  /** The state of the draft the delta starts from and the one it leads to (opaque ids of main-process states). */
  from: z.string(),
  to: z.string(),
  /** Roles added (created, copied, put back by undo) or removed, as splices of `roles`. */
  roles: z.array(spliceOf(roleSchema)),
  /** Roles kept but changed, by id, after the splices: their changed fields and splices of their permissions. */
  roleChanges: z.array(z.object({ id: idSchema, set: roleFieldsSchema, permissionIds: z.array(spliceOf(idSchema)) })),
  /** Splices of `fieldRules` (a changed rule is taken out and put back); ignored by a matrix asked without them. */
  fieldRules: z.array(spliceOf(fieldRuleSchema)),
  /** Member counts that changed; 0 = no members now (the matrix lists roles with members only). */
  memberCounts: z.record(idSchema, z.number().int().nonnegative()),
});
export type MatrixDelta = z.infer<typeof matrixDeltaSchema>;

/** A gesture's answer: the draft's new summary and what it changed in the draft's role matrix. */
const gestureAnswer = { draft: draftSummarySchema, matrix: matrixDeltaSchema.nullable() };

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
    z.object({ ...gestureAnswer, warnings: z.array(draftProblemSchema) }),
  ),
  /** Undo / redo one gesture; REFUSED (DRAFT_PUSHED) for a read-only draft, as apply and revert are. */
  'drafts.undo': channel(z.object({ draftId: draftIdSchema }).strict(), z.object(gestureAnswer)),
  'drafts.redo': channel(z.object({ draftId: draftIdSchema }).strict(), z.object(gestureAnswer)),
  /** The applied gestures of a draft, oldest first. */
  'drafts.batches': channel(z.object({ draftId: draftIdSchema }).strict(), z.object({ batches: z.array(draftBatchSchema) })),
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
