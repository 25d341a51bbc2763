/**
 * Drafts (ARCHITECTURE §3): operations on a snapshot, applied purely, checked with the CRM's own rules
 * (WukongCRM 11 reference §9), undone exactly, described in plain words, and rebased three-way onto a newer
 * server state. This file is the public surface; the rest of the folder is internal.
 */
// Operations and batches (zod schemas: stored in the encrypted draft and sent over IPC).
export * from './operations';

// Applying and checking.
export type { DraftProblem, DraftProblemCode, ProblemRefs, ProblemSeverity } from './problems';
export { DraftRejectedError, PROBLEM_SEVERITY, WUKONG_CODES, problem } from './problems';
export { apply, applyChecked, type ApplyOptions, type CheckedApply } from './apply';
export { validate, type RuleLevel } from './validate';

// What a draft changes, cell by cell, and in words.
export type { CellChange, CellKind, CellRef, CellValues, DepartmentSummary, FieldRuleValue, RoleSummary, UserSummary } from './cells';
export { cellKey } from './cells';
export { diffSnapshots } from './diff';
export { normaliseOps } from './normalise';
export { operationCells } from './restrict';
export { opsSettingCell } from './cellOps';
export { landedChanges, undoChanges, type UndoPlan } from './undoChanges';
export { ACCESS_NAMES, DATA_SCOPE_NAMES, MASK_NAMES, describeOperation, describeOperations, type Locale } from './describe';
export { describeChange } from './describeChange';

// Three-way rebase onto a newer server state.
export { rebase, resolveConflicts, type ConflictChoice, type ConflictReason, type RebaseConflict, type RebaseResult } from './rebase';
