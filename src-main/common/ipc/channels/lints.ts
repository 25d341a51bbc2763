import { z } from 'zod';
import { idSchema, localizedTextSchema } from '../../domain';
import { channel, viewOf } from '../channel';

export const lintFindingSchema = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: localizedTextSchema,
  refs: z.object({
    userIds: z.array(idSchema).optional(),
    roleIds: z.array(idSchema).optional(),
    permissionIds: z.array(idSchema).optional(),
    departmentIds: z.array(idSchema).optional(),
  }),
});
export type LintFindingView = z.infer<typeof lintFindingSchema>;

export const lintsChannels = {
  /** The engine's lints for a state (base or a draft's projection). */
  'lints.run': channel(viewOf.strict(), z.object({ findings: z.array(lintFindingSchema) })),
};
