/**
 * The PHP-edition connector's scenarios, each run the same way against the emulator and (when one is named)
 * the real server: pull, a draft built from what was pulled, plan, journaled push, pull again and verify.
 * Each returns an outcome that does not depend on the server's data (ids, names, counts), so the two can be
 * compared cell for cell in the real-vs-emulator table (`npm run scenarios:php`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Id, Snapshot } from '../../../src-main/common/domain';
import type { DraftOperation } from '../../../src-main/common/draft';
import { createConnector, SyncService } from '../../../src-main/services/sync';
import { type WorkspaceData, WorkspaceService } from '../../../src-main/services/workspace';
import { prepareOrganisation, secondAdmin, type PhpTarget } from './target';

const TEST_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };
const PASSPHRASE = 'php-scenarios-passphrase';

export interface Outcome {
  plan: string;
  push: string;
  verify: string;
  /** The scenario's own check of the server's state after the push, in words. */
  check: string;
}

export interface PhpWorkspace {
  dir: string;
  id: string;
  service: WorkspaceService;
  data: WorkspaceData;
  sync: SyncService;
  dispose(): void;
}

export async function phpWorkspace(target: PhpTarget): Promise<PhpWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-php-'));
  const service = new WorkspaceService({ directory: dir, scrypt: TEST_SCRYPT, idleLockMs: null });
  const summary = await service.create({ name: 'php scenarios', protection: { kind: 'passphrase', passphrase: PASSPHRASE } });
  const data = service.data(summary.id);
  data.setConnection({ connector: 'wukong-php', serverUrl: target.url, username: target.username, secretKind: 'password', secret: target.password });
  return { dir, id: summary.id, service, data, sync: phpSync(data), dispose: () => (service.lockAll(), rmSync(dir, { recursive: true, force: true })) };
}

export async function reopenPhpWorkspace(dir: string, id: string): Promise<{ service: WorkspaceService; data: WorkspaceData }> {
  const service = new WorkspaceService({ directory: dir, scrypt: TEST_SCRYPT, idleLockMs: null });
  await service.open(id, { passphrase: PASSPHRASE });
  return { service, data: service.data(id) };
}

export function phpSync(data: WorkspaceData): SyncService {
  return new SyncService({ data, createConnector: (profile) => createConnector(profile, { retry: { baseDelayMs: 20, settleMs: 200 } }) });
}

// ── What a draft can be built from ──────────────────────────────────────────────────────────────────────

export const crmRoles = (s: Snapshot) => s.roles.filter((r) => r.groupId === '2');
/** Actions of the CRM catalogue (leaves under crm), in catalogue order. */
export function crmActions(s: Snapshot): Id[] {
  const parents = new Set(s.permissions.map((p) => p.parentId).filter((p): p is Id => p !== null));
  const crm = s.permissions.find((p) => p.key === 'crm');
  const under = (id: Id | null): boolean => id !== null && (id === crm?.id || under(s.permissions.find((p) => p.id === id)?.parentId ?? null));
  return s.permissions.filter((p) => !parents.has(p.id) && under(p.parentId)).map((p) => p.id);
}
/** The first visible field of a CRM role whose checkbox the server does not lock (asked of the planner, which knows). */
function hideable(s: Snapshot) {
  const planner = createConnector({ connector: 'wukong-php', serverUrl: 'http://127.0.0.1', username: 'planner', secretKind: 'password', secret: 'unused', updatedAt: '' });
  return s.fieldRules.find(
    (f) => f.access !== 'hidden' && crmRoles(s).some((r) => r.id === f.roleId) && planner.plan(s, [{ type: 'setFieldRules', cells: [{ roleId: f.roleId, module: f.module, field: f.field, access: 'hidden' }] }]).refusals.length === 0,
  );
}
const grantable = (s: Snapshot) => crmRoles(s).find((r) => crmActions(s).some((a) => !r.permissionIds.includes(a)));
const people = (s: Snapshot) => s.users.filter((u) => u.id !== '1' && u.status !== 'disabled');
const must = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`the server has no ${what} for this scenario`);
  return value;
};

