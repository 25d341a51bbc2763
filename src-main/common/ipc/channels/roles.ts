import { z } from 'zod';
import { dataScopeSchema, fieldDefinitionSchema, fieldRuleSchema, idSchema, permissionSchema, roleGroupSchema, roleSchema } from '../../domain';
import { channel, viewOf } from '../channel';

export const roleSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  groupId: idSchema,
  dataScope: dataScopeSchema,
  enabled: z.boolean(),
  superAdmin: z.boolean(),
  memberCount: z.number().int().nonnegative(),
  activeMemberCount: z.number().int().nonnegative(),
  permissionCount: z.number().int().nonnegative(),
});
export type RoleSummary = z.infer<typeof roleSummarySchema>;

export const roleMatrixSchema = z.object({
  groups: z.array(roleGroupSchema),
  permissions: z.array(permissionSchema),
  fields: z.array(fieldDefinitionSchema),
  /** Roles as pulled (for pending marks) and as the draft would leave them. */
  baseRoles: z.array(roleSchema),
  roles: z.array(roleSchema),
  /** Both empty when asked without field rules. */
  baseFieldRules: z.array(fieldRuleSchema),
  fieldRules: z.array(fieldRuleSchema),
  memberCounts: z.record(z.string(), z.number().int().nonnegative()),
});
export type RoleMatrix = z.infer<typeof roleMatrixSchema>;

export const rolesChannels = {
  /** Every role with its data scope and member counts, and the role groups they belong to. */
  'roles.list': channel(
    z.object({}).strict(),
    z.object({ groups: z.array(roleGroupSchema), roles: z.array(roleSummarySchema) }),
  ),
  /**
   * Everything the role matrix and field matrix draw: catalogue, roles before and after the draft, members.
   * Field rules only with `fieldRules` (the default); the permission grid asks without them, since at 300 roles
   * they are ~95% of the answer (4.4 of 4.5 MB at 20k people). A gesture's answer carries what it changed here
   * (drafts.apply / undo / redo), so this is asked again only on a state gap, a revert or an import.
   */
  'roles.matrix': channel(viewOf.extend({ fieldRules: z.boolean().default(true) }).strict(), roleMatrixSchema),
};
