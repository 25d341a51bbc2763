import type { Id, Snapshot } from '../../../common/domain';
import { applyChecked, diffSnapshots, type CellChange, type DraftOperation } from '../../../common/draft';
import type { PlanRefusal, PushPlan } from '../../connector';
import { READ_WRITE, type FieldGrantColumn } from '../fieldGrants';
import { propagationNotes } from '../verify/propagation';
import { closeGrants } from './closeGrants';
import { describeStep } from './describeStep';
import { refusalsFor } from './refusals';
import { stepEndpoint, type PhpPushStep, type StepOf } from './steps';

/** A WukongCRM PHP plan: the port's plan with this connector's steps. */
export type PhpPushPlan = PushPlan<PhpPushStep>;

/**
 * Turn a draft into the exact, ordered WukongCRM 11.0 PHP calls, from the cell-level difference between the
 * server's current state and the draft applied to it, closed over parent rules (closeGrants.ts: the server adds
 * them itself and its permission check needs them). The draft must already be rebased onto `server`.
 */
export function planPush(server: Snapshot, ops: readonly DraftOperation[]): PhpPushPlan {
  const checked = applyChecked(server, ops);
  const ruleRefusals: PlanRefusal[] = checked.problems.filter((p) => p.severity === 'error').map((p) => ({ code: 'RULES' as const, reason: p.message }));
  const raw = diffSnapshots(server, checked.snapshot);
  const projection = closeGrants(server, checked.snapshot);
  const changes = projection === checked.snapshot ? raw : diffSnapshots(server, projection);
  const refusals = [...ruleRefusals, ...refusalsFor(server, projection, raw, changes)];
  const propagation = propagationNotes(changes, projection);
  if (refusals.length > 0) return { steps: [], refusals, projection, changes, propagation };
  const steps = buildSteps(server, projection, changes);
  const planned = steps.map((step, i) => ({ seq: i + 1, endpoint: stepEndpoint(step), step, summary: describeStep(step, projection, server) }));
  return { steps: planned, refusals, projection, changes, propagation };
}

/**
 * The calls, ordered so that no prefix of them — where a push may stop — gives anyone access that neither the
 * server's state before the push nor the draft's projection gives (every change is live on the PHP edition: the
 * permission check reads roles and rules from the database on every request, extend/com/HonrayAuth.php
 * AUTH_TYPE 1):
 *   1. narrowing: renames, disabling people, revokes and lower data scopes, narrower field rules, role removals
 *      that leave the person another role (`员工至少保留一个角色！`, Users::groupsDel);
 *   2. structure: departments created and changed, people moved, superiors set, new roles created (with their
 *      data scope, no rules, no members: they give nothing yet) and their field rules set (their default grants
 *      are fully open, and the widest rule of a person's roles wins);
 *   3. widening: role assignments, then the removals that needed a new role first, then grants, higher data
 *      scopes, role status and wider field rules, then enabling people;
 *   4. what cannot be undone last: role and department deletions (children before parents).
 * A role whose grants both shrink and grow gets two groups/update calls, one in each phase.
 */
