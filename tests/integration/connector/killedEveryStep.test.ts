import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { remapIds } from '../../../src-main/connectors';
import { WorkspaceJournal } from '../../../src-main/services/sync';
import { smallOrganisation, startEmulator } from '../../wukong-emulator';
import { serverSnapshot, widerThanBoth } from './bounds';
import { serverView, snapshotView } from './emulatorView';
import { createWorkspace, reopenWorkspace, syncFor } from './harness';
import { mixedDraft } from './mixedDraft';
import { stepTargets } from './stepTargets';

/**
 * The all-together push run by its own process, SIGKILLed at each of its steps in turn (the server receives the
 * call and applies it; the client dies before the answer): the server then grants nobody more than both ends,
 * and after a restart the push resumes without sending a non-idempotent call twice and verifies.
 */
const root = path.resolve(import.meta.dirname, '../../..');

async function killAt(k: number | null): Promise<number> {
  const emu = await startEmulator({ snapshot: smallOrganisation() });
  const ws = await createWorkspace(emu);
  try {
    const sync = syncFor(ws.data);
    const base = (await sync.pull()).snapshot;
    const plan = await sync.plan({ draftId: 'draft-kill-all', base, ops: mixedDraft() });
    expect(plan.status).toBe('ready');
    if (k === null) {
      await sync.disconnect();
      return plan.steps.length;
    }
    const journal = new WorkspaceJournal(ws.data).create({
      draftId: 'draft-kill-all',
      plan: { plannedOnVersion: plan.plannedOnVersion, ops: plan.ops },
      calls: plan.steps.map((s) => ({ endpoint: s.endpoint, request: s.step })),
    });
    await sync.disconnect();
    ws.service.lockAll(); // the child opens the encrypted file itself
    emu.control.clearCalls();

    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/integration/connector/pushChild.ts'], {
      cwd: root,
      env: { ...process.env, GATEHOUSE_WS_DIR: ws.dir, GATEHOUSE_WS_ID: ws.id, GATEHOUSE_PUSH_ID: journal.id },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    emu.control.beforeCall(stepTargets(plan.steps.map((s) => s.endpoint))[k]!, () => process.kill(-child.pid!, 'SIGKILL'));
    const exit = await new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    expect(exit, output).toBe('SIGKILL');

    // Where the killed push left the server: bounded by both ends.
    expect(widerThanBoth(serverSnapshot(emu, plan.plannedOn), plan.plannedOn, plan.projection)).toEqual([]);

    const reopened = await reopenWorkspace(ws.dir, ws.id);
    const again = syncFor(reopened.data);
    const resumed = await again.resume(journal.id);
    expect(resumed.failure, resumed.failure?.message).toBeUndefined();
    const verify = await again.verify({ pushId: journal.id, plannedOn: plan.plannedOn, projection: plan.projection });
    expect(verify.mismatches).toEqual([]);
    const view = serverView(emu);
    for (const name of ['审计员', '销售员（华北）']) expect(view.roles.filter((r) => r.name === name)).toHaveLength(1);
    expect(view.departments.filter((d) => d.name === '华北销售组')).toHaveLength(1);
    expect(emu.control.calls().filter((c) => c.code === 1117)).toEqual([]);
    expect(snapshotView(remapIds(plan.projection, resumed.ids)).roles).toEqual(view.roles);
    await again.disconnect();
    reopened.service.lockAll();
    return plan.steps.length;
  } finally {
    ws.dispose();
    await emu.close();
  }
}

describe('the all-together push SIGKILLed at every step', () => {
  it('leaves the server bounded by both ends and resumes to a verified end without repeating a create', async () => {
    const total = await killAt(null);
    for (let k = 0; k < total; k++) await killAt(k);
  }, 900_000);
});
