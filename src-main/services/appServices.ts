import path from 'node:path';
import type { WukongCatalogue } from '../common/wukong';
import type { SafeStorageLike } from '../store';
import { demoSource } from './demoOrganisation';
import type { DraftService } from './drafts';
import { EventBus } from './eventBus';
import type { OpenWorkspace } from './openWorkspace';
import { PolicyFileReader } from './policyFiles';
import type { ReadResult } from './policyFiles';
import { loadBundledCatalogue } from './resources';
import { ConsoleSession } from './session';
import type { SyncWorkflow } from './sync';
import { WorkspaceService } from './workspace';

export interface AppServicesOptions {
  /** Folder holding `wukong/*.json`; the built app passes its own because it runs from `out/main`. */
  resourcesDir: string;
  /** Folder for the encrypted workspace files (created 0700). */
  dataDir: string;
  version: string;
  transport: 'electron' | 'browser';
  /** Electron's safeStorage in the desktop app; absent in the browser host. */
  safeStorage?: SafeStorageLike | null;
  /** Idle lock; null never. Default 15 minutes. */
  idleLockMs?: number | null;
  /** The demo workspace holds a generated organisation of this many people instead of the built-in demo (`--demo-users`). */
  demoUsers?: number;
  /** The built policy-file worker (`runtimePaths().policyFileWorker`); absent when running from source. */
  policyFileWorker?: string;
}

/** Everything the IPC handlers call. Built once per process. */
export interface AppServices {
  readonly info: { name: string; version: string; transport: 'electron' | 'browser'; platform: string };
  readonly catalogue: WukongCatalogue;
  readonly events: EventBus;
  readonly session: ConsoleSession;
  readonly idleLockMs: number | null;
  /** What the demo workspace holds when it is a generated organisation (one line for the host to print). */
  readonly demoDescription: string | null;
  /** Reads a policy file in a worker thread (`services/policyFiles/PolicyFileReader.ts`). */
  readPolicyFile(source: string): Promise<ReadResult>;
  workspace(): OpenWorkspace;
  drafts(): DraftService;
  /** Connect, pull, push, verify and roll back for the open workspace (one per workspace, dropped on lock). */
  sync(): SyncWorkflow;
  close(): void;
}

export async function createAppServices(options: AppServicesOptions): Promise<AppServices> {
  const catalogue = loadBundledCatalogue(path.join(options.resourcesDir, 'wukong'));
  const events = new EventBus();
  const idleLockMs = options.idleLockMs === undefined ? 15 * 60_000 : options.idleLockMs;
  let session: ConsoleSession | null = null;
  const workspaces = new WorkspaceService({
    directory: path.join(options.dataDir, 'workspaces'),
    safeStorage: options.safeStorage ?? null,
    idleLockMs,
    onLocked: ({ workspaceId }) => session?.locked(workspaceId),
  });
  const demo = demoSource(catalogue, options.demoUsers);
  session = new ConsoleSession(workspaces, events, demo);
  await session.start();
  const started = session;
  const policyFiles = new PolicyFileReader(options.policyFileWorker === undefined ? {} : { script: options.policyFileWorker });
  return {
    info: { name: 'Gatehouse', version: options.version, transport: options.transport, platform: process.platform },
    catalogue,
    events,
    session: started,
    idleLockMs,
    demoDescription: demo.describe,
    readPolicyFile: (source) => policyFiles.read(source),
    workspace: () => started.workspace(),
    drafts: () => started.drafts(),
    sync: () => started.sync(),
    close: () => {
      policyFiles.close();
      workspaces.lockAll('shutdown');
    },
  };
}
