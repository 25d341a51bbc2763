import { z } from 'zod';
import { fieldAccessSchema, fieldMaskSchema, idSchema } from '../../domain';
import { channel, scopeValueSchema } from '../channel';

const permissionChangeSchema = z.object({ permissionId: idSchema, before: scopeValueSchema, after: scopeValueSchema });
const fieldStateSchema = z.object({ access: fieldAccessSchema, mask: fieldMaskSchema });

export const impactSummarySchema = z.object({
  counts: z.object({
    usersAffected: z.number().int(),
    gained: z.number().int(),
    lost: z.number().int(),
    widened: z.number().int(),
    narrowed: z.number().int(),
    fieldChanges: z.number().int(),
    moved: z.number().int(),
  }),
  /** The first users affected (the list is capped; counts are not). */
  users: z.array(
    z.object({
      userId: idSchema,
      name: z.string(),
      kind: z.enum(['changed', 'added', 'removed']),
      moved: z.boolean(),
      permissions: z.array(permissionChangeSchema),
      fields: z.array(z.object({ module: z.string(), field: z.string(), before: fieldStateSchema, after: fieldStateSchema })),
    }),
  ),
  truncated: z.boolean(),
  /** Milliseconds the engine spent (compile + impact), for the performance record. */
  tookMs: z.number(),
});
export type ImpactSummary = z.infer<typeof impactSummarySchema>;

export const impactChannels = {
  /** Who gains or loses what if the draft were pushed (engine impact of base → projection). */
  'impact.summary': channel(z.object({ draftId: z.string().min(1).max(128), limit: z.number().int().min(1).max(5000).default(200) }).strict(), impactSummarySchema),
};
