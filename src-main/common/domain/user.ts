import { z } from 'zod';
import { idSchema } from './ids';

/** WukongCRM status: 1 normal → active, 2 not yet activated → inactive, 0 disabled → disabled. */
export const userStatusSchema = z.enum(['active', 'inactive', 'disabled']);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const userSchema = z.object({
  id: idSchema,
  login: z.string().min(1).max(64),
  name: z.string().min(1).max(64),
  departmentId: idSchema,
  /** Direct superior (WukongCRM `parent_id`, 0 → null). Scope 2 follows this chain transitively. */
  managerId: idSchema.nullable(),
  status: userStatusSchema,
  title: z.string().max(64).default(''),
  /**
   * Roles held, in the order the server lists them — on the PHP edition the order of assignment (`admin_access`),
   * which decides the data scope there (policy/editionRules.ts).
   */
  roleIds: z.array(idSchema),
});
export type User = z.infer<typeof userSchema>;
