import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput, PlanView } from '../../../src-main/common/ipc';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { toAppError } from '../../../src-main/ipc/errorMapping';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createAppServices, type AppServices } from '../../../src-main/services/appServices';
import { startEmulator, type RunningEmulator } from '../../wukong-emulator';

/**
 * The push gate and the verify wording through the real dispatcher (contract-checked in and out), handlers,
 * services, an encrypted workspace and the WukongCRM emulator with a 400-person organisation: granting
 * Customers › Delete to the CRM role with the most members carries who gains it by name, the sensitive mark and
 * the blocking check; `sync.push` refuses it without a reason (or with a short one) and without the draft's name,
 * then goes ahead and the reason is in the audit log. A change another administrator reverts mid-push is said as
 * "Not applied: <what the draft wanted>", and a deleted role is named as one a rollback cannot bring back.
 */
const DELETE_CUSTOMERS = 32;
const TEMP_ROLE = 'Gate test temporary role';
let emu: RunningEmulator;
let services: AppServices;
let dataDir: string;
let dispatch: ReturnType<typeof createDispatcher>;
let bigRole: number;
let smallRole: number;
let members: Set<string>;

beforeAll(async () => {
  emu = await startEmulator({ organisation: { users: 400, seed: 11 } });
  const count = (id: number) => emu.state.users().filter((u) => u.roleIds.includes(id)).length;
  const crm = emu.state.roles().filter((r) => r.roleType === 2).sort((a, b) => count(b.roleId) - count(a.roleId));
  bigRole = crm[0]!.roleId;
  smallRole = crm.filter((r) => count(r.roleId) > 0).at(-1)!.roleId;
  members = new Set(emu.state.users().filter((u) => u.roleIds.includes(bigRole)).map((u) => u.realname ?? String(u.userId)));
  emu.state.mutate({ type: 'revokeMenus', roleId: bigRole, menuIds: [DELETE_CUSTOMERS] });
  emu.state.mutate({ type: 'addRole', roleName: TEMP_ROLE, roleType: 2 });
  dataDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-push-gate-'));
  services = await createAppServices({ resourcesDir: path.resolve(import.meta.dirname, '../../../resources'), dataDir, version: 'test', transport: 'browser', idleLockMs: null });
  dispatch = createDispatcher(createHandlers(services), () => undefined, toAppError);
  await call('sync.connect', { taskId: 'c', serverUrl: emu.url, username: emu.adminUsername, password: emu.adminPassword, newWorkspace: { name: 'Wukong', passphrase: 'correct horse battery staple' } });
  await call('sync.pull', { taskId: 'p' });
}, 120_000);
afterAll(async () => {
  services.close();
  rmSync(dataDir, { recursive: true, force: true });
  await emu.close();
});

