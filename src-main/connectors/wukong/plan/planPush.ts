import type { Id, LocalizedText, Snapshot } from '../../../common/domain';
import { applyChecked, type DraftOperation } from '../../../common/draft';
import type { CellChange } from '../../../common/draft/cells';
import { diffSnapshots } from '../../../common/draft/diff';
import { ACCESS_LEVEL, MASK_TYPE } from '../pull/mapOrganisation';
import { propagationNotes, type PropagationNote } from '../verify/propagation';
import { describeStep } from './describeStep';
import { LABEL_BY_MODULE } from './labels';
import { orderRenames } from './orderRenames';
import { refusalsFor, type PlanRefusal } from './refusals';
import { STEP_ENDPOINT, type PushStep, type StepOf } from './steps';

export interface PlannedStep {
  /** 1-based position, as the journal numbers calls. */
  seq: number;
  endpoint: string;
  step: PushStep;
  /** What the step does, for the list shown before sending. */
  summary: LocalizedText;
}

export interface PushPlan {
  /** Empty when anything was refused: a plan is sent whole or not at all. */
  steps: PlannedStep[];
  refusals: PlanRefusal[];
  /** The server state the draft wants: the server snapshot the plan was made on, with the draft applied. */
  projection: Snapshot;
  /** Every cell the push changes (server → projection). */
  changes: CellChange[];
  /** Shown before sending: which changes take effect only after re-login or cache expiry (reference §9.1). */
  propagation: PropagationNote[];
}

/**
 * Turn a draft into the exact, ordered WukongCRM calls, from the cell-level difference between the server's
 * current state and the draft applied to it (robust to any mix of operations). The draft must already be
 * rebased onto `server` (see SyncService). Order: departments are created (parents first) and changed before
 * people move into them; roles are created, renamed and granted before they are assigned; assignments come
 * before unassignments (a user never drops to zero roles, 1133); roles and departments are deleted last.
 */
export function planPush(server: Snapshot, ops: readonly DraftOperation[]): PushPlan {
  const checked = applyChecked(server, ops);
  const ruleRefusals: PlanRefusal[] = checked.problems
    .filter((p) => p.severity === 'error')
    .map((p) => ({ code: 'RULES' as const, reason: p.message }));
  const projection = checked.snapshot;
  const changes = diffSnapshots(server, projection);
  const refusals = [...ruleRefusals, ...refusalsFor(changes, projection)];
  const renames = orderRenames(server, projection, changes);
  if (renames.refusal) refusals.push(renames.refusal);
  const propagation = propagationNotes(changes, projection);
  if (refusals.length > 0) return { steps: [], refusals, projection, changes, propagation };
  const steps = buildSteps(server, projection, changes, renames.order);
  const planned = steps.map((step, i) => ({ seq: i + 1, endpoint: STEP_ENDPOINT[step.kind], step, summary: describeStep(step, projection, server) }));
  return { steps: planned, refusals, projection, changes, propagation };
}

