import path from 'node:path';
import type { WukongCatalogue } from '../common/wukong';
import { createDemoSnapshot } from '../common/generator';
import { DraftService } from './drafts/DraftService';
import { memoryDraftRepository } from './drafts/memoryDraftRepository';
import { EventBus } from './eventBus';
import type { OpenWorkspace } from './openWorkspace';
import { loadBundledCatalogue } from './resources';

export interface AppServicesOptions {
  /** Folder holding `wukong/*.json`; the built app passes its own because it runs from `out/main`. */
  resourcesDir: string;
  version: string;
  transport: 'electron' | 'browser';
}

/** Everything the IPC handlers call. Built once per process. */
export interface AppServices {
  readonly info: { name: string; version: string; transport: 'electron' | 'browser'; platform: string };
  readonly catalogue: WukongCatalogue;
  readonly events: EventBus;
  workspace(): OpenWorkspace;
  drafts(): DraftService;
}

export function createAppServices(options: AppServicesOptions): AppServices {
  const catalogue = loadBundledCatalogue(path.join(options.resourcesDir, 'wukong'));
  const demo = createDemoSnapshot(catalogue);
  const demoWorkspace: OpenWorkspace = { id: 'demo', name: 'demo', snapshot: () => demo };
  const events = new EventBus();
  const drafts = new DraftService(memoryDraftRepository(), () => ({ snapshot: demo, version: 1 }), events);
  return {
    info: { name: 'Gatehouse', version: options.version, transport: options.transport, platform: process.platform },
    catalogue,
    events,
    workspace: () => demoWorkspace,
    drafts: () => drafts,
  };
}
