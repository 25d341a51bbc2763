import { missingCaseError } from '../../../common/draft';
import type { PushStep, StepResult } from '../plan/steps';
import { createDepartment, deleteDepartment, moveUsers, setManager, setUserStatus, updateDepartment } from './orgSteps';
import { assignRole, createRole, deleteRole, renameRole, setFieldRules, setRoleAccess, unassignRole } from './roleSteps';
import type { StepContext } from './stepContext';

/** Dispatch a step to its executor (exhaustive: a new step kind that is not handled fails to compile). */
export function executeStep(step: PushStep, ctx: StepContext, mode: 'probe'): Promise<StepResult | null>;
export function executeStep(step: PushStep, ctx: StepContext, mode: 'send'): Promise<StepResult>;
export function executeStep(step: PushStep, ctx: StepContext, mode: 'probe' | 'send'): Promise<StepResult | null> {
  const run = <S>(executor: { probe(s: S, c: StepContext): Promise<StepResult | null>; send(s: S, c: StepContext): Promise<StepResult> }, s: S) =>
    mode === 'probe' ? executor.probe(s, ctx) : executor.send(s, ctx);
  switch (step.kind) {
    case 'createDepartment':
      return run(createDepartment, step);
    case 'updateDepartment':
      return run(updateDepartment, step);
    case 'createRole':
      return run(createRole, step);
    case 'renameRole':
      return run(renameRole, step);
    case 'setRoleAccess':
      return run(setRoleAccess, step);
    case 'setFieldRules':
      return run(setFieldRules, step);
    case 'moveUsers':
      return run(moveUsers, step);
    case 'setManager':
      return run(setManager, step);
    case 'assignRole':
      return run(assignRole, step);
    case 'unassignRole':
      return run(unassignRole, step);
    case 'setUserStatus':
      return run(setUserStatus, step);
    case 'deleteRole':
      return run(deleteRole, step);
    case 'deleteDepartment':
      return run(deleteDepartment, step);
    default:
      throw missingCaseError(step);
  }
}
