import { z } from 'zod';
import { dataScopeSchema, departmentSchema, idSchema, roleGroupSchema, userSchema } from '../../domain';
import { channel, viewOf } from '../channel';

/** A role as the organisation views need it: enough to list, drag and rank, not the whole grant list. */
export const orgRoleSchema = z.object({
  id: idSchema,
  name: z.string(),
  groupId: idSchema,
  dataScope: dataScopeSchema,
  superAdmin: z.boolean(),
  /** Permissions the role grants, ids only (for "broad grants" rankings). */
  permissionIds: z.array(idSchema),
});
export type OrgRole = z.infer<typeof orgRoleSchema>;

export const orgViewSchema = z.object({
  departments: z.array(departmentSchema),
  users: z.array(userSchema),
  roles: z.array(orgRoleSchema),
  groups: z.array(roleGroupSchema),
});
export type OrgView = z.infer<typeof orgViewSchema>;

export const orgChannels = {
  /** Departments, people and roles as the draft would leave them (null: the base as pulled). */
  'org.view': channel(viewOf.strict(), orgViewSchema),
};
