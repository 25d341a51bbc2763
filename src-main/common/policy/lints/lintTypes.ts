import type { LocalizedText } from '../../domain';
import type { CompiledPolicy } from '../compiledPolicy';

export type LintSeverity = 'error' | 'warning' | 'info';

/** The objects a finding points at, by id, so the console can select them. */
export interface LintRefs {
  readonly userIds: readonly string[];
  readonly roleIds: readonly string[];
  readonly permissionIds: readonly string[];
  readonly departmentIds: readonly string[];
}

export interface LintFinding {
  readonly ruleId: string;
  readonly severity: LintSeverity;
  readonly message: LocalizedText;
  readonly refs: LintRefs;
}

/** A separation-of-duties pair: holding permissions with both keys is a conflict. */
export interface SodPair {
  readonly id: string;
  readonly a: string;
  readonly b: string;
  readonly severity: LintSeverity;
  readonly label: LocalizedText;
}

export interface LintOptions {
  /** Only these rule ids run (default: all). */
  readonly rules?: readonly string[];
  readonly sodPairs?: readonly SodPair[];
  /** Broad scope (5) on a sensitive permission is reported when more users than this hold it. */
  readonly broadScopeThreshold?: number;
  /** Catalogue groups (permission key prefixes) holding sensitive records. */
  readonly sensitiveModules?: readonly string[];
  /** Delete or export on a sensitive module held by more users than this is an error. */
  readonly wideActionThreshold?: number;
}

export interface ResolvedLintOptions {
  readonly sodPairs: readonly SodPair[];
  readonly broadScopeThreshold: number;
  readonly sensitiveModules: readonly string[];
  readonly wideActionThreshold: number;
}

export interface LintRule {
  readonly id: string;
  /** The most severe level this rule reports at. */
  readonly severity: LintSeverity;
  readonly title: LocalizedText;
  run(policy: CompiledPolicy, options: ResolvedLintOptions): LintFinding[];
}

export function refs(partial: Partial<LintRefs>): LintRefs {
  return { userIds: [], roleIds: [], permissionIds: [], departmentIds: [], ...partial };
}
