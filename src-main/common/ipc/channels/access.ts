import { z } from 'zod';
import { dataScopeSchema, idSchema, localizedTextSchema } from '../../domain';
import { channel, scopeValueSchema, viewOf } from '../channel';

export const explanationSchema = z.object({
  userId: idSchema,
  permissionId: idSchema,
  superAdmin: z.enum(['user', 'role']).nullable(),
  roles: z.array(
    z.object({
      roleId: idSchema,
      roleName: z.string(),
      groupId: idSchema,
      enabled: z.boolean(),
      grants: z.boolean(),
      scope: dataScopeSchema,
      superAdminRole: z.boolean(),
      wins: z.boolean(),
    }),
  ),
  effectiveScope: scopeValueSchema,
  grantingScopes: z.array(dataScopeSchema),
  visibleOwnerCount: z.number().int(),
  lostOwnerIds: z.array(idSchema),
  beyondDepthCount: z.number().int(),
  consequence: localizedTextSchema,
});
export type ExplanationView = z.infer<typeof explanationSchema>;

/** One cell whose visible owners differ between the base and the draft (the scope number may be equal). */
export const reachChangeSchema = z.object({
  row: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  gained: z.number().int().nonnegative(),
  lost: z.number().int().nonnegative(),
});
export type ReachChange = z.infer<typeof reachChangeSchema>;

export const accessChannels = {
  /** Why a user has (or lacks) a permission, with the scope each role gives and which one wins. */
  'access.explain': channel(viewOf.extend({ userId: idSchema, permissionId: idSchema }).strict(), explanationSchema),
  /** Everyone who can see records owned by `ownerId` for a permission, with the scope that lets each in. */
  'access.whoCanSee': channel(
    viewOf.extend({ ownerId: idSchema, permissionId: idSchema }).strict(),
    z.object({ viewers: z.array(z.object({ userId: idSchema, scope: scopeValueSchema })) }),
  ),
  /**
   * The access map: effective scope (0 none … 5 all) of each user for each permission, row-major, as base64 of a
   * Uint8Array (20k users × 30 actions stays well under a megabyte). With `withBase`, the same matrix for the
   * base snapshot too, so the renderer can colour what the draft changes.
   */
  'access.heatmap': channel(
    viewOf
      .extend({
        permissionIds: z.array(idSchema).min(1).max(500),
        /** Restrict rows to these users (e.g. a manager's team); all users when absent. */
        userIds: z.array(idSchema).max(200_000).optional(),
        withBase: z.boolean().default(false),
      })
      .strict(),
    z.object({
      userIds: z.array(idSchema),
      permissionIds: z.array(idSchema),
      scopes: z.string(),
      baseScopes: z.string().nullable(),
      tookMs: z.number(),
    }),
  ),
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
