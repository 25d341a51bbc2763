/**
 * A real encrypted workspace (SQLCipher file in a temp folder, passphrase-protected) connected to a running
 * emulator, with a SyncService over it: what the IPC layer will drive, minus IPC.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DraftService, storeDraftRepository } from '../../../src-main/services/drafts';
import { EventBus } from '../../../src-main/services/eventBus';
import { createWukongConnector, type SyncEvent, SyncService, SyncWorkflow } from '../../../src-main/services/sync';
import { type WorkspaceData, WorkspaceService } from '../../../src-main/services/workspace';
import type { RunningEmulator } from '../../wukong-emulator';
import { type PlannedStep, type PushStep, pushStepSchema } from '../../../src-main/connectors';

export const PASSPHRASE = 'connector-tests-passphrase';
export const TEST_SCRYPT = { N: 2 ** 14, r: 8, p: 1 };

export interface TestWorkspace {
  dir: string;
  id: string;
  service: WorkspaceService;
  data: WorkspaceData;
  dispose(): void;
}

export async function createWorkspace(emu: RunningEmulator, login: { username: string; password: string } = { username: emu.adminUsername, password: emu.adminPassword }): Promise<TestWorkspace> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-connector-'));
  const service = new WorkspaceService({ directory: dir, scrypt: TEST_SCRYPT, idleLockMs: null });
  const summary = await service.create({ name: 'connector test', protection: { kind: 'passphrase', passphrase: PASSPHRASE } });
  const data = service.data(summary.id);
  data.setConnection({ connector: 'wukong-crm-11', serverUrl: emu.url, username: login.username, secretKind: 'password', secret: login.password });
  return {
    dir,
    id: summary.id,
    service,
    data,
    dispose: () => {
      service.lockAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Open an existing workspace folder again (as a restarted app would). */
export async function reopenWorkspace(dir: string, id: string): Promise<{ service: WorkspaceService; data: WorkspaceData }> {
  const service = new WorkspaceService({ directory: dir, scrypt: TEST_SCRYPT, idleLockMs: null });
  await service.open(id, { passphrase: PASSPHRASE });
  return { service, data: service.data(id) };
}

export function syncFor(data: WorkspaceData, events: SyncEvent[] = []): SyncService {
  return new SyncService({
    data,
    createConnector: (profile) => createWukongConnector(profile, { retry: { baseDelayMs: 20 } }),
    emit: (e) => events.push(e),
  });
}

/** The push flow the console drives (plan, push, verify, undo, abandon) over a workspace, minus IPC. */
export function workflowFor(data: WorkspaceData, events = new EventBus()): { workflow: SyncWorkflow; drafts: DraftService; events: EventBus } {
  const drafts = new DraftService(storeDraftRepository(data), () => data.loadSnapshot().snapshot, events);
  const workflow = new SyncWorkflow({
    data,
    drafts: () => drafts,
    events,
    createConnector: (profile) => createWukongConnector(profile, { retry: { baseDelayMs: 20, settleMs: 200 } }),
  });
  return { workflow, drafts, events };
}

/** A plan's steps read back as WukongCRM steps: the port carries them as opaque JSON, so each is parsed (and checked). */
export function wukongSteps(plan: { steps: readonly PlannedStep[] }): Array<PlannedStep<PushStep>> {
  return plan.steps.map((s) => ({ ...s, step: pushStepSchema.parse(s.step) }));
}
