import type { Id, Snapshot } from '../../../common/domain';
import { applyChecked, type DraftOperation, diffSnapshots } from '../../../common/draft';
import type { CellChange } from '../../../common/draft';
import { ACCESS_LEVEL, MASK_TYPE } from '../pull/mapOrganisation';
import type { PlanRefusal, PushPlan } from '../../connector';
import { propagationNotes } from '../verify/propagation';
import { describeStep } from './describeStep';
import { LABEL_BY_MODULE } from './labels';
import { orderRenames } from './orderRenames';
import { refusalsFor } from './refusals';
import { STEP_ENDPOINT, type PushStep, type StepOf } from './steps';

/** A WukongCRM plan: the port's plan with this connector's steps. */
export type WukongPushPlan = PushPlan<PushStep>;

/**
 * Turn a draft into the exact, ordered WukongCRM calls, from the cell-level difference between the server's
 * current state and the draft applied to it (robust to any mix of operations). The draft must already be
 * rebased onto `server` (see SyncService). Order: departments are created (parents first) and changed before
 * people move into them; roles are created, renamed and granted before they are assigned; assignments come
 * before unassignments (a user never drops to zero roles, 1133); roles and departments are deleted last.
 */
export function planPush(server: Snapshot, ops: readonly DraftOperation[]): WukongPushPlan {
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

/**
 * The calls, ordered so that no prefix of them — where a push may stop — gives anyone access that neither the
 * server's state before the push nor the draft's projection gives (each intermediate state is bounded by both):
 *   1. narrowing: renames, disabling people, revokes and lower data scopes, narrower field rules, role removals
 *      that leave the person another role (1133);
 *   2. structure: departments created and changed, people moved, managers set, new roles created (with their
 *      data scope, no grants, no members: they give nothing yet);
 *   3. widening: role assignments, then the role removals that needed a new role first (1133), then grants,
 *      higher data scopes and wider field rules, then enabling people (1113 needs a role);
 *   4. what cannot be undone last: role and department deletions (children before parents, 1112).
 * A role whose grants both shrink and grow gets two updateRoleMenu calls, one in each phase.
 */
function buildSteps(server: Snapshot, projection: Snapshot, changes: readonly CellChange[], renameOrder: readonly Id[]): PushStep[] {
  const serverRoles = new Map(server.roles.map((r) => [r.id, r]));
  const roles = new Map(projection.roles.map((r) => [r.id, r]));
  const departments = new Map(projection.departments.map((d) => [d.id, d]));
  const serverDepartments = new Map(server.departments.map((d) => [d.id, d]));
  const users = new Map(projection.users.map((u) => [u.id, u]));
  const serverUsers = new Map(server.users.map((u) => [u.id, u]));
  const roleType = (roleId: Id) => Number((roles.get(roleId) ?? serverRoles.get(roleId))?.groupId);
  const deptDepth = depthIn(projection.departments.map((d) => [d.id, d.parentId]));
  const managerDepth = depthIn(projection.users.map((u) => [u.id, u.managerId]));

  const createdDepts: StepOf<'createDepartment'>[] = [];
  const deptUpdates = new Map<Id, StepOf<'updateDepartment'>>();
  const deletedDepts: Id[] = [];
  const createdRoles: StepOf<'createRole'>[] = [];
  const renames = new Map<Id, StepOf<'renameRole'>>();
  const narrowAccess = new Map<Id, StepOf<'setRoleAccess'>>();
  const widenAccess = new Map<Id, StepOf<'setRoleAccess'>>();
  const narrowFields = new Map<string, StepOf<'setFieldRules'>>();
  const widenFields = new Map<string, StepOf<'setFieldRules'>>();
  const moves = new Map<Id, Id[]>();
  const managers: StepOf<'setManager'>[] = [];
  const assigns = new Map<Id, Id[]>();
  const unassigns: StepOf<'unassignRole'>[] = [];
  const statuses = new Map<'active' | 'disabled', Id[]>();
  const deletedRoles: StepOf<'deleteRole'>[] = [];

  const roleAccess = (phase: Map<Id, StepOf<'setRoleAccess'>>, roleId: Id) => {
    let step = phase.get(roleId);
    if (!step) phase.set(roleId, (step = { kind: 'setRoleAccess', role: roleId, roleType: roleType(roleId), grant: [], revoke: [] }));
    return step;
  };
  const fieldStep = (phase: Map<string, StepOf<'setFieldRules'>>, roleId: Id, label: number) => {
    const key = `${roleId}\u0000${label}`;
    let step = phase.get(key);
    if (!step) phase.set(key, (step = { kind: 'setFieldRules', role: roleId, label, cells: [] }));
    return step;
  };
  const deptUpdate = (departmentId: Id) => {
    let step = deptUpdates.get(departmentId);
    if (!step) {
      const d = serverDepartments.get(departmentId)!;
      deptUpdates.set(departmentId, (step = { kind: 'updateDepartment', department: departmentId, from: { name: d.name, parent: d.parentId, head: d.headUserId } }));
    }
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
          createdRoles.push({ kind: 'createRole', ref: r.id, roleType: Number(r.groupId), name: r.name, label: r.label, dataScope: r.dataScope, existing });
          // add() forces status 1 (§4.2): a disabled new role gets its status with the grants.
          if (!r.enabled) roleAccess(widenAccess, r.id).enabled = false;
        } else if (!c.after) deletedRoles.push({ kind: 'deleteRole', role: c.roleId, roleType: roleType(c.roleId) });
        break;
      case 'roleName':
        renames.set(c.roleId, { kind: 'renameRole', role: c.roleId, roleType: roleType(c.roleId), name: c.after, from: c.before });
        break;
      case 'roleScope':
        // A new role was created with its scope; an existing one narrows early or widens late.
        if (serverRoles.has(c.roleId)) roleAccess(c.after < c.before ? narrowAccess : widenAccess, c.roleId).dataScope = c.after;
        break;
      case 'rolePermission':
        if (c.after) roleAccess(widenAccess, c.roleId).grant.push(c.permissionId);
        else roleAccess(narrowAccess, c.roleId).revoke.push(c.permissionId);
        break;
      case 'fieldRule': {
        if (c.after === null) break; // refused earlier, or the role is deleted
        const label = LABEL_BY_MODULE[c.module]!;
        const cell = { field: c.field, authLevel: ACCESS_LEVEL[c.after.access], maskType: MASK_TYPE[c.after.mask] };
        if (c.before === null) {
          fieldStep(widenFields, c.roleId, label).cells.push(cell);
          break;
        }
        const from = { authLevel: ACCESS_LEVEL[c.before.access], maskType: MASK_TYPE[c.before.mask] };
        // Narrower: no more access and no less masking than before.
        const narrower = cell.authLevel <= from.authLevel && cell.maskType >= from.maskType;
        fieldStep(narrower ? narrowFields : widenFields, c.roleId, label).cells.push({ ...cell, from });
        break;
      }
      case 'userDepartment':
        push(moves, c.after, c.userId);
        break;
      case 'userManager':
        managers.push({ kind: 'setManager', userId: c.userId, login: users.get(c.userId)!.login, manager: c.after, from: c.before });
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

  // A removal that would take someone's last role waits until their new roles are assigned (1133).
  const removedFrom = new Map<Id, Set<Id>>();
  for (const u of unassigns) removedFrom.set(u.userId, (removedFrom.get(u.userId) ?? new Set()).add(u.role));
  const keepsARole = (userId: Id) => (serverUsers.get(userId)?.roleIds ?? []).some((r) => !removedFrom.get(userId)!.has(r));
  const earlyUnassigns = unassigns.filter((u) => keepsARole(u.userId));
  const lateUnassigns = unassigns.filter((u) => !keepsARole(u.userId));
  const serverDepartmentOf = (userId: Id) => serverUsers.get(userId)?.departmentId ?? null;
  const hasWork = (s: StepOf<'setRoleAccess'>) => s.grant.length + s.revoke.length > 0 || s.dataScope !== undefined || s.enabled !== undefined;

  const steps: PushStep[] = [];
  // 1. narrowing
  steps.push(...renameOrder.map((id) => renames.get(id)!));
  const disabled = statuses.get('disabled');
  if (disabled) steps.push({ kind: 'setUserStatus', userIds: disabled, status: 'disabled' });
  steps.push(...[...narrowAccess.values()].filter(hasWork));
  steps.push(...narrowFields.values());
  steps.push(...earlyUnassigns);
  // 2. structure
  steps.push(...createdDepts.sort((a, b) => deptDepth(a.ref) - deptDepth(b.ref)));
  // Moves in order of final depth: each department's new parent already sits where it will stay (no 1110).
  steps.push(...[...deptUpdates.values()].sort((a, b) => deptDepth(a.department) - deptDepth(b.department)));
  for (const [department, userIds] of moves) {
    steps.push({ kind: 'moveUsers', department, userIds, from: Object.fromEntries(userIds.map((u) => [u, serverDepartmentOf(u)])) });
  }
  // Managers nearest the top first, so no intermediate state is a reporting loop (1109).
  steps.push(...managers.sort((a, b) => managerDepth(a.userId) - managerDepth(b.userId)));
  steps.push(...createdRoles);
  // 3. widening. People join their new roles while those still hold only what both states grant, and leave the
  // old ones, before any role gains: someone leaving a role never passes through its new grants.
  for (const [role, userIds] of assigns) steps.push({ kind: 'assignRole', role, userIds });
  steps.push(...lateUnassigns);
  steps.push(...[...widenAccess.values()].filter(hasWork));
  steps.push(...widenFields.values());
  // Enabling needs a role (1113), which the assignments above provide.
  const enabled = statuses.get('active');
  if (enabled) steps.push({ kind: 'setUserStatus', userIds: enabled, status: 'active' });
  // 4. irreversible
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
