import { z } from 'zod';
import { idSchema, localizedTextSchema } from './ids';

/**
 * Data scope (WukongCRM `dataType`): 1 self · 2 self + subordinates · 3 own department ·
 * 4 own department + sub-departments · 5 all — the same numbers as the PHP edition's `admin_group.type`. Across
 * roles, Java takes the largest and PHP the one met last in the user's order (policy/editionRules.ts).
 */
export const dataScopeSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export type DataScope = z.infer<typeof dataScopeSchema>;
export const DATA_SCOPES: readonly DataScope[] = [1, 2, 3, 4, 5];

/**
 * WukongCRM's own names for the five scopes (the 数据权限 radio, reference §4.1 `dataType`), and in English: the
 * one home of these words. Sentences use them as they are; the console's labels (`scope.N` in the renderer's
 * messages) are made from them with a capital letter.
 */
export const DATA_SCOPE_NAMES: Readonly<Record<DataScope, { 'zh-CN': string; en: string }>> = {
  1: { 'zh-CN': '本人', en: 'self' },
  2: { 'zh-CN': '本人及下属', en: 'self + reports' },
  3: { 'zh-CN': '本部门', en: 'own department' },
  4: { 'zh-CN': '本部门及下属部门', en: 'department tree' },
  5: { 'zh-CN': '全部', en: 'everyone' },
};

/** A family of roles that share one catalogue (WukongCRM roleType: 1 system, 2 CRM, 7 office, …). */
export const roleGroupSchema = z.object({
  id: idSchema,
  label: localizedTextSchema,
  /** Catalogue roots whose actions roles of this group may be granted. */
  rootPermissionIds: z.array(idSchema),
  /** Whether the CRM lets this group's roles carry a data scope (WukongCRM shows the radio for CRM roles). */
  hasDataScope: z.boolean(),
});
export type RoleGroup = z.infer<typeof roleGroupSchema>;

export const roleSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(255),
  groupId: idSchema,
  dataScope: dataScopeSchema,
  permissionIds: z.array(idSchema),
  /** Shown, never enforced: WukongCRM ignores role status in permission checks (reference §4.1). */
  enabled: z.boolean().default(true),
  /** WukongCRM marker: `admin` = super-admin role, `project` = project-admin role. */
  remark: z.string().max(100).nullable().default(null),
  /** CRM-specific extra kept for round-trips (WukongCRM `label`). */
  label: z.number().int().nullable().default(null),
});
export type Role = z.infer<typeof roleSchema>;