export interface Scenario {
  name: string;
  /** Only where faults can be injected (the emulator). */
  emulatorOnly?: boolean;
  draft(server: Snapshot): DraftOperation[];
  /** Between plan and push: another admin's edit (the draft is then rebased on it or conflicts). */
  between?(target: PhpTarget, server: Snapshot): Promise<void>;
  check(server: Snapshot, plannedOn: Snapshot, ids: Readonly<Record<string, string>>): string;
}

const role = (s: Snapshot, id: Id) => s.roles.find((r) => r.id === id);
const user = (s: Snapshot, id: Id) => s.users.find((u) => u.id === id);

export const SCENARIOS: Scenario[] = [
  {
    name: 'grant a permission',
    draft: (s) => {
      const r = must(grantable(s), 'CRM role lacking an action');
      const p = crmActions(s).find((a) => !r.permissionIds.includes(a))!;
      return [{ type: 'grantPermissions', roleIds: [r.id], permissionIds: [p] }];
    },
    check: (after, before) => {
      const r = grantable(before)!;
      const added = role(after, r.id)!.permissionIds.filter((p) => !r.permissionIds.includes(p));
      return added.length >= 1 ? 'granted (with parents)' : 'not granted';
    },
  },
  {
    name: 'revoke a permission',
    draft: (s) => {
      const r = must(crmRoles(s).find((x) => crmActions(s).some((a) => x.permissionIds.includes(a))), 'CRM role holding an action');
      return [{ type: 'revokePermissions', roleIds: [r.id], permissionIds: [crmActions(s).find((a) => r.permissionIds.includes(a))!] }];
    },
    check: (after, before) => {
      const r = crmRoles(before).find((x) => crmActions(before).some((a) => x.permissionIds.includes(a)))!;
      const gone = crmActions(before).find((a) => r.permissionIds.includes(a))!;
      return role(after, r.id)!.permissionIds.includes(gone) ? 'still held' : 'revoked';
    },
  },
  {
    name: 'change a data scope',
    draft: (s) => {
      const r = must(crmRoles(s)[0], 'CRM role');
      return [{ type: 'setDataScope', roleId: r.id, dataScope: r.dataScope === 3 ? 4 : 3 }];
    },
    check: (after, before) => {
      const r = crmRoles(before)[0]!;
      return role(after, r.id)!.dataScope === (r.dataScope === 3 ? 4 : 3) ? 'scope set' : 'scope unchanged';
    },
  },
  {
    name: 'create a role with permissions, assign it',
    draft: (s) => [
      { type: 'createRole', roleId: 'new-role:php', name: 'Gatehouse 新角色', groupId: '2', dataScope: 3, permissionIds: crmActions(s).slice(0, 2) },
      { type: 'assignRoles', userIds: [must(people(s)[0], 'person').id], roleIds: ['new-role:php'] },
    ],
    check: (after, before, ids) => {
      const created = role(after, ids['new-role:php'] ?? '');
      if (!created) return 'role not found';
      const holder = user(after, people(before)[0]!.id)!;
      return `created (${crmActions(before).slice(0, 2).every((p) => created.permissionIds.includes(p)) ? 'grants' : 'no grants'}, ${holder.roleIds.includes(created.id) ? 'assigned' : 'not assigned'})`;
    },
  },
  {
    name: 'rename a role',
    draft: (s) => [{ type: 'renameRole', roleId: must(crmRoles(s)[0], 'CRM role').id, name: `${crmRoles(s)[0]!.name}·改` }],
    check: (after, before) => (role(after, crmRoles(before)[0]!.id)!.name === `${crmRoles(before)[0]!.name}·改` ? 'renamed, grants kept' : 'not renamed'),
  },
  {
    name: 'delete a role nobody holds',
    draft: (s) => {
      const held = new Set(s.users.flatMap((u) => u.roleIds));
      const r = must(crmRoles(s).find((x) => !held.has(x.id)) ?? undefined, 'unheld CRM role');
      return [{ type: 'deleteRole', roleId: r.id }];
    },
    check: (after, before) => {
      const held = new Set(before.users.flatMap((u) => u.roleIds));
      const r = crmRoles(before).find((x) => !held.has(x.id))!;
      return role(after, r.id) ? 'still there' : 'deleted';
    },
  },
  {
    name: 'assign and unassign roles',
    draft: (s) => {
      const u = must(people(s)[0], 'person');
      const add = must(crmRoles(s).find((r) => !u.roleIds.includes(r.id)), 'role the person lacks');
      return [{ type: 'assignRoles', userIds: [u.id], roleIds: [add.id] }];
    },
    check: (after, before) => {
      const u = people(before)[0]!;
      const add = crmRoles(before).find((r) => !u.roleIds.includes(r.id))!;
      const now = user(after, u.id)!.roleIds;
      return now.includes(add.id) && u.roleIds.every((r) => now.includes(r)) ? 'assigned, others kept' : 'roles differ';
    },
  },
  {
    name: 'move a person, set a manager',
    draft: (s) => {
      const u = must(people(s)[0], 'person');
      const to = must(s.departments.find((d) => d.id !== u.departmentId), 'other department');
      return [
        { type: 'moveUsers', userIds: [u.id], departmentId: to.id },
        { type: 'setManager', userId: u.id, managerId: '1' },
      ];
    },
    check: (after, before) => {
      const u = people(before)[0]!;
      const now = user(after, u.id)!;
      return now.departmentId !== u.departmentId && now.managerId === '1' ? 'moved, manager set' : 'not moved';
    },
  },
  {
    name: 'disable a person',
    draft: (s) => [{ type: 'setUserStatus', userIds: [must(people(s)[0], 'person').id], status: 'disabled' }],
    check: (after, before) => (user(after, people(before)[0]!.id)!.status === 'disabled' ? 'disabled' : 'still enabled'),
  },
  {
    name: 'create, rename and delete departments',
    draft: (s) => {
      const root = must(s.departments.find((d) => d.parentId === null), 'top department');
      const other = must(s.departments.find((d) => d.parentId !== null && !s.users.some((u) => u.departmentId === d.id) && !s.departments.some((c) => c.parentId === d.id)), 'empty leaf department');
      return [
        { type: 'createDepartment', departmentId: 'new-dept:php', parentId: root.id, name: 'Gatehouse 新部门' },
        { type: 'renameDepartment', departmentId: root.id, name: `${root.name}·总部` },
        { type: 'deleteDepartment', departmentId: other.id },
      ];
    },
    check: (after, before, ids) => {
      const root = before.departments.find((d) => d.parentId === null)!;
      const created = after.departments.find((d) => d.id === ids['new-dept:php']);
      const renamed = after.departments.find((d) => d.id === root.id)?.name === `${root.name}·总部`;
      const other = before.departments.find((d) => d.parentId !== null && !before.users.some((u) => u.departmentId === d.id) && !before.departments.some((c) => c.parentId === d.id))!;
      return `${created ? 'created' : 'not created'}, ${renamed ? 'renamed' : 'not renamed'}, ${after.departments.some((d) => d.id === other.id) ? 'not deleted' : 'deleted'}`;
    },
  },
  {
    name: 'hide a field from a role',
    draft: (s) => {
      const rule = must(hideable(s), 'field rule of a CRM role the server lets be hidden');
      return [{ type: 'setFieldRules', cells: [{ roleId: rule.roleId, module: rule.module, field: rule.field, access: 'hidden' }] }];
    },
    check: (after, before) => {
      const rule = hideable(before)!;
      const now = after.fieldRules.find((f) => f.roleId === rule.roleId && f.module === rule.module && f.field === rule.field);
      const others = before.fieldRules.filter((f) => f.roleId === rule.roleId && f.module === rule.module && f.field !== rule.field);
      const kept = others.every((o) => after.fieldRules.some((f) => f.roleId === o.roleId && f.module === o.module && f.field === o.field && f.access === o.access));
      return `${now?.access === 'hidden' ? 'hidden' : 'not hidden'}, ${kept ? 'other fields kept' : 'other fields changed'}`;
    },
  },
  {
    name: 'copy a role, unassign one, move a department, set its head',
    draft: (s) => {
      const source = must(crmRoles(s).find((r) => r.permissionIds.length > 0), 'CRM role with grants');
      const u = must(people(s).find((p) => p.roleIds.length >= 1), 'person with a role');
      const [a, b] = s.departments.filter((d) => d.parentId !== null);
      const [dept, under] = [must(a, 'department'), must(b, 'second department')];
      return [
        { type: 'copyRole', roleId: 'new-role:copy', sourceRoleId: source.id, name: `${source.name}·副本` },
        { type: 'assignRoles', userIds: [u.id], roleIds: ['new-role:copy'] },
        { type: 'unassignRoles', userIds: [u.id], roleIds: [u.roleIds[0]!] },
        { type: 'moveDepartment', departmentId: under.id, parentId: dept.id },
        { type: 'setDepartmentHead', departmentId: dept.id, headUserId: u.id },
      ];
    },
    check: (after, before, ids) => {
      const source = crmRoles(before).find((r) => r.permissionIds.length > 0)!;
      const u = people(before).find((p) => p.roleIds.length >= 1)!;
      const [dept, under] = before.departments.filter((d) => d.parentId !== null) as [Snapshot['departments'][number], Snapshot['departments'][number]];
      const copy = role(after, ids['new-role:copy'] ?? '');
      const copied = copy && source.permissionIds.every((p) => copy.permissionIds.includes(p)) ? 'copied' : 'not copied';
      const roles = user(after, u.id)!.roleIds;
      const swapped = copy && roles.includes(copy.id) && !roles.includes(u.roleIds[0]!) ? 'role swapped' : 'roles differ';
      const moved = after.departments.find((d) => d.id === under.id)?.parentId === dept.id ? 'moved' : 'not moved';
      const head = after.departments.find((d) => d.id === dept.id)?.headUserId === u.id ? 'head set' : 'head not set';
      return `${copied}, ${swapped}, ${moved}, ${head}`;
    },
  },
  {
    name: 'a second admin edits between plan and push',
    draft: (s) => {
      const r = must(crmRoles(s)[0], 'CRM role');
      return [{ type: 'setDataScope', roleId: r.id, dataScope: r.dataScope === 3 ? 4 : 3 }];
    },
    // They rename another CRM role (a title-only update keeps its rules).
    async between(target, s) {
      const other = must(crmRoles(s)[1], 'second CRM role');
      const call = await secondAdmin(target);
      const answer = await call('/admin/groups/update', { id: Number(other.id), title: `${other.name}·他人`, type: other.dataScope });
      if (answer.code !== 200) throw new Error(`the second admin's edit failed: ${JSON.stringify(answer)}`);
    },
    check: (after, before) => {
      const [mine, theirs] = [crmRoles(before)[0]!, crmRoles(before)[1]!];
      const kept = role(after, theirs.id)!.name === `${theirs.name}·他人` && role(after, theirs.id)!.permissionIds.length === theirs.permissionIds.length;
      return `${role(after, mine.id)!.dataScope === (mine.dataScope === 3 ? 4 : 3) ? 'mine landed' : 'mine lost'}, ${kept ? 'theirs kept' : 'theirs overwritten'}`;
    },
  },
];

