import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput, EventName } from '../../../src-main/common/ipc';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { toAppError } from '../../../src-main/ipc/errorMapping';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createAppServices, type AppServices } from '../../../src-main/services/appServices';
import { smallOrganisation, startEmulator, type RunningEmulator } from '../../wukong-emulator';
import { startCorruptingProxy } from '../connector/corruptingProxy';

/**
 * The sync channels through the real dispatcher (contract-checked in and out), handlers, services, an encrypted
 * workspace in a temporary folder and the WukongCRM emulator over HTTP: connect (and its refusals), pull with
 * progress, plan with a conflict made on the server meanwhile, resolve, push, verify, roll back, cancel, resume.
 */
const ROLE = 180170; // a CRM role of the small organisation, held by 李四, 王五, 孙七, 周八
let emu: RunningEmulator;
let services: AppServices;
let dataDir: string;
let dispatch: ReturnType<typeof createDispatcher>;
const events: Array<{ event: EventName; payload: unknown }> = [];

beforeAll(async () => {
  emu = await startEmulator({ snapshot: smallOrganisation() });
  dataDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-sync-ui-'));
  services = await createAppServices({ resourcesDir: path.resolve(import.meta.dirname, '../../../resources'), dataDir, version: 'test', transport: 'browser', idleLockMs: null });
  services.events.subscribe((event, payload) => events.push({ event, payload }));
  dispatch = createDispatcher(createHandlers(services), () => undefined, toAppError);
}, 60_000);
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
const login = () => ({ serverUrl: emu.url, username: emu.adminUsername, password: emu.adminPassword });

