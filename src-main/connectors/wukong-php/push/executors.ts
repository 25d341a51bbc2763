import type { PhpPushStep, StepResult } from '../plan/steps';
import { setFieldGrant } from './fieldSteps';
import { createDepartment, deleteDepartment, moveUsers, setManager, setUserStatus, updateDepartment } from './orgSteps';
import { assignRole, createRole, deleteRole, renameRole, setRoleAccess, setRoleStatus, unassignRole } from './roleSteps';
import type { StepContext, StepExecutor } from './stepContext';

/** Dispatch a step to its executor (exhaustive: a new step kind that is not handled fails to compile). */
export function executeStep(step: PhpPushStep, ctx: StepContext, mode: 'probe'): Promise<StepResult | null>;
export function executeStep(step: PhpPushStep, ctx: StepContext, mode: 'send'): Promise<StepResult>;
export function executeStep(step: PhpPushStep, ctx: StepContext, mode: 'probe' | 'send'): Promise<StepResult | null> {
  const run = <S>(executor: StepExecutor<S>, s: S) => (mode === 'probe' ? executor.probe(s, ctx) : executor.send(s, ctx));
  switch (step.kind) {
    case 'createDepartment':
      return run(createDepartment, step);
    case 'updateDepartment':
      return run(updateDepartment, step);
    case 'deleteDepartment':
      return run(deleteDepartment, step);
    case 'createRole':
      return run(createRole, step);
    case 'renameRole':
      return run(renameRole, step);
    case 'setRoleAccess':
      return run(setRoleAccess, step);
    case 'setRoleStatus':
      return run(setRoleStatus, step);
    case 'deleteRole':
      return run(deleteRole, step);
    case 'setFieldGrant':
      return run(setFieldGrant, step);
    case 'assignRole':
      return run(assignRole, step);
    case 'unassignRole':
      return run(unassignRole, step);
    case 'moveUsers':
      return run(moveUsers, step);
    case 'setManager':
      return run(setManager, step);
    case 'setUserStatus':
      return run(setUserStatus, step);
  }
}