function buildSteps(server: Snapshot, projection: Snapshot, changes: readonly CellChange[], renameOrder: readonly Id[]): PushStep[] {
  const serverRoles = new Map(server.roles.map((r) => [r.id, r]));
  const roles = new Map(projection.roles.map((r) => [r.id, r]));
  const departments = new Map(projection.departments.map((d) => [d.id, d]));
  const serverDepartments = new Map(server.departments.map((d) => [d.id, d]));
  const users = new Map(projection.users.map((u) => [u.id, u]));
  const roleType = (roleId: Id) => Number((roles.get(roleId) ?? serverRoles.get(roleId))?.groupId);
  const deptDepth = depthIn(projection.departments.map((d) => [d.id, d.parentId]));
  const managerDepth = depthIn(projection.users.map((u) => [u.id, u.managerId]));

  const createdDepts: StepOf<'createDepartment'>[] = [];
  const deptUpdates = new Map<Id, StepOf<'updateDepartment'>>();
  const deletedDepts: Id[] = [];
  const createdRoles: StepOf<'createRole'>[] = [];
  const renames = new Map<Id, StepOf<'renameRole'>>();
  const access = new Map<Id, StepOf<'setRoleAccess'>>();
  const fieldRules = new Map<string, StepOf<'setFieldRules'>>();
  const moves = new Map<Id, Id[]>();
  const managers: StepOf<'setManager'>[] = [];
  const assigns = new Map<Id, Id[]>();
  const unassigns: StepOf<'unassignRole'>[] = [];
  const statuses = new Map<'active' | 'disabled', Id[]>();
  const deletedRoles: StepOf<'deleteRole'>[] = [];

  const roleAccess = (roleId: Id) => {
    let step = access.get(roleId);
    if (!step) access.set(roleId, (step = { kind: 'setRoleAccess', role: roleId, roleType: roleType(roleId), grant: [], revoke: [] }));
    return step;
  };
  const deptUpdate = (departmentId: Id) => {
    let step = deptUpdates.get(departmentId);
    if (!step) deptUpdates.set(departmentId, (step = { kind: 'updateDepartment', department: departmentId }));
    return step;
  };
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => map.set(key, [...(map.get(key) ?? []), value]);

  for (const c of changes) {
    switch (c.kind) {
      case 'department':
        if (c.after && !c.before) {
          const d = departments.get(c.departmentId)!;
          const existing = server.departments.filter((s) => s.parentId === d.parentId && s.name === d.name).map((s) => Number(s.id));
          createdDepts.push({ kind: 'createDepartment', ref: d.id, parent: d.parentId!, name: d.name, head: d.headUserId, existing });
        } else if (!c.after) deletedDepts.push(c.departmentId);
        break;
      case 'departmentName':
        deptUpdate(c.departmentId).name = c.after;
        break;
      case 'departmentParent':
        deptUpdate(c.departmentId).parent = c.after!;
        break;
      case 'departmentHead':
        // A new department gets its head in addDept itself.
        if (serverDepartments.has(c.departmentId)) deptUpdate(c.departmentId).head = c.after;
        break;
      case 'role':
        if (c.after && !c.before) {
          const r = roles.get(c.roleId)!;
          const existing = server.roles.filter((s) => s.groupId === r.groupId && s.name === r.name).map((s) => Number(s.id));
          createdRoles.push({ kind: 'createRole', ref: r.id, roleType: Number(r.groupId), name: r.name, label: r.label, existing });
          // add() leaves dataType at the column default 5 and status 1 (§4.2): set both with the grants.
          const step = roleAccess(r.id);
          step.dataScope = r.dataScope;
          if (!r.enabled) step.enabled = false;
        } else if (!c.after) deletedRoles.push({ kind: 'deleteRole', role: c.roleId, roleType: roleType(c.roleId) });
        break;
      case 'roleName':
        renames.set(c.roleId, { kind: 'renameRole', role: c.roleId, roleType: roleType(c.roleId), name: c.after });
        break;
      case 'roleScope':
        roleAccess(c.roleId).dataScope = c.after;
        break;
      case 'rolePermission':
        (c.after ? roleAccess(c.roleId).grant : roleAccess(c.roleId).revoke).push(c.permissionId);
        break;
      case 'fieldRule': {
        if (c.after === null) break; // refused earlier, or the role is deleted
        const label = LABEL_BY_MODULE[c.module]!;
        const key = `${c.roleId}\u0000${label}`;
        let step = fieldRules.get(key);
        if (!step) fieldRules.set(key, (step = { kind: 'setFieldRules', role: c.roleId, label, cells: [] }));
        step.cells.push({ field: c.field, authLevel: ACCESS_LEVEL[c.after.access], maskType: MASK_TYPE[c.after.mask] });
        break;
      }
      case 'userDepartment':
        push(moves, c.after, c.userId);
        break;
      case 'userManager':
        managers.push({ kind: 'setManager', userId: c.userId, login: users.get(c.userId)!.login, manager: c.after });
        break;
      case 'membership':
        if (c.after) push(assigns, c.roleId, c.userId);
        // /adminRole/delete removes the role's memberships itself (§4.2).
        else if (roles.has(c.roleId)) unassigns.push({ kind: 'unassignRole', role: c.roleId, userId: c.userId, login: users.get(c.userId)!.login });
        break;
      case 'userStatus':
        if (c.after !== 'inactive') push(statuses, c.after, c.userId);
        break;
      case 'user':
        break; // refused earlier
    }
  }

  const steps: PushStep[] = [];
  steps.push(...createdDepts.sort((a, b) => deptDepth(a.ref) - deptDepth(b.ref)));
  // Moves in order of final depth: each department's new parent already sits where it will stay (no 1110).
  steps.push(...[...deptUpdates.values()].sort((a, b) => deptDepth(a.department) - deptDepth(b.department)));
  steps.push(...renameOrder.map((id) => renames.get(id)!));
  steps.push(...createdRoles);
  steps.push(...[...access.values()].filter((s) => s.grant.length + s.revoke.length > 0 || s.dataScope !== undefined || s.enabled !== undefined));
  steps.push(...fieldRules.values());
  for (const [department, userIds] of moves) steps.push({ kind: 'moveUsers', department, userIds });
  // Managers nearest the top first, so no intermediate state is a reporting loop (1109).
  steps.push(...managers.sort((a, b) => managerDepth(a.userId) - managerDepth(b.userId)));
  for (const [role, userIds] of assigns) steps.push({ kind: 'assignRole', role, userIds });
  steps.push(...unassigns);
  // Enabling needs a role (1113), which the assignments above provide.
  for (const [status, userIds] of statuses) steps.push({ kind: 'setUserStatus', userIds, status });
  steps.push(...deletedRoles);
  // Children before parents (1112).
  const serverDepth = depthIn(server.departments.map((d) => [d.id, d.parentId]));
  steps.push(...deletedDepts.sort((a, b) => serverDepth(b) - serverDepth(a)).map((department) => ({ kind: 'deleteDepartment' as const, department })));
  return steps;
}

/** Depth of a node in a parent-pointer forest (0 for a root), memoised. */
function depthIn(edges: ReadonlyArray<readonly [Id, Id | null]>): (id: Id) => number {
  const parent = new Map(edges);
  const memo = new Map<Id, number>();
  const depth = (id: Id): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const chain: Id[] = [];
    let node: Id | null | undefined = id;
    let base = 0;
    while (node != null && parent.has(node)) {
      const m = memo.get(node);
      if (m !== undefined) {
        base = m + 1;
        break;
      }
      if (chain.includes(node)) break; // a cycle cannot pass validation; never loop on one
      chain.push(node);
      node = parent.get(node);
    }
    for (let i = chain.length - 1; i >= 0; i--) memo.set(chain[i]!, base + (chain.length - 1 - i));
    return memo.get(id) ?? 0;
  };
  return depth;
}
