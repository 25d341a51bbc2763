/**
 * Actions an administrator wants named before they are handed out: delete, export to Excel, transfer (change the
 * owner), put into the public pool, and team membership edits — by the last segment of the WukongCRM permission
 * key (`crm:customer:delete`, `crm:leads:excelexport`, `crm:contract:teamsave`…, reference §5.3). The role matrix
 * asks before granting them in bulk; the push gate marks them and asks for a typed confirmation.
 */
export const SENSITIVE_ACTIONS: ReadonlySet<string> = new Set(['delete', 'excelexport', 'transfer', 'putinpool', 'teamsave']);

/** Of those, the ones whose wide grant makes a push need a typed confirmation: records destroyed, copied out, or moved. */
export const TYPED_CONFIRMATION_ACTIONS: ReadonlySet<string> = new Set(['delete', 'excelexport', 'transfer']);

export const actionOf = (key: string): string => key.slice(key.lastIndexOf(':') + 1).toLowerCase();

export function isSensitiveKey(key: string | undefined): boolean {
  return key !== undefined && SENSITIVE_ACTIONS.has(actionOf(key));
}
