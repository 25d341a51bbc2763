import { describe, expect, it } from 'vitest';
import { remapIds } from '../../../src-main/connectors';
import type { SyncEvent } from '../../../src-main/services/sync';
import { smallOrganisation, startEmulator, type RunningEmulator } from '../../wukong-emulator';
import { serverSnapshot, widerThanBoth } from './bounds';
import { serverView, snapshotView } from './emulatorView';
import { createWorkspace, syncFor } from './harness';
import { NEW_DEPT, mixedDraft } from './mixedDraft';
import { stepTargets, type StepTarget as Target } from './stepTargets';

/**
 * The all-together push (every kind of change in one draft) with one fault at each of its steps in turn: it
 * ends verified, no non-idempotent call lands twice, and after every settled call the server grants nobody more
 * than both the state before the push and the draft's projection do.
 */
const FAULTS: Record<string, (emu: RunningEmulator, target: Target) => void> = {
  '5xx before the call is applied': (emu, t) => emu.control.failNext(1, t),
  'the answer lost after the call was applied': (emu, t) => emu.control.dropNext(1, { ...t, when: 'after' }),
  'the session evicted (302)': (emu, t) => emu.control.evictNext(1, t),
};

async function run(faultAt: number | null, inject: (emu: RunningEmulator, target: Target) => void) {
  const emu = await startEmulator({ snapshot: smallOrganisation() });
  const ws = await createWorkspace(emu);
  const widened: string[] = [];
  let plannedOn: Parameters<typeof widerThanBoth>[1] | null = null;
  let projection: Parameters<typeof widerThanBoth>[2] | null = null;
  // After every settled call (the runner's progress event), the server's state is checked against both ends.
  const events = { push: (e: SyncEvent) => e.type === 'sync.pushProgress' && widened.push(...widerThanBoth(serverSnapshot(emu, plannedOn!), plannedOn!, projection!)) };
  const sync = syncFor(ws.data, events as unknown as SyncEvent[]);
  try {
    const base = (await sync.pull()).snapshot;
    const plan = await sync.plan({ draftId: 'draft-all', base, ops: mixedDraft() });
    expect(plan.status).toBe('ready');
    plannedOn = plan.plannedOn;
    projection = plan.projection;
    const steps = plan.steps;
    if (faultAt !== null) inject(emu, stepTargets(steps.map((s) => s.endpoint))[faultAt]!);
    emu.control.clearCalls();
    let report = await sync.push(plan);
    if (report.failure) {
      expect(report.failure.resumable, report.failure.message).toBe(true);
      report = await sync.resume(report.pushId);
    }
    expect(report.failure, report.failure?.message).toBeUndefined();
    const verify = await sync.verify({ pushId: report.pushId, plannedOn: plan.plannedOn, projection: plan.projection });
    expect(verify.mismatches).toEqual([]);
    expect(verify.ok).toBe(true);
    // Non-idempotent calls landed once: one role per created name, one new department, no "name exists" (1117).
    const view = serverView(emu);
    for (const name of ['审计员', '销售员（华北）']) expect(view.roles.filter((r) => r.name === name)).toHaveLength(1);
    expect(view.departments.filter((d) => d.name === '华北销售组')).toHaveLength(1);
    expect(emu.control.calls().filter((c) => c.code === 1117)).toEqual([]);
    expect(snapshotView(remapIds(plan.projection, report.ids)).roles).toEqual(view.roles);
    expect(report.ids[NEW_DEPT]).toBeDefined();
    expect(widened).toEqual([]);
    return steps.length;
  } finally {
    await sync.disconnect();
    ws.dispose();
    await emu.close();
  }
}

describe('the all-together push with a fault at every step', () => {
  for (const [name, inject] of Object.entries(FAULTS)) {
    it(`${name}: ends verified, nothing landed twice, never wider than both ends`, async () => {
      const total = await run(null, inject);
      expect(total).toBeGreaterThan(15);
      for (let k = 0; k < total; k++) await run(k, inject);
    }, 600_000);
  }
});
