import type { CompiledPolicy } from '../compiledPolicy';
import { broadScopeRule, DEFAULT_BROAD_SCOPE_THRESHOLD, DEFAULT_SENSITIVE_MODULES } from './broadScope';
import { recursionDepthRule } from './depthLimit';
import { duplicateRolesRule } from './duplicateRoles';
import { fieldEditHiddenRule } from './fieldConflicts';
import type { LintFinding, LintOptions, LintRule } from './lintTypes';
import { activeUserWithoutRoleRule, dormantUserWithRolesRule, roleWithoutMembersRule } from './membership';
import { actionWithoutReadRule } from './missingRead';
import { roleOrderRule } from './roleOrder';
import { scopeLossRule } from './scopeLoss';
import { DEFAULT_SOD_PAIRS, separationOfDutiesRule } from './separationOfDuties';
import { DEFAULT_WIDE_ACTION_THRESHOLD, wideDestructiveActionRule } from './wideDestructiveAction';

export const LINT_RULES: readonly LintRule[] = [
  scopeLossRule,
  roleOrderRule,
  dormantUserWithRolesRule,
  activeUserWithoutRoleRule,
  roleWithoutMembersRule,
  duplicateRolesRule,
  separationOfDutiesRule,
  wideDestructiveActionRule,
  broadScopeRule,
  actionWithoutReadRule,
  fieldEditHiddenRule,
  recursionDepthRule,
];

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Run the lint rules over a compiled snapshot; findings come out errors first, then warnings, then info. */
export function lintSnapshot(policy: CompiledPolicy, options: LintOptions = {}): LintFinding[] {
  const resolved = {
    sodPairs: options.sodPairs ?? DEFAULT_SOD_PAIRS,
    broadScopeThreshold: options.broadScopeThreshold ?? DEFAULT_BROAD_SCOPE_THRESHOLD,
    sensitiveModules: options.sensitiveModules ?? DEFAULT_SENSITIVE_MODULES,
    wideActionThreshold: options.wideActionThreshold ?? DEFAULT_WIDE_ACTION_THRESHOLD,
  };
  const selected = options.rules ? LINT_RULES.filter((r) => options.rules!.includes(r.id)) : LINT_RULES;
  const findings = selected.flatMap((rule) => rule.run(policy, resolved));
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export { DEFAULT_BROAD_SCOPE_THRESHOLD, DEFAULT_SENSITIVE_MODULES, DEFAULT_SOD_PAIRS, DEFAULT_WIDE_ACTION_THRESHOLD };
export type { LintFinding, LintOptions, LintRefs, LintRule, LintSeverity, SodPair } from './lintTypes';
