import { z } from 'zod';
import { channel } from '../channel';

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  details: z.unknown(),
  hash: z.string(),
});

/** Why `audit.verify` failed (store/repos/auditRepo.ts `AuditBreak`, store/anchor `AnchorBreak`). */
export const auditBreakSchema = z.enum([
  'MISSING_ENTRY',
  'ENTRY_ALTERED',
  'CHAIN_BROKEN',
  'HEAD_MISMATCH',
  'TRUNCATED',
  'REWRITTEN',
  'FORGED',
  'ANCHOR_MISSING',
  'ANCHOR_INVALID',
]);
export type AuditBreakView = z.infer<typeof auditBreakSchema>;

export const auditChannels = {
  /** The current workspace's audit log, newest first, in pages. */
  'audit.list': channel(
    z.object({ limit: z.number().int().min(1).max(1000).default(200), beforeSeq: z.number().int().positive().optional() }).strict(),
    z.object({ entries: z.array(auditEntrySchema) }),
  ),
  /**
   * Walks the hash chain, then compares it with the audit anchor kept outside the database, and names the
   * first problem: a broken link inside the log, or a log truncated, rewritten or extended (forged) behind
   * Gatehouse's back, or an anchor that is missing or does not match.
   */
  'audit.verify': channel(
    z.object({}).strict(),
    z.object({
      ok: z.boolean(),
      entries: z.number().int(),
      brokenAt: z.number().int().optional(),
      reason: auditBreakSchema.optional(),
      message: z.string().optional(),
    }),
  ),
};
