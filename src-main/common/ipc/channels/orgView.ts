import { z } from 'zod';
import { departmentSchema } from '../../domain/department';
import { idSchema } from '../../domain/ids';
import { dataScopeSchema, roleGroupSchema } from '../../domain/role';
import { userSchema } from '../../domain/user';
import { channel } from '../channel';

const draftIdSchema = z.string().min(1).max(128).nullable();

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

/** One cell whose visible owners differ between the base and the draft (the scope number may be equal). */
export const reachChangeSchema = z.object({
  row: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  gained: z.number().int().nonnegative(),
  lost: z.number().int().nonnegative(),
});
export type ReachChange = z.infer<typeof reachChangeSchema>;

export const orgViewChannels = {
  /** Departments, people and roles as the draft would leave them (null: the base as pulled). */
  'org.view': channel(z.object({ draftId: draftIdSchema }).strict(), orgViewSchema),
  /**
   * Moving people or departments keeps every scope number but changes whose records they open. For each
   * user × permission, how many owners the draft adds to or removes from what the user sees; only changed
   * cells are listed, indexed like `access.heatmap` rows and columns.
   */
  'access.reachDelta': channel(
    z
      .object({
        draftId: z.string().min(1).max(128),
        permissionIds: z.array(idSchema).min(1).max(500),
        userIds: z.array(idSchema).max(200_000).optional(),
      })
      .strict(),
    z.object({ userIds: z.array(idSchema), permissionIds: z.array(idSchema), changes: z.array(reachChangeSchema), tookMs: z.number() }),
  ),
};
