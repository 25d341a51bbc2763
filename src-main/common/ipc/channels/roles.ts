import { z } from 'zod';
import { idSchema } from '../../domain/ids';
import { permissionSchema } from '../../domain/permission';
import { dataScopeSchema, roleGroupSchema } from '../../domain/role';
import { channel } from '../channel';

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

export const rolesChannels = {
  /** Every role with its data scope and member counts, and the role groups they belong to. */
  'roles.list': channel(
    z.object({}).strict(),
    z.object({ groups: z.array(roleGroupSchema), roles: z.array(roleSummarySchema) }),
  ),
  /** The permission catalogue (tree nodes with labels in both languages). */
  'catalogue.list': channel(z.object({}).strict(), z.object({ permissions: z.array(permissionSchema) })),
};