function buildSteps(server: Snapshot, projection: Snapshot, changes: readonly CellChange[]): PhpPushStep[] {
  const serverRoles = new Map(server.roles.map((r) => [r.id, r]));
  const roles = new Map(projection.roles.map((r) => [r.id, r]));
  const departments = new Map(projection.departments.map((d) => [d.id, d]));
  const serverDepartments = new Map(server.departments.map((d) => [d.id, d]));
  const serverUsers = new Map(server.users.map((u) => [u.id, u]));
  const fieldLabels = new Map(projection.fields.map((f) => [`${f.module}\u0000${f.name}`, f.label['zh-CN']]));
  const deptDepth = depthIn(projection.departments.map((d) => [d.id, d.parentId]));
  const managerDepth = depthIn(projection.users.map((u) => [u.id, u.managerId]));

  const createdDepts: StepOf<'createDepartment'>[] = [];
  const deptUpdates = new Map<Id, StepOf<'updateDepartment'>>();
  const deletedDepts: Id[] = [];
  const createdRoles: StepOf<'createRole'>[] = [];
  const renames: StepOf<'renameRole'>[] = [];
  const narrowAccess = new Map<Id, StepOf<'setRoleAccess'>>();
  const widenAccess = new Map<Id, StepOf<'setRoleAccess'>>();
  const roleStatus: StepOf<'setRoleStatus'>[] = [];
  const narrowFields = new Map<string, StepOf<'setFieldGrant'>>();
  const widenFields = new Map<string, StepOf<'setFieldGrant'>>();
  const newRoleFields = new Map<string, StepOf<'setFieldGrant'>>();
  const moves = new Map<Id, Id[]>();
  const managers: StepOf<'setManager'>[] = [];
  const assigns = new Map<Id, Id[]>();
  const unassigns: StepOf<'unassignRole'>[] = [];
  const statuses = new Map<'active' | 'disabled' | 'inactive', Id[]>();
  const deletedRoles: StepOf<'deleteRole'>[] = [];

  const roleAccess = (phase: Map<Id, StepOf<'setRoleAccess'>>, roleId: Id) => {
    let step = phase.get(roleId);
    if (!step) phase.set(roleId, (step = { kind: 'setRoleAccess', role: roleId, grant: [], revoke: [] }));
    return step;
  };
  const fieldStep = (phase: Map<string, StepOf<'setFieldGrant'>>, roleId: Id, column: FieldGrantColumn) => {
    const key = `${roleId}\u0000${column}`;
    let step = phase.get(key);
    if (!step) phase.set(key, (step = { kind: 'setFieldGrant', role: roleId, column, cells: [] }));
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
        // A new department gets its head in structures/save itself.
        if (serverDepartments.has(c.departmentId)) deptUpdate(c.departmentId).head = c.after;
        break;
      case 'role':
        if (c.after && !c.before) {
          const r = roles.get(c.roleId)!;
          const existing = server.roles.filter((s) => s.groupId === r.groupId && s.name === r.name).map((s) => Number(s.id));
          createdRoles.push({
            kind: 'createRole',
            ref: r.id,
            category: Number(r.groupId),
            name: r.name,
            dataScope: r.dataScope,
            ...(r.remark ? { remark: r.remark } : {}),
            existing,
          });
          // groups/save leaves status at its default 1 (5kcrm.sql): a disabled new role gets it set afterwards.
          if (!r.enabled) roleStatus.push({ kind: 'setRoleStatus', role: r.id, enabled: false });
        } else if (!c.after) deletedRoles.push({ kind: 'deleteRole', role: c.roleId });
        break;
      case 'roleName':
        renames.push({ kind: 'renameRole', role: c.roleId, name: c.after, from: c.before });
        break;
      case 'roleScope':
        // A new role is created with its scope; an existing one narrows early or widens late.
        if (serverRoles.has(c.roleId)) roleAccess(c.after < c.before ? narrowAccess : widenAccess, c.roleId).dataScope = c.after;
        break;
      case 'rolePermission':
        if (c.after) roleAccess(widenAccess, c.roleId).grant.push(c.permissionId);
        else roleAccess(narrowAccess, c.roleId).revoke.push(c.permissionId);
        break;
      case 'fieldRule': {
        const column = c.module as FieldGrantColumn; // refusals.ts refused every other module
        const label = fieldLabels.get(`${c.module}\u0000${c.field}`) ?? c.field;
        const existingRole = serverRoles.has(c.roleId);
        // No entry = fully open (getFieldGrantStatus), i.e. edit.
        const from = c.before === null ? null : READ_WRITE[c.before.access];
        const set = c.after === null ? null : READ_WRITE[c.after.access];
        const effective = (rw: { read: number; write: number } | null) => rw ?? { read: 1, write: 1 };
        const narrower = effective(set).read <= effective(from).read && effective(set).write <= effective(from).write;
        // A new role's entries are the server's defaults (created by groups/save), never checked against the plan.
        const cell = { field: c.field, label, set, ...(existingRole ? { from } : {}) };
        // A new role's grants start fully open (FieldGrantLogic templates) and the widest rule of all a person's
        // roles wins (application/common.php getFieldGrantStatus): they are set right after it is created, before
        // anyone is given it.
        fieldStep(!existingRole ? newRoleFields : narrower ? narrowFields : widenFields, c.roleId, column).cells.push(cell);
        break;
      }
      case 'userDepartment':
        push(moves, c.after, c.userId);
        break;
      case 'userManager':
        managers.push({ kind: 'setManager', userId: c.userId, manager: c.after, from: c.before });
        break;
      case 'membership':
        if (c.after) push(assigns, c.roleId, c.userId);
        // A deleted role's memberships go with it in the projection; on the server its access rows stay but
        // point at nothing (Groups::delete, OBSERVED §3.5), which users/index no longer lists.
        else if (roles.has(c.roleId)) unassigns.push({ kind: 'unassignRole', role: c.roleId, userId: c.userId });
        break;
      case 'userStatus':
        push(statuses, c.after, c.userId);
        break;
      case 'user':
        break; // refused earlier
    }
  }

  // A removal that would take someone's last role waits until their new roles are assigned (Users::groupsDel).
  const removedFrom = new Map<Id, Set<Id>>();
  for (const u of unassigns) removedFrom.set(u.userId, (removedFrom.get(u.userId) ?? new Set()).add(u.role));
  const keepsARole = (userId: Id) => (serverUsers.get(userId)?.roleIds ?? []).some((r) => !removedFrom.get(userId)!.has(r));
  const earlyUnassigns = unassigns.filter((u) => keepsARole(u.userId));
  const lateUnassigns = unassigns.filter((u) => !keepsARole(u.userId));
  const serverDepartmentOf = (userId: Id) => serverUsers.get(userId)?.departmentId ?? null;
  const hasWork = (s: StepOf<'setRoleAccess'>) => s.grant.length + s.revoke.length > 0 || s.dataScope !== undefined;

  const steps: PhpPushStep[] = [];
  // 1. narrowing. Role titles need not be unique on the PHP edition (Group::createData checks nothing), so renames
  // need no order among themselves.
  steps.push(...renames);
  const disabled = statuses.get('disabled');
  if (disabled) steps.push({ kind: 'setUserStatus', userIds: disabled, status: 'disabled' });
  steps.push(...[...narrowAccess.values()].filter(hasWork));
  steps.push(...narrowFields.values());
  steps.push(...earlyUnassigns);
  // 2. structure
  steps.push(...createdDepts.sort((a, b) => deptDepth(a.ref) - deptDepth(b.ref)));
  // In order of final depth: each department's new parent already sits where it will stay.
  steps.push(...[...deptUpdates.values()].sort((a, b) => deptDepth(a.department) - deptDepth(b.department)));
  for (const [department, userIds] of moves) {
    steps.push({ kind: 'moveUsers', department, userIds, from: Object.fromEntries(userIds.map((u) => [u, serverDepartmentOf(u)])) });
  }
  // Superiors nearest the top first, so no intermediate state is a reporting loop (直属上级不能是自己或下属).
  steps.push(...managers.sort((a, b) => managerDepth(a.userId) - managerDepth(b.userId)));
  steps.push(...createdRoles);
  steps.push(...newRoleFields.values());
  // 3. widening. People join their new roles while those still hold nothing, and leave the old ones, before any
  // role gains: someone leaving a role never passes through its new grants.
  for (const [role, userIds] of assigns) steps.push({ kind: 'assignRole', role, userIds });
  steps.push(...lateUnassigns);
  steps.push(...[...widenAccess.values()].filter(hasWork));
  steps.push(...roleStatus);
  steps.push(...widenFields.values());
  const inactive = statuses.get('inactive');
  if (inactive) steps.push({ kind: 'setUserStatus', userIds: inactive, status: 'inactive' });
  const enabled = statuses.get('active');
  if (enabled) steps.push({ kind: 'setUserStatus', userIds: enabled, status: 'active' });
  // 4. irreversible
  steps.push(...deletedRoles);
  // Children before parents (structures/delete would take the children with it, and refuses a parent with people below).
  const serverDepth = depthIn(server.departments.map((d) => [d.id, d.parentId]));
  steps.push(...deletedDepts.sort((a, b) => serverDepth(b) - serverDepth(a)).map((department) => ({ kind: 'deleteDepartment' as const, department })));
  return steps;
}

/** Depth of a node in a parent-pointer forest (0 for a root), memoised; safe on a cycle. */
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
      if (chain.includes(node)) break;
      chain.push(node);
      node = parent.get(node);
    }
    for (let i = chain.length - 1; i >= 0; i--) memo.set(chain[i]!, base + (chain.length - 1 - i));
    return memo.get(id) ?? 0;
  };
  return depth;
}
