import { z } from 'zod';
import type { LocalizedText } from '../domain';

/**
 * The CRM editions Gatehouse can connect to, and what each can store. One table, read by the connectors (their
 * `capabilities`), the main process (the plan refuses what an edition cannot store) and the renderer (the
 * editor offers only what the connected edition can store; the demo workspace behaves like the Java edition).
 */
export const CRM_EDITIONS = ['wukong-crm-11', 'wukong-php'] as const;
export const crmEditionSchema = z.enum(CRM_EDITIONS);
export type CrmEdition = z.infer<typeof crmEditionSchema>;

export const connectorCapabilitiesSchema = z.object({
  /** Whether a data scope can differ per permission (Dynamics) rather than per role (WukongCRM). */
  scopePerPermission: z.boolean(),
  /** Whether field rules can be stored at all (per role × module × field). */
  fieldRules: z.boolean(),
  /** Whether a field rule can be deleted (WukongCRM: rows are only updated). */
  fieldRuleRemoval: z.boolean(),
  /** Whether a field can be shown masked (WukongCRM Java: `maskType`). */
  fieldMasks: z.boolean(),
  /** Whether a person can be set back to "not yet activated". */
  inactiveStatusSettable: z.boolean(),
  /** Whether the server returns ids of what it creates (WukongCRM: no, re-read). */
  returnsCreatedIds: z.boolean(),
  /** Whether writes carry a version that detects concurrent edits (WukongCRM: none). */
  optimisticConcurrency: z.boolean(),
});
export type ConnectorCapabilities = z.infer<typeof connectorCapabilitiesSchema>;

export interface CrmEditionInfo {
  name: LocalizedText;
  capabilities: ConnectorCapabilities;
}

export const CRM_EDITION_INFO: Readonly<Record<CrmEdition, CrmEditionInfo>> = {
  // Reference wukong-crm-11-api.md: one data scope per role (§4.1, §7.1); `saveRoleField` only updates rows (§6)
  // and carries `maskType`; people are enabled or disabled, never set back to inactive; no ids returned (§9).
  'wukong-crm-11': {
    name: { en: 'WukongCRM 11 (Java)', 'zh-CN': '悟空CRM 11（Java 版）' },
    capabilities: {
      scopePerPermission: false,
      fieldRules: true,
      fieldRuleRemoval: false,
      fieldMasks: true,
      inactiveStatusSettable: false,
      returnsCreatedIds: false,
      optimisticConcurrency: false,
    },
  },
  // PHP edition v11.0.3 (connectors/wukong-php/WukongPhpConnector.ts says each with its source): the data scope
  // is `admin_group.type`, one per role; field grants are one serialized list per role × module
  // (application/admin/logic/FieldGrantLogic.php) with read / write per field and no mask; a field the list does
  // not name is fully open, so a custom field's rule can be removed (built-in ones are refused per cell);
  // `users/enables` stores status 2 (not yet activated); `groups/save` answers `{"data":1}`, no id.
  'wukong-php': {
    name: { en: 'WukongCRM 11 (PHP)', 'zh-CN': '悟空CRM 11（PHP 版）' },
    capabilities: {
      scopePerPermission: false,
      fieldRules: true,
      fieldRuleRemoval: true,
      fieldMasks: false,
      inactiveStatusSettable: true,
      returnsCreatedIds: false,
      optimisticConcurrency: false,
    },
  },
};

/**
 * The edition a stored connection profile speaks. Profiles written before editions existed say `wukong` or
 * `wukong-crm-11`: both are the Java edition, the only one there was.
 */
export function editionOfProfile(connector: string): CrmEdition {
  return connector === 'wukong-php' ? 'wukong-php' : 'wukong-crm-11';
}