describe('connect', () => {
  it('refuses a wrong password with the server code, and creates nothing', async () => {
    const before = (await call('workspace.list', {})).workspaces.length;
    const result = await attempt('sync.connect', { taskId: 't1', ...login(), password: 'Wrong-pass1', newWorkspace: { name: 'CRM', passphrase: 'correct horse battery staple' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('REMOTE');
    expect(result.error.details).toMatchObject({ kind: 'connector', code: 'LOGIN_FAILED', serverCode: 1004 });
    expect(JSON.stringify(result.error)).not.toContain('Wrong-pass1');
    expect((await call('workspace.list', {})).workspaces.length).toBe(before);
  });

  it('refuses an unreachable server as a network failure', async () => {
    const result = await attempt('sync.connect', { taskId: 't2', ...login(), serverUrl: 'http://127.0.0.1:9', newWorkspace: { name: 'CRM', passphrase: 'correct horse battery staple' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details).toMatchObject({ kind: 'connector', code: expect.stringMatching(/^(NETWORK|TIMEOUT)$/) });
  });

  it('refuses a disabled account with the server code', async () => {
    // 孙七 (13800000105) is disabled in the small organisation.
    const result = await attempt('sync.connect', { taskId: 't2b', ...login(), username: '13800000105', password: emu.userPassword, newWorkspace: { name: 'CRM', passphrase: 'correct horse battery staple' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details).toMatchObject({ kind: 'connector', code: 'ACCOUNT_DISABLED', serverCode: 1007 });
  });

  it('needs a new workspace when the demo is open', async () => {
    const result = await attempt('sync.connect', { taskId: 't3', ...login() });
    expect(result.ok || result.error.code).toBe('INVALID_INPUT');
  });

  it('stores the profile in a new encrypted workspace and pulls with progress', async () => {
    const connected = await call('sync.connect', { taskId: 't4', ...login(), newWorkspace: { name: 'Wukong', passphrase: 'correct horse battery staple' } });
    expect(connected.createdWorkspace).toBe(true);
    const status = await call('sync.status', {});
    expect(status).toMatchObject({ workspaceKind: 'connected', connection: { serverUrl: emu.url, username: emu.adminUsername }, snapshot: null });
    // The Java edition masks fields (saveRoleField's maskType): the editor offers the mask brush.
    expect(status.edition).toMatchObject({ id: 'wukong-crm-11', capabilities: { fieldMasks: true, fieldRuleRemoval: false } });
    expect(JSON.stringify(status)).not.toContain(emu.adminPassword);

    events.length = 0;
    const pulled = await call('sync.pull', { taskId: 't5' });
    expect(pulled).toMatchObject({ version: 1, users: 7 });
    const progress = events.filter((e) => e.event === 'sync.progressed').map((e) => e.payload as { kind: string; done: number; total: number });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.kind === 'pull' && p.done <= p.total)).toBe(true);
    expect(events).toContainEqual({ event: 'workspace.changed', payload: { reason: 'snapshot saved' } });
    expect(JSON.stringify(events)).not.toContain(emu.adminPassword);
  });
});

describe('cancel', () => {
  it('stops a pull: CANCELLED, and no snapshot is saved', async () => {
    const before = (await call('sync.status', {})).snapshot!.version;
    emu.control.latency(200);
    const off = services.events.subscribe((event, payload) => {
      if (event === 'sync.progressed' && (payload as { kind: string }).kind === 'pull') void call('sync.cancel', { taskId: 'c1' });
    });
    const result = await attempt('sync.pull', { taskId: 'c1' });
    off();
    emu.control.latency(0);
    expect(result.ok || result.error.code).toBe('CANCELLED');
    expect((await call('sync.status', {})).snapshot!.version).toBe(before);
    expect((await call('sync.cancel', { taskId: 'c1' })).cancelled).toBe(false); // nothing left running
  });
});

describe('push flow', () => {
  it('shows a conflict made on the server meanwhile, pushes the chosen side, verifies, and rolls back', async () => {
    const base = services.drafts().projection(null).snapshot;
    const scope = base.roles.find((r) => r.id === String(ROLE))!.dataScope;
    const ours = scope === 4 ? 2 : 4;
    const theirs = scope === 5 ? 3 : 5;
    const draft = await call('drafts.create', { name: 'Wider scope' });
    await call('drafts.apply', { draftId: draft.id, batch: { id: 'g1', ops: [{ type: 'setDataScope', roleId: String(ROLE), dataScope: ours }] } });
    emu.state.mutate({ type: 'setDataType', roleId: ROLE, dataType: theirs }); // another administrator, same cell

    const conflicted = await call('sync.plan', { taskId: 'p1', draftId: draft.id });
    expect(conflicted).toMatchObject({ status: 'conflicts', rebased: true, steps: [] });
    expect(conflicted.conflicts).toHaveLength(1);
    const conflict = conflicted.conflicts[0]!;
    expect(conflict.oursPossible).toBe(true);
    expect(conflict.theirs.en).not.toEqual(conflict.ours.en);
    expect(conflict.base.en).not.toMatch(/^\d+$/); // a scope's name, not its number
    expect(emu.state.role(ROLE)!.dataType).toBe(theirs); // nothing was sent

    const unresolved = await attempt('sync.resolve', { planId: conflicted.planId, choices: {} });
    expect(unresolved.ok || unresolved.error.code).toBe('INVALID_INPUT');
    const ready = await call('sync.resolve', { planId: conflicted.planId, choices: { [conflict.id]: 'ours' } });
    expect(ready.status).toBe('ready');
    expect(ready.steps.map((s) => s.endpoint)).toEqual(['POST /adminRole/updateRoleMenu']);
    expect(ready.propagation.length).toBeGreaterThan(0);

    events.length = 0;
    const report = await call('sync.push', { taskId: 'p2', planId: ready.planId });
    expect(report).toMatchObject({ total: 1, done: 1, sent: 1 });
    expect(report.failure).toBeUndefined();
    expect(events.map((e) => e.payload)).toContainEqual({ kind: 'push', pushId: report.pushId, seq: 1, total: 1, status: 'done' });
    expect(emu.state.role(ROLE)!.dataType).toBe(ours);

    const verified = await call('sync.verify', { taskId: 'p3', pushId: report.pushId });
    expect(verified).toMatchObject({ ok: true, mismatches: [], changedElsewhere: [] });
    expect(verified.landed).toHaveLength(1);
    expect((await call('sync.status', {})).pushes[0]).toMatchObject({ id: report.pushId, finished: true, calls: 1, done: 1 });
    // A plan is used once.
    const again = await attempt('sync.push', { taskId: 'p4', planId: ready.planId });
    expect(again.ok || again.error.code).toBe('NOT_FOUND');

    const rollback = await call('sync.rollback', { pushId: report.pushId });
    expect(rollback.notUndoable).toEqual([]);
    const inverse = await call('sync.plan', { taskId: 'p5', draftId: rollback.draft.id });
    expect(inverse.status).toBe('ready');
    const undone = await call('sync.push', { taskId: 'p6', planId: inverse.planId });
    expect(undone.done).toBe(1);
    expect(emu.state.role(ROLE)!.dataType).toBe(theirs); // back to the server's pre-push value
    expect((await call('sync.verify', { taskId: 'p7', pushId: undone.pushId })).ok).toBe(true);
  });

  it('a cancelled push is unfinished, resumes without repeating a call, and verifies', async () => {
    const base = services.drafts().projection(null).snapshot;
    const holders = base.roles.filter((r) => r.id === String(ROLE) || r.id === '180169');
    const free = base.permissions.filter((p) => p.kind === 'action' && p.key.startsWith('crm:') && p.scoped && holders.every((r) => !r.permissionIds.includes(p.id)));
    const draft = await call('drafts.create', { name: 'Two roles' });
    await call('drafts.apply', {
      draftId: draft.id,
      batch: { id: 'g1', ops: [{ type: 'grantPermissions', roleIds: [String(ROLE), '180169'], permissionIds: [free[0]!.id] }] },
    });
    const plan = await call('sync.plan', { taskId: 'r1', draftId: draft.id });
    expect(plan.status).toBe('ready');
    expect(plan.steps.length).toBe(2);
    emu.control.latency(400, '/adminRole/updateRoleMenu');
    let cancelled = false;
    const unsubscribe = services.events.subscribe((event, payload) => {
      if (event === 'sync.progressed' && (payload as { kind: string }).kind === 'push' && !cancelled) {
        cancelled = true;
        void call('sync.cancel', { taskId: 'r2' });
      }
    });
    const stopped = await attempt('sync.push', { taskId: 'r2', planId: plan.planId });
    unsubscribe();
    emu.control.latency(0);
    const pushId = stopped.ok ? (stopped.value as { pushId: string }).pushId : (await call('sync.status', {})).pushes[0]!.id;
    const status = await call('sync.status', {});
    expect(status.pushes.find((p) => p.id === pushId)).toMatchObject({ finished: false, calls: 2, done: 1 });

    emu.control.clearCalls();
    const resumed = await call('sync.resume', { taskId: 'r3', pushId });
    expect(resumed).toMatchObject({ total: 2, done: 2, sent: 1 });
    expect(emu.control.calls('/adminRole/updateRoleMenu')).toHaveLength(1);
    expect((await call('sync.verify', { taskId: 'r4', pushId })).ok).toBe(true);
    expect((await call('sync.status', {})).pushes.find((p) => p.id === pushId)?.finished).toBe(true);
  });
});

describe('a malformed answer', () => {
  it('fails the pull naming the endpoint and the field, and saves nothing', async () => {
    const proxy = await startCorruptingProxy(emu.url, (path, _body, answer) => {
      if (path !== '/adminUser/queryUserList') return undefined;
      const envelope = answer as { data: { list: Array<Record<string, unknown>> } };
      envelope.data.list[1]!.userId = 'u-7';
      return envelope;
    });
    try {
      // The connected workspace is open: connecting again replaces its profile, no new workspace.
      const connected = await call('sync.connect', { taskId: 'm1', ...login(), serverUrl: proxy.url });
      expect(connected.createdWorkspace).toBe(false);
      const versions = (await call('sync.status', {})).snapshot!.version;
      const result = await attempt('sync.pull', { taskId: 'm2' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('REMOTE');
      expect(result.error.details).toMatchObject({ kind: 'connector', code: 'MALFORMED_RESPONSE', endpoint: 'POST /adminUser/queryUserList', field: expect.stringMatching(/userId/) });
      expect((await call('sync.status', {})).snapshot!.version).toBe(versions);
    } finally {
      await call('sync.connect', { taskId: 'm3', ...login() });
      await proxy.close();
    }
  });
});
