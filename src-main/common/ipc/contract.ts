import type { z } from 'zod';
import type { ChannelSpec } from './channel';
import { accessChannels } from './channels/access';
import { appChannels } from './channels/app';
import { auditChannels } from './channels/audit';
import { catalogueChannels } from './channels/catalogue';
import { draftsChannels } from './channels/drafts';
import { impactChannels } from './channels/impact';
import { lintsChannels } from './channels/lints';
import { orgChannels } from './channels/org';
import { policyChannels } from './channels/policy';
import { reportsChannels } from './channels/reports';
import { rolesChannels } from './channels/roles';
import { syncChannels } from './channels/sync';
import { workspaceChannels } from './channels/workspace';

/**
 * THE contract between the renderer and the main process: every channel `domain.verb` with its zod input
 * and output. The Electron binding, the preload, the browser host and the renderer's client all derive from
 * this object; no channel string appears anywhere else. Each prefix keeps its channels in
 * `channels/<prefix>.ts` (`roles.matrix` in `channels/roles.ts`), so a channel's name leads to its file.
 */
export const contract = {
  ...appChannels,
  ...orgChannels,
  ...rolesChannels,
  ...catalogueChannels,
  ...draftsChannels,
  ...accessChannels,
  ...impactChannels,
  ...lintsChannels,
  ...workspaceChannels,
  ...auditChannels,
  ...policyChannels,
  ...reportsChannels,
  ...syncChannels,
} satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
