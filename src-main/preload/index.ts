import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES } from '../common/ipc';
import type { GatehouseBridge } from '../common/ipc';

/**
 * Exposes the contract's verbs and events to the renderer, nothing else (no ipcRenderer, no Node).
 * Unknown channels are refused here already; the main process checks again.
 */
const channels = new Set<string>(CHANNEL_NAMES);
const eventNames = new Set<string>(EVENT_NAMES);

const bridge: GatehouseBridge = {
  invoke: (channel, input) => {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `unknown channel ${channel}` } });
    return ipcRenderer.invoke(channel, input);
  },
  on: (event, listener) => {
    if (!eventNames.has(event)) return () => undefined;
    const wrapped = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
};

contextBridge.exposeInMainWorld('gatehouse', bridge);
