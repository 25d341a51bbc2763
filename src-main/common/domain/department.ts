import { z } from 'zod';
import { idSchema } from './ids';

/** A node of the organisation tree (WukongCRM `wk_admin_dept`: pid, ownerUserId). */
export const departmentSchema = z.object({
  id: idSchema,
  /** null for the single top-level department. */
  parentId: idSchema.nullable(),
  name: z.string().min(1).max(64),
  /** Department head. Being head grants nothing extra on WukongCRM (reference §7.2). */
  headUserId: idSchema.nullable(),
  sort: z.number().int().default(0),
});
export type Department = z.infer<typeof departmentSchema>;
