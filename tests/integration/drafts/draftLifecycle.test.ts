import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../src-main/common/ipc';
import { createDispatcher } from '../../../src-main/ipc/dispatcher';
import { toAppError } from '../../../src-main/ipc/errorMapping';
import { createHandlers } from '../../../src-main/ipc/handlers';
import { createAppServices, type AppServices } from '../../../src-main/services/appServices';
import { smallOrganisation, startEmulator, type RunningEmulator } from '../../wukong-emulator';

/**
 * The life of a draft around a real push (contract-checked dispatcher, real services, an encrypted passphrase
 * workspace in a temporary folder, the WukongCRM emulator over HTTP): once pushed it is read-only in the main
 * process, and the rollback draft made from the push keeps its origin across a restart and a reopen.
 */
const ROLE = '180170'; // a CRM role of the small organisation
const PASSPHRASE = 'correct horse battery staple';
const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');
let emu: RunningEmulator;
let dataDir: string;
let services: AppServices;
let dispatch: ReturnType<typeof createDispatcher>;

async function start() {
  services = await createAppServices({ resourcesDir, dataDir, version: 'test', transport: 'browser', idleLockMs: null });
  dispatch = createDispatcher(createHandlers(services), () => undefined, toAppError);
}
beforeAll(async () => {
  emu = await startEmulator({ snapshot: smallOrganisation() });
  dataDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-lifecycle-'));
  await start();
}, 60_000);
afterAll(async () => {
  services.close();
  rmSync(dataDir, { recursive: true, force: true });
  await emu.close();
});

const attempt = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => dispatch(channel, input, { transport: 'browser' });
async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await attempt(channel, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.details ?? null)}`);
  return result.value as ChannelOutput<C>;
}
async function refused<C extends ChannelName>(channel: C, input: ChannelInput<C>) {
  const result = await attempt(channel, input);
  expect(result.ok).toBe(false);
  return result.ok ? null : result.error;
}
const draftOf = async (id: string) => (await call('drafts.list', {})).drafts.find((d) => d.id === id)!;

describe('a pushed draft and its rollback', () => {
  let draftId: string;
  let pushId: string;
  let rollbackId: string;

  it('connects and pulls into a new passphrase workspace', async () => {
    await call('sync.connect', { taskId: 'c', serverUrl: emu.url, username: emu.adminUsername, password: emu.adminPassword, newWorkspace: { name: 'Lifecycle', passphrase: PASSPHRASE } });
    expect(await call('sync.pull', { taskId: 'p' })).toMatchObject({ version: 1 });
  });

  it('refuses apply, undo, redo and revert on a pushed draft, naming what was refused, and leaves it as it was', async () => {
    const scope = services.drafts().projection(null).snapshot.roles.find((r) => r.id === ROLE)!.dataScope;
    const draft = await call('drafts.create', { name: 'Wider scope' });
    draftId = draft.id;
    await call('drafts.apply', { draftId, batch: { id: 'g1', ops: [{ type: 'setDataScope', roleId: ROLE, dataScope: scope === 4 ? 2 : 4 }] } });
    expect(await draftOf(draftId)).toMatchObject({ readOnly: false, pushed: null, canUndo: true });

    const plan = await call('sync.plan', { taskId: 'pl', draftId });
    const report = await call('sync.push', { taskId: 'pu', planId: plan.planId });
    pushId = report.pushId;
    const summary = await draftOf(draftId);
    // Read-only as soon as its journal exists, verified or not.
    expect(summary).toMatchObject({ readOnly: true, canUndo: false, canRedo: false, appliedCount: 1, pushed: { pushId, finished: false, outcome: null } });
    expect((await call('sync.verify', { taskId: 'v', pushId })).ok).toBe(true);
    expect(await draftOf(draftId)).toMatchObject({ readOnly: true, pushed: { pushId, finished: true, outcome: 'verified' } });

    for (const [channel, input] of [
      ['drafts.undo', { draftId }],
      ['drafts.redo', { draftId }],
      ['drafts.apply', { draftId, batch: { id: 'g2', ops: [{ type: 'setDataScope', roleId: ROLE, dataScope: 1 }] } }],
      ['drafts.revertBatch', { draftId, batchId: 'g1' }],
    ] as const) {
      const error = await refused(channel, input as never);
      expect(error).toMatchObject({ code: 'REFUSED', message: expect.stringContaining('this draft was pushed') });
      expect(error!.details).toMatchObject({ kind: 'draftPushed', verb: channel.slice('drafts.'.length).replace('Batch', '') });
    }
    expect(await draftOf(draftId)).toMatchObject({ appliedCount: 1, batchCount: 1 });
    expect(services.drafts().batches(draftId).map((b) => b.id)).toEqual(['g1']);

    // What still works: rename, and a duplicate that is an ordinary, editable draft.
    expect(await call('drafts.rename', { draftId, name: 'Wider scope (pushed)' })).toMatchObject({ readOnly: true });
    const copy = await call('drafts.duplicate', { draftId, name: 'Wider scope, again' });
    expect(copy).toMatchObject({ readOnly: false, origin: null, appliedCount: 1, canUndo: true });
    expect((await call('drafts.undo', { draftId: copy.id })).draft).toMatchObject({ appliedCount: 0 });
  });

  it('marks the rollback draft with the push it undoes, and keeps that across a restart and a reopen', async () => {
    const made = await call('sync.rollback', { pushId });
    rollbackId = made.draft.id;
    expect(made.draft).toMatchObject({ readOnly: false, origin: { kind: 'rollback', pushId, pushedDraftName: 'Wider scope (pushed)' } });
    expect(made.draft.origin!.pushedAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    services.close();
    await start();
    const { workspaces } = await call('workspace.list', {});
    const workspace = workspaces.find((w) => w.name === 'Lifecycle')!;
    await call('workspace.open', { workspaceId: workspace.id, passphrase: PASSPHRASE });
    const { drafts, activeDraftId } = await call('drafts.list', {});
    expect(drafts.find((d) => d.id === rollbackId)).toMatchObject({ origin: { kind: 'rollback', pushId, pushedDraftName: 'Wider scope (pushed)' }, readOnly: false });
    expect(drafts.find((d) => d.id === draftId)).toMatchObject({ readOnly: true, pushed: { pushId } });
    // Resuming after the restart picks neither the pushed draft nor the rollback draft (the newest ones).
    expect(activeDraftId).not.toBe(rollbackId);
    expect(activeDraftId).not.toBe(draftId);
    // The audit log says where the draft came from.
    const entries = (await call('audit.list', { limit: 50 })).entries;
    expect(entries.find((e) => e.action === 'draft.created' && (e.details as { draftId?: string }).draftId === rollbackId)?.details).toMatchObject({ origin: { kind: 'rollback', pushId } });
  });
});
