import { z } from 'zod';
import { crmEditionSchema } from '../crm';
import { departmentSchema } from './department';
import { fieldDefinitionSchema, fieldRuleSchema } from './fieldRule';
import { idSchema } from './ids';
import { permissionSchema } from './permission';
import { roleGroupSchema, roleSchema } from './role';
import { userSchema } from './user';

export const snapshotSourceSchema = z.object({
  kind: z.enum(['demo', 'generated', 'wukong', 'file']),
  /** Server the snapshot was pulled from; absent offline. */
  serverUrl: z.string().max(2048).optional(),
  /** ISO-8601 time the state was read. */
  takenAt: z.string(),
  /** Seed and size for generated organisations, so they can be made again. */
  seed: z.number().int().optional(),
});
export type SnapshotSource = z.infer<typeof snapshotSourceSchema>;

/** Everything the console knows about one CRM's permission state at one moment. Immutable once made. */
export const snapshotSchema = z.object({
  schemaVersion: z.literal(1),
  /**
   * The CRM edition whose rules the state follows (common/crm/editions.ts; the engine reads them from
   * policy/editionRules.ts). Absent = WukongCRM 11 Java, the only edition before editions existed: every snapshot,
   * file and workspace written before stays what it was. Absent and `wukong-crm-11` mean the same; a snapshot file
   * writes neither (policyFile/canonical.ts), so the two give the same bytes.
   */
  edition: crmEditionSchema.optional(),
  source: snapshotSourceSchema,
  departments: z.array(departmentSchema),
  users: z.array(userSchema),
  permissions: z.array(permissionSchema),
  roleGroups: z.array(roleGroupSchema),
  roles: z.array(roleSchema),
  fields: z.array(fieldDefinitionSchema),
  fieldRules: z.array(fieldRuleSchema),
  /** Users the CRM treats as super admin whatever their roles (WukongCRM hard-codes user 14773). */
  superUserIds: z.array(idSchema).default([]),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
