import { z } from 'zod';
import { fieldAccessSchema, fieldDefinitionSchema, fieldMaskSchema, fieldRuleSchema } from '../../domain/fieldRule';
import { idSchema, localizedTextSchema } from '../../domain/ids';
import { permissionSchema } from '../../domain/permission';
import { dataScopeSchema, roleGroupSchema, roleSchema } from '../../domain/role';
import { channel } from '../channel';

/** Views read the projection of a draft (its operations applied to the base) or, with null, the base itself. */
const viewOf = z.object({ draftId: z.string().min(1).max(128).nullable() });
const scopeValueSchema = z.number().int().min(0).max(5);

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

export const accessChannels = {
  /**
   * Everything the role matrix and field matrix draw: catalogue, roles before and after the draft, members.
   * Field rules only with `fieldRules` (the default); the permission grid asks without them, since at 300 roles
   * they are ~95% of the answer (4.4 of 4.5 MB at 20k people) and it is refetched after every gesture.
   */
  'roles.matrix': channel(viewOf.extend({ fieldRules: z.boolean().default(true) }).strict(), roleMatrixSchema),
  /** Who gains or loses what if the draft were pushed (engine impact of base → projection). */
  'impact.summary': channel(z.object({ draftId: z.string().min(1).max(128), limit: z.number().int().min(1).max(5000).default(200) }).strict(), impactSummarySchema),
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
  /** The engine's lints for a state (base or a draft's projection). */
  'lints.run': channel(viewOf.strict(), z.object({ findings: z.array(lintFindingSchema) })),
};
