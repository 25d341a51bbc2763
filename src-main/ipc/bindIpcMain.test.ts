import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../common/ipc';
import { bindIpcMain } from './bindIpcMain';
import type { Dispatch } from './dispatcher';

// No Electron binary runs here: ipcMain is replaced by the two methods bindIpcMain uses, so what is tested is our
// binding — every contract channel registered, the sender checked before anything is dispatched.
function recordingIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>();
  const ipcMain = {
    handle: (channel: string, handler: (event: IpcMainInvokeEvent, input: unknown) => unknown) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
  } as unknown as IpcMain;
  return { ipcMain, handlers };
}

const trusted = { sender: { id: 1 } } as unknown as IpcMainInvokeEvent;
const foreign = { sender: { id: 2 } } as unknown as IpcMainInvokeEvent;

describe('bindIpcMain', () => {
  it('registers exactly the contract channels and removes them again', () => {
    const { ipcMain, handlers } = recordingIpcMain();
    const unbind = bindIpcMain(ipcMain, async () => ({ ok: true, value: null }), () => true);
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    unbind();
    expect(handlers.size).toBe(0);
  });

  it('refuses a call from any other frame without dispatching it', async () => {
    const { ipcMain, handlers } = recordingIpcMain();
    const dispatched: string[] = [];
    const dispatch: Dispatch = async (channel) => {
      dispatched.push(String(channel));
      return { ok: true, value: 'ran' };
    };
    bindIpcMain(ipcMain, dispatch, (event) => event === trusted);
    const handler = handlers.get('app.info')!;
    expect(await handler(foreign, {})).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect(dispatched).toEqual([]);
    expect(await handler(trusted, {})).toEqual({ ok: true, value: 'ran' });
    expect(dispatched).toEqual(['app.info']);
  });
});
