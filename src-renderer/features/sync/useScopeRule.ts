import { EDITION_RULES } from '../../../src-main/common/policy';
import { useSyncStatus } from './useSyncStatus';

/**
 * How the open workspace's CRM edition combines the data scopes of several roles that grant the same action
 * (policy/editionRules.ts): the widest (Java, and the demo) or the last one in the person's role order (PHP).
 * Texts that explain a scope say the rule the server really applies.
 */
export function useScopeRule(): 'widest' | 'lastListed' {
  const { status } = useSyncStatus();
  return EDITION_RULES[status?.edition.id ?? 'wukong-crm-11'].scopeAcrossRoles;
}