async function attempt<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
  return dispatch(channel, input, { transport: 'browser' });
}
async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await attempt(channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.details ?? null)}`);
  return result.value as ChannelOutput<C>;
}
async function planned(name: string, ops: ChannelInput<'drafts.apply'>['batch']['ops']): Promise<PlanView> {
  const draft = await call('drafts.create', { name });
  await call('drafts.apply', { draftId: draft.id, batch: { id: `g-${name}`, ops } });
  return call('sync.plan', { taskId: `plan-${name}`, draftId: draft.id });
}

describe('the push gate through the contract', () => {
  it('names who gains Customers › Delete, blocks on the check, refuses without reason or typed name, audits the override', async () => {
    expect(members.size).toBeGreaterThan(100);
    const plan = await planned('Sales may delete customers', [{ type: 'grantPermissions', roleIds: [String(bigRole)], permissionIds: [String(DELETE_CUSTOMERS)] }]);
    expect(plan.status).toBe('ready');
    const gate = plan.gate!;
    const gains = gate.groups.find((g) => g.kind === 'gains' && g.subject.en === 'Customers › Delete')!;
    expect(gains).toBeDefined();
    expect(gains.subject['zh-CN']).toBe('客户管理 › 删除');
    expect(gains.sensitive).toBe(true);
    expect(gains.count).toBeGreaterThan(100);
    // Counts exact, names capped: never every id over the wire.
    expect(gains.people.length).toBe(Math.min(gains.count, 200));
    expect(gains.people.every((p) => members.has(p.name) && p.department !== '')).toBe(true);
    const blocking = gate.findings.filter((f) => f.blocking);
    expect(blocking.map((f) => f.ruleId)).toContain('destructive-action-held-widely');
    expect(blocking.every((f) => f.introduced && f.severity === 'error')).toBe(true);
    expect(gate.typedBecause.length).toBeGreaterThan(0);

    emu.control.clearCalls();
    const bare = await attempt('sync.push', { taskId: 'x1', planId: plan.planId });
    expect(bare.ok).toBe(false);
    if (!bare.ok) {
      expect(bare.error.code).toBe('REFUSED');
      expect(bare.error.message).toMatch(/blocking check/);
      expect(bare.error.details).toMatchObject({ kind: 'gate', need: 'override', blocking: expect.arrayContaining([expect.objectContaining({ ruleId: 'destructive-action-held-widely' })]) });
    }
    const short = await attempt('sync.push', { taskId: 'x2', planId: plan.planId, override: { reason: 'because' }, confirmation: gate.draftName });
    expect(short.ok || short.error.code).toBe('INVALID_INPUT');
    const reason = 'Regional managers clean up duplicate customers this week';
    const untyped = await attempt('sync.push', { taskId: 'x3', planId: plan.planId, override: { reason } });
    expect(untyped.ok || untyped.error.details).toEqual({ kind: 'gate', need: 'typedName', draftName: gate.draftName });
    const mistyped = await attempt('sync.push', { taskId: 'x4', planId: plan.planId, override: { reason }, confirmation: 'Sales may delete' });
    expect(mistyped.ok || mistyped.error.details).toEqual({ kind: 'gate', need: 'typedName', draftName: gate.draftName });
    // Nothing went out, nothing was recorded as overridden, and the plan is still there to push.
    expect(emu.control.calls('/adminRole/updateRoleMenu')).toEqual([]);
    expect(emu.state.role(bigRole)!.menuIds).not.toContain(DELETE_CUSTOMERS);
    expect((await call('audit.list', { limit: 50 })).entries.some((e) => e.action === 'push.gateOverridden')).toBe(false);

    const report = await call('sync.push', { taskId: 'x5', planId: plan.planId, override: { reason }, confirmation: gate.draftName });
    expect(report.failure).toBeUndefined();
    expect(emu.state.role(bigRole)!.menuIds).toContain(DELETE_CUSTOMERS);
    const audit = (await call('audit.list', { limit: 50 })).entries;
    const overridden = audit.find((e) => e.action === 'push.gateOverridden')!;
    expect(overridden.details).toMatchObject({ draftId: plan.draftId, reason });
    expect(JSON.stringify(overridden.details)).toContain('destructive-action-held-widely');
    expect(overridden.actor).not.toBe('');
    // Recorded before the push that it let through.
    expect(overridden.seq).toBeLessThan(audit.find((e) => e.action === 'push.sent')!.seq);
    expect(await call('sync.verify', { taskId: 'x6', pushId: report.pushId })).toMatchObject({ ok: true, mismatches: [], notUndoable: [] });
  }, 180_000);
});

describe('verify says what happened', () => {
  it('a grant another administrator reverts mid-push reads "Not applied: … gains …"; a deleted role is named as not re-creatable', async () => {
    const server = services.drafts().projection(null).snapshot;
    const role = server.roles.find((r) => r.id === String(smallRole))!;
    const temp = server.roles.find((r) => r.name === TEMP_ROLE)!;
    // An action the small role lacks whose grant needs no typed confirmation (not delete / export / transfer).
    const permission = server.permissions.find(
      (p) => p.kind === 'action' && p.key.startsWith('crm:customer:') && !/(delete|excelexport|transfer)$/i.test(p.key) && !role.permissionIds.includes(p.id),
    )!;
    const plan = await planned('Grant and tidy up', [
      { type: 'grantPermissions', roleIds: [role.id], permissionIds: [permission.id] },
      { type: 'deleteRole', roleId: temp.id },
    ]);
    expect(plan.status).toBe('ready');
    expect(plan.steps.at(-1)!.endpoint).toBe('POST /adminRole/delete');
    // Deletions go last: just before the delete, another administrator takes the grant back.
    emu.control.beforeCall({ path: '/adminRole/delete' }, { type: 'revokeMenus', roleId: smallRole, menuIds: [Number(permission.id)] });
    const gate = plan.gate!;
    const report = await call('sync.push', {
      taskId: 'v1',
      planId: plan.planId,
      ...(gate.blocking > 0 ? { override: { reason: 'verify wording test, not a real change' } } : {}),
      ...(gate.typedBecause.length > 0 ? { confirmation: gate.draftName } : {}),
    });
    expect(report.failure).toBeUndefined();

    const verified = await call('sync.verify', { taskId: 'v2', pushId: report.pushId });
    expect(verified.ok).toBe(false);
    const grant = verified.mismatches.find((l) => l.en.includes(role.name))!;
    expect(grant.en).toMatch(new RegExp(`^Not applied: "${role.name}" gains "${permission.label.en}"`));
    expect(grant['zh-CN']).toMatch(new RegExp(`^未生效：「${role.name}」 获得权限「${permission.label['zh-CN']}」`));
    expect(verified.mismatches.some((l) => / loses |失去/.test(l.en + l['zh-CN']))).toBe(false);
    // The deletion landed, and it is the one thing no rollback brings back.
    expect(verified.landed.map((l) => l.en)).toContain(`Role "${TEMP_ROLE}" is deleted`);
    expect(verified.notUndoable).toEqual([
      {
        en: `Role "${TEMP_ROLE}" was deleted and cannot be re-created automatically: a rollback cannot bring back its id, grants and members.`,
        'zh-CN': `角色「${TEMP_ROLE}」已被删除，无法自动重建：回滚无法恢复它原来的编号、权限和成员。`,
      },
    ]);
  }, 180_000);
});
