import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../src-main/common/ipc';
import type { AppServices } from '../../../src-main/services/appServices';

// A channel's name leads to its files: `roles.matrix` is declared in channels/roles.ts (as `rolesChannels`) and
// answered in handlers/rolesHandlers.ts (as `rolesHandlers`).
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const channelsDir = path.join(root, 'src-main/common/ipc/channels');
const handlersDir = path.join(root, 'src-main/ipc/handlers');
const prefixOf = (channel: string) => channel.slice(0, channel.indexOf('.'));
const baseNames = (dir: string, exclude: string[] = []) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !exclude.includes(f))
    .map((f) => f.slice(0, -'.ts'.length))
    .sort();

/** Each channel file's exports named `…Channels`, by file. */
async function channelObjects(): Promise<Map<string, Record<string, Record<string, unknown>>>> {
  const files = new Map<string, Record<string, Record<string, unknown>>>();
  for (const name of baseNames(channelsDir)) {
    const module = (await import(path.join(channelsDir, `${name}.ts`))) as Record<string, unknown>;
    files.set(name, Object.fromEntries(Object.entries(module).filter(([key]) => key.endsWith('Channels'))) as Record<string, Record<string, unknown>>);
  }
  return files;
}

describe('channel files are named by channel prefix', () => {
  it('declares every channel of channels/<prefix>.ts with that prefix, in one object <prefix>Channels', async () => {
    const misplaced: string[] = [];
    for (const [file, objects] of await channelObjects()) {
      expect(Object.keys(objects), `channels/${file}.ts`).toEqual([`${file}Channels`]);
      for (const channel of Object.keys(objects[`${file}Channels`] ?? {}))
        if (prefixOf(channel) !== file) misplaced.push(`${channel} is in channels/${file}.ts, not channels/${prefixOf(channel)}.ts`);
    }
    expect(misplaced).toEqual([]);
  });

  it('builds the contract from those files and nothing else', async () => {
    const declared = [...(await channelObjects()).values()].flatMap((objects) => Object.values(objects).flatMap((o) => Object.keys(o)));
    expect(declared.sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers the channels of channels/<prefix>.ts in handlers/<prefix>Handlers.ts, and only those', async () => {
    const channelFiles = await channelObjects();
    const handlerFiles = baseNames(handlersDir, ['index.ts']);
    expect(handlerFiles).toEqual([...channelFiles.keys()].map((prefix) => `${prefix}Handlers`));
    // Handler groups only read services when called, so an empty stand-in is enough to list their channels.
    const services = {} as AppServices;
    for (const prefix of channelFiles.keys()) {
      const module = (await import(path.join(handlersDir, `${prefix}Handlers.ts`))) as Record<string, (s: AppServices) => object>;
      const group = module[`${prefix}Handlers`];
      expect(group, `handlers/${prefix}Handlers.ts exports ${prefix}Handlers`).toBeTypeOf('function');
      expect(Object.keys(group!(services)).sort()).toEqual(Object.keys(channelFiles.get(prefix)![`${prefix}Channels`]!).sort());
    }
  });
});
