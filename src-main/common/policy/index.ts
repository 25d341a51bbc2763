/**
 * The policy engine: effective access exactly as WukongCRM computes it (reference §6–7), compiled for
 * speed, by the rules of the snapshot's edition (editionRules.ts: Java or PHP). Pure TypeScript; everything the
 * console asks about access goes through this surface.
 */
export { compilePolicy } from './compile';
export { updatePolicy } from './incremental';
export type { PolicyUpdate } from './incremental';
export { WUKONG_RECURSION_DEPTH } from './compiledPolicy';
export {
  DEFAULT_EDITION, EDITION_RULES, PHP_SUPER_ADMIN_TYPES, PHP_SUPER_ROLE_ID, PHP_SUPER_USER_ID, editionOf, editionRules, isSuperUserId,
} from './editionRules';
export type { EditionRules } from './editionRules';
export type { CompileOptions, CompiledPolicy, CompiledModuleFields, ScopeValue } from './compiledPolicy';
export { effectiveScope, holds, passesGateway, scopeOf, userNumber, permissionNumber, UnknownIdError } from './scope';
export { serverDataScope } from './dataType';
export { canSee, reaches, visibleOwners, visibleOwnerIds, ownersAtScope, whoCanSee } from './visibility';
export type { WhoCanSee } from './visibility';
export { explain } from './explain';
export type { Explanation, RoleExplanation } from './explain';
export { fieldAccess, fieldCodes } from './fields';
export type { FieldAccessEntry, FieldCodes } from './fields';
export { accessMatrix, scopeCounts, SCOPE_SLOTS } from './matrix';
export type { AccessMatrix, MatrixOptions, ScopeAggregate } from './matrix';
export { impact } from './impact';
export { reachChanges, type ReachChange } from './reachChanges';
export type { FieldChange, ImpactReport, PermissionChange, UserImpact } from './impact';
export { SCOPE_NAMES, scopeLabel } from './text';
export {
  lintSnapshot, LINT_RULES, DEFAULT_SOD_PAIRS, DEFAULT_SENSITIVE_MODULES, DEFAULT_BROAD_SCOPE_THRESHOLD,
} from './lints';
export type { LintFinding, LintOptions, LintRefs, LintRule, LintSeverity, SodPair } from './lints';
