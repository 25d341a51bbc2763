/**
 * Drafts: operations on a snapshot, applied purely, checked with the CRM's own rules (WukongCRM 11 reference §9).
 * This file is the public surface; everything else in the folder is internal.
 */
export * from './operations';
export type { DraftProblem, DraftProblemCode, ProblemRefs, ProblemSeverity } from './problems';
export { DraftRejectedError, WUKONG_CODES, PROBLEM_SEVERITY } from './problems';
export { apply, applyChecked, type ApplyOptions, type CheckedApply } from './apply';
export { validate, type RuleLevel } from './validate';
