import { z } from 'zod';
import { connectorCapabilitiesSchema, crmEditionSchema } from '../../crm';
import { localizedTextSchema } from '../../domain';
import { channel } from '../channel';
import { draftSummarySchema } from './drafts';

/** Chosen by the renderer for each long call, so `sync.cancel` can name it. */
const taskIdSchema = z.string().min(1).max(64);
const pushIdSchema = z.string().min(1).max(128);
const planIdSchema = z.string().min(1).max(64);
const draftIdSchema = z.string().min(1).max(128);

/** One changed cell said in both languages (who gains what, which role moves where). */
const lineSchema = localizedTextSchema;

export const propagationViewSchema = z.object({
  delay: z.enum(['immediate', 'cacheExpiry', 'nextLogin']),
  maxDelaySeconds: z.number().optional(),
  message: localizedTextSchema,
  people: z.number().int().nonnegative(),
});

export const conflictViewSchema = z.object({
  id: z.string(),
  reason: z.string(),
  /** What the draft does to the cell. */
  title: lineSchema,
  base: lineSchema,
  theirs: lineSchema,
  ours: lineSchema,
  /** False when keeping the draft's side is impossible (the server deleted the entity): only "theirs". */
  oursPossible: z.boolean(),
});

/** The shortest written reason that overrides a blocking check of the push gate (it goes to the audit log). */
export const OVERRIDE_REASON_MIN = 10;

/** One group of the push gate's impact: everyone who gains (loses, …) one permission or field, by name. */
export const gateGroupSchema = z.object({
  kind: z.enum(['gains', 'loses', 'wider', 'narrower', 'fieldWider', 'fieldNarrower']),
  /** What it is about, in words: "Customers › Delete", "Customers · Mobile". */
  subject: lineSchema,
  /** Delete, export, transfer, put in pool, team edit, or a mask removed. */
  sensitive: z.boolean(),
  count: z.number().int().nonnegative(),
  /** The first people (the count is exact); names and departments only. */
  people: z.array(z.object({ id: z.string(), name: z.string(), department: z.string() })),
});
export type GateGroup = z.infer<typeof gateGroupSchema>;

/** What stands between a ready plan and "Push": who gains and loses what, the checks, the confirmation. */
export const pushGateSchema = z.object({
  draftName: z.string(),
  /** People whose access changes at all, and those who get more of it. */
  peopleAffected: z.number().int().nonnegative(),
  peopleWidened: z.number().int().nonnegative(),
  groups: z.array(gateGroupSchema),
  /** Groups left out after the first ones (largest first); their people are in the counts above. */
  moreGroups: z.number().int().nonnegative(),
  findings: z.array(
    z.object({
      ruleId: z.string(),
      severity: z.enum(['error', 'warning', 'info']),
      message: lineSchema,
      /** False when the server already has this finding before the push (it is shown, not blocking). */
      introduced: z.boolean(),
      blocking: z.boolean(),
    }),
  ),
  /**
   * Findings not sent, only counted: past the first ones the server already had, and past the first non-blocking
   * ones the draft brings (a 20k-person organisation has thousands; every blocking one is always sent).
   */
  existingLeftOut: z.number().int().nonnegative(),
  introducedLeftOut: z.number().int().nonnegative(),
  /** Blocking findings: the push needs `override.reason`. */
  blocking: z.number().int().nonnegative(),
  /** Why the person must type the draft's name to push (empty: a click confirms). */
  typedBecause: z.array(lineSchema),
});
export type PushGate = z.infer<typeof pushGateSchema>;

export const planViewSchema = z.object({
  planId: planIdSchema,
  draftId: draftIdSchema,
  status: z.enum(['ready', 'conflicts', 'refused', 'empty']),
  rebased: z.boolean(),
  plannedOnVersion: z.number().int(),
  conflicts: z.array(conflictViewSchema),
  steps: z.array(z.object({ seq: z.number().int(), endpoint: z.string(), summary: localizedTextSchema })),
  refusals: z.array(z.object({ code: z.string(), reason: localizedTextSchema })),
  propagation: z.array(propagationViewSchema),
  /** The draft's net changes, in words. */
  changes: z.array(lineSchema),
  /** Only for a ready plan. */
  gate: pushGateSchema.nullable(),
});
export type PlanView = z.infer<typeof planViewSchema>;