/** Run one scenario end to end on a fresh workspace; never throws for a server-side outcome. */
export async function runScenario(target: PhpTarget, scenario: Scenario): Promise<Outcome> {
  await prepareOrganisation(target);
  const ws = await phpWorkspace(target);
  try {
    const base = (await ws.sync.pull()).snapshot;
    const ops = scenario.draft(base);
    const plan = await ws.sync.plan({ draftId: `php:${scenario.name}`, base, ops });
    if (plan.status !== 'ready') return { plan: plan.status, push: '—', verify: '—', check: plan.refusals.map((r) => r.code).join(', ') };
    let planned = plan;
    const plannedOn = plan.plannedOn;
    if (scenario.between) {
      await scenario.between(target, plan.plannedOn);
      // The console plans again right before sending: a pull, a rebase onto the other admin's edit.
      planned = await ws.sync.plan({ draftId: plan.draftId, base, ops });
      if (planned.status !== 'ready') return { plan: `${planned.status} after their edit`, push: '—', verify: '—', check: '' };
    }
    const report = await ws.sync.push(planned);
    if (report.failure) return { plan: 'ready', push: `stopped: ${report.failure.code}`, verify: '—', check: '' };
    const verify = await ws.sync.verify({ pushId: report.pushId, plannedOn: planned.plannedOn, projection: planned.projection });
    const after = (await ws.sync.pull()).snapshot;
    return {
      plan: 'ready',
      push: 'done',
      verify: verify.ok ? 'ok' : `${verify.mismatches.length} mismatches`,
      check: scenario.check(after, plannedOn, report.ids),
    };
  } finally {
    await ws.sync.disconnect();
    ws.dispose();
  }
}

