import type { Snapshot } from '../domain';
import type { DraftBatch, DraftOperation } from './operations';
import { missingCaseError, opsOf } from './operations';
import * as org from './orgRules';
import type { DraftProblem, DraftProblemCode } from './problems';
import * as role from './roleRules';
import { RuleContext } from './ruleContext';
import { mutate } from './mutate';
import { WorkingSnapshot } from './workingSnapshot';

/**
 * `enforce`: every rule the server applies (the default). `structural`: only what keeps the snapshot consistent
 * (ids resolve, new ids are free, no cycles, no department deleted from under its people or children — the
 * invariants of domain/validateSnapshot). Undo and redo use `structural`: they restore a state the user already
 * had, which may itself break a server rule (a user with no role, an "inactive" status nobody can set).
 */
export type RuleLevel = 'enforce' | 'structural';

const STRUCTURAL: ReadonlySet<DraftProblemCode> = new Set<DraftProblemCode>([
  'UNKNOWN_ROLE',
  'UNKNOWN_USER',
  'UNKNOWN_DEPARTMENT',
  'UNKNOWN_PERMISSION',
  'UNKNOWN_ROLE_GROUP',
  'ID_TAKEN',
  'MANAGER_SELF',
  'MANAGER_CYCLE',
  'DEPARTMENT_CYCLE',
  'DEPARTMENT_HAS_USERS',
  'DEPARTMENT_HAS_CHILDREN',
]);

/** Problems of one operation against the state right before it. */
export function checkOperation(ws: WorkingSnapshot, op: DraftOperation, opIndex: number, level: RuleLevel = 'enforce'): DraftProblem[] {
  const ctx = new RuleContext(ws, opIndex);
  switch (op.type) {
    case 'grantPermissions':
      role.checkGrantPermissions(ctx, op);
      break;
    case 'revokePermissions':
      role.checkRevokePermissions(ctx, op);
      break;
    case 'setDataScope':
      role.checkSetDataScope(ctx, op);
      break;
    case 'createRole':
      role.checkCreateRole(ctx, op);
      break;
    case 'copyRole':
      role.checkCopyRole(ctx, op);
      break;
    case 'renameRole':
      role.checkRenameRole(ctx, op);
      break;
    case 'deleteRole':
      role.checkDeleteRole(ctx, op);
      break;
    case 'assignRoles':
      org.checkAssignRoles(ctx, op);
      break;
    case 'unassignRoles':
      org.checkUnassignRoles(ctx, op);
      break;
    case 'moveUsers':
      org.checkMoveUsers(ctx, op);
      break;
    case 'setManager':
      org.checkSetManager(ctx, op);
      break;
    case 'setUserStatus':
      org.checkSetUserStatus(ctx, op);
      break;
    case 'createDepartment':
      org.checkCreateDepartment(ctx, op);
      break;
    case 'renameDepartment':
      org.checkRenameDepartment(ctx, op);
      break;
    case 'moveDepartment':
      org.checkMoveDepartment(ctx, op);
      break;
    case 'deleteDepartment':
      org.checkDeleteDepartment(ctx, op);
      break;
    case 'setDepartmentHead':
      org.checkSetDepartmentHead(ctx, op);
      break;
    case 'setFieldRules':
      role.checkSetFieldRules(ctx, op);
      break;
    default:
      throw missingCaseError(op);
  }
  return level === 'enforce' ? ctx.problems : ctx.problems.filter((p) => STRUCTURAL.has(p.code));
}

export interface RunResult {
  snapshot: Snapshot;
  problems: DraftProblem[];
  /** Indexes of the operations that were applied (those without error-level problems). */
  applied: number[];
}

/**
 * Applies the operations in order, each checked against the state its predecessors left. An operation with an
 * error is skipped (so later ones are judged against a state that really could exist) and, with `stopOnError`,
 * ends the run.
 */
export function runOperations(snapshot: Snapshot, ops: readonly DraftOperation[], level: RuleLevel, stopOnError: boolean): RunResult {
  const ws = new WorkingSnapshot(snapshot);
  const problems: DraftProblem[] = [];
  const applied: number[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as DraftOperation;
    const found = checkOperation(ws, op, i, level);
    problems.push(...found);
    if (found.some((p) => p.severity === 'error')) {
      if (stopOnError) break;
      continue;
    }
    mutate(ws, op);
    applied.push(i);
  }
  return { snapshot: ws.result(), problems, applied };
}

/**
 * Everything the server would refuse (errors) or that deserves a word (warnings), for every operation.
 * An operation with an error does not take effect for the ones after it.
 */
export function validate(snapshot: Snapshot, input: readonly DraftOperation[] | DraftBatch): DraftProblem[] {
  return runOperations(snapshot, opsOf(input), 'enforce', false).problems;
}