export const pushReportViewSchema = z.object({
  pushId: pushIdSchema,
  total: z.number().int(),
  done: z.number().int(),
  sent: z.number().int(),
  confirmedOnResume: z.number().int(),
  failure: z
    .object({ seq: z.number().int(), endpoint: z.string(), code: z.string(), message: z.string(), serverCode: z.number().optional(), resumable: z.boolean() })
    .optional(),
});
export type PushReportView = z.infer<typeof pushReportViewSchema>;

export const verifyViewSchema = z.object({
  pushId: pushIdSchema,
  ok: z.boolean(),
  /** What the push changed, as found on the server now. */
  landed: z.array(lineSchema),
  /**
   * Cells the push meant to change that hold something else on the server, said as what the draft wanted:
   * "Not applied: …" / "未生效：…" (never as the opposite change).
   */
  mismatches: z.array(lineSchema),
  /** What of it no rollback can put back, by name ("Role "X" was deleted and cannot be re-created automatically"). */
  notUndoable: z.array(lineSchema),
  /** Changes made by someone else meanwhile (kept). */
  changedElsewhere: z.array(lineSchema),
  propagation: z.array(propagationViewSchema),
  snapshotVersion: z.number().int(),
});
export type VerifyView = z.infer<typeof verifyViewSchema>;

export const pushSummarySchema = z.object({
  id: pushIdSchema,
  draftId: z.string(),
  draftName: z.string().nullable(),
  createdAt: z.string(),
  finished: z.boolean(),
  /** How a closed push ended: verified, undone by a compensating push, or abandoned. */
  outcome: z.enum(['verified', 'undone', 'abandoned']).nullable(),
  /** For a compensating push, the push it undoes. */
  compensates: z.string().nullable(),
  /** A call failed for good: the push cannot be resumed, only undone or abandoned. */
  stopped: z.boolean(),
  calls: z.number().int(),
  done: z.number().int(),
});

/** "Undo what landed" of an unfinished push, before anything is sent. */
export const undoPreviewViewSchema = z.object({
  pushId: pushIdSchema,
  /** The changes of the push the server holds now: each will be set back. */
  landed: z.array(lineSchema),
  /** What cannot be put back automatically (a deleted role cannot be re-created with its id). */
  notUndoable: z.array(lineSchema),
  /** Operations of the compensating push (0: nothing of the push reached the server). */
  calls: z.number().int().nonnegative(),
});
export type UndoPreviewView = z.infer<typeof undoPreviewViewSchema>;

export const undoResultViewSchema = z.object({
  pushId: pushIdSchema,
  /** The compensating push (null when nothing had landed, so nothing was sent). */
  compensatingPushId: pushIdSchema.nullable(),
  report: pushReportViewSchema.nullable(),
  verify: verifyViewSchema.nullable(),
  notUndoable: z.array(lineSchema),
});
export type UndoResultView = z.infer<typeof undoResultViewSchema>;

const connectionSchema = z.object({ serverUrl: z.string(), username: z.string(), updatedAt: z.string() });

