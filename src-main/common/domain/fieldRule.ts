import { z } from 'zod';
import { idSchema, localizedTextSchema } from './ids';

/** WukongCRM authLevel 1/2/3. Across roles the most permissive wins. */
export const fieldAccessSchema = z.enum(['hidden', 'read', 'edit']);
export type FieldAccess = z.infer<typeof fieldAccessSchema>;
export const FIELD_ACCESS_ORDER: readonly FieldAccess[] = ['hidden', 'read', 'edit'];

/** WukongCRM maskType 0/1/2. Across roles the strictest (largest) wins. The PHP edition has no masks (policy/editionRules.ts). */
export const fieldMaskSchema = z.enum(['none', 'list', 'listDetail']);
export type FieldMask = z.infer<typeof fieldMaskSchema>;
export const FIELD_MASK_ORDER: readonly FieldMask[] = ['none', 'list', 'listDetail'];

/** A CRM field that field rules can target (WukongCRM `wk_crm_field` plus system fields). */
export const fieldDefinitionSchema = z.object({
  /** Module key, the catalogue group realm (`customer`, `contract`, …). */
  module: z.string().min(1).max(64),
  /** Column name (`mobile`, `owner_user_name`). */
  name: z.string().min(1).max(64),
  label: localizedTextSchema,
  /** Whether masking can apply (WukongCRM: currency, mobile, email, address types). */
  maskable: z.boolean(),
});
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>;

/** role × module × field → access and mask (WukongCRM `wk_crm_role_field`). */
export const fieldRuleSchema = z.object({
  roleId: idSchema,
  module: z.string().min(1).max(64),
  field: z.string().min(1).max(64),
  access: fieldAccessSchema,
  mask: fieldMaskSchema,
});
export type FieldRule = z.infer<typeof fieldRuleSchema>;
