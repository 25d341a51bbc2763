import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, type ChannelName } from './contract';

// Every contract string that becomes part of a file name is checked here, at the boundary, with the same rule
// the file code uses: a bad one is INVALID_INPUT for the caller, never a crash deep in the services.
const withWorkspaceId = (Object.keys(contract) as ChannelName[]).filter((name) => {
  const input = contract[name].input;
  return input instanceof z.ZodObject && 'workspaceId' in input.shape;
});

describe('contract strings that become paths', () => {
  it('finds the channels that take a workspace id', () => {
    expect(withWorkspaceId).toEqual(expect.arrayContaining(['workspace.open', 'workspace.select', 'workspace.lock', 'workspace.unlock', 'workspace.changePassphrase']));
  });

  it.each(withWorkspaceId)('%s refuses a workspace id the file-name rule refuses, and takes the ones Gatehouse makes', (name) => {
    const input = contract[name].input;
    const extra = name === 'workspace.changePassphrase' ? { current: 'a', next: 'b' } : {};
    for (const workspaceId of ['Demo', '../x', '..', 'demo/../../etc', 'a.gatehouse', 'C:\\x', '', 'x'.repeat(65)]) {
      expect(input.safeParse({ workspaceId, ...extra }).success, `${name} ${JSON.stringify(workspaceId)}`).toBe(false);
    }
    for (const workspaceId of ['demo', '3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b']) {
      expect(input.safeParse({ workspaceId, ...extra }).success, `${name} ${workspaceId}`).toBe(true);
    }
  });
});