export const syncChannels = {
  /** Connection profile (never its secret), newest snapshot, and the pushes of the open workspace. */
  'sync.status': channel(
    z.object({}).strict(),
    z.object({
      workspaceKind: z.enum(['demo', 'connected']),
      connection: connectionSchema.nullable(),
      /** The CRM edition the workspace speaks (the demo: the Java edition) and what it can store. */
      edition: z.object({ id: crmEditionSchema, name: localizedTextSchema, capabilities: connectorCapabilitiesSchema }),
      snapshot: z.object({ version: z.number().int(), savedAt: z.string(), source: z.string(), users: z.number().int(), roles: z.number().int() }).nullable(),
      pushes: z.array(pushSummarySchema),
    }),
  ),
  /**
   * Logs in with the given account first (nothing is stored when that fails), then stores the profile in the
   * open workspace — or, from the demo, in a new passphrase-protected workspace. The password crosses once.
   */
  'sync.connect': channel(
    z
      .object({
        taskId: taskIdSchema,
        /** Which edition the server runs (the Java edition when left out, as before editions existed). */
        edition: crmEditionSchema.optional(),
        serverUrl: z.string().trim().url().max(2048).refine((u) => /^https?:\/\//i.test(u), 'http or https'),
        username: z.string().trim().min(1).max(128),
        password: z.string().min(1).max(1024),
        newWorkspace: z.object({ name: z.string().trim().min(1).max(120), passphrase: z.string().min(1).max(1024) }).strict().optional(),
      })
      .strict(),
    z.object({ workspaceId: z.string(), createdWorkspace: z.boolean(), serverUrl: z.string(), username: z.string() }),
  ),
  /** Reads the whole server state (progress in `sync.progressed`) and saves it as the newest snapshot. */
  'sync.pull': channel(
    z.object({ taskId: taskIdSchema }).strict(),
    z.object({ version: z.number().int(), users: z.number().int(), roles: z.number().int(), notes: z.array(z.string()) }),
  ),
  /** Stops a running connect / pull / plan / push / verify. A push stops between calls and can be resumed. */
  'sync.cancel': channel(z.object({ taskId: taskIdSchema }).strict(), z.object({ cancelled: z.boolean() })),
  /** Pulls again, rebases the draft if the server moved, and plans the exact calls. Nothing is sent. */
  'sync.plan': channel(z.object({ taskId: taskIdSchema, draftId: draftIdSchema }).strict(), planViewSchema),
  /** Applies the user's choice per conflict (ours / theirs) and plans again on the same server state. */
  'sync.resolve': channel(
    z.object({ planId: planIdSchema, choices: z.record(z.string(), z.enum(['ours', 'theirs'])) }).strict(),
    planViewSchema,
  ),
  /**
   * Journals and sends a ready plan; progress per call in `sync.progressed`. Refused (REFUSED) while the plan's
   * gate has blocking findings and no override reason, or needs a typed confirmation that does not match.
   */
  'sync.push': channel(
    z
      .object({
        taskId: taskIdSchema,
        planId: planIdSchema,
        /** Required when the gate has blocking findings: the written reason goes to the audit log. */
        override: z.object({ reason: z.string().trim().min(OVERRIDE_REASON_MIN).max(1000) }).strict().optional(),
        /** Required when the gate asks for it: the draft's name, typed. */
        confirmation: z.string().max(200).optional(),
      })
      .strict(),
    pushReportViewSchema,
  ),
  /** Continues an unfinished push from its journal without repeating a call. */
  'sync.resume': channel(z.object({ taskId: taskIdSchema, pushId: pushIdSchema }).strict(), pushReportViewSchema),
  /** Pulls again and compares the server with what the push meant; closes a complete push. */
  'sync.verify': channel(z.object({ taskId: taskIdSchema, pushId: pushIdSchema }).strict(), verifyViewSchema),
  /** What "undo what landed" would set back for an unfinished push, from a fresh pull. Nothing is sent. */
  'sync.undoPreview': channel(z.object({ taskId: taskIdSchema, pushId: pushIdSchema }).strict(), undoPreviewViewSchema),
  /**
   * Undoes what landed of an unfinished push with a compensating push (journaled, audited, verified); the push
   * is then closed as undone. Progress per call in `sync.progressed`.
   */
  'sync.undoLanded': channel(z.object({ taskId: taskIdSchema, pushId: pushIdSchema }).strict(), undoResultViewSchema),
  /** Closes an unfinished push as abandoned (the reason goes to the audit log); its draft is kept. */
  'sync.abandon': channel(z.object({ pushId: pushIdSchema, reason: z.string().trim().max(500).optional() }).strict(), z.object({})),
  /** A new draft that puts back, on the server's current state, every cell a completed push changed. */
  'sync.rollback': channel(
    z.object({ pushId: pushIdSchema }).strict(),
    z.object({ draft: draftSummarySchema, notUndoable: z.array(lineSchema) }),
  ),
};
