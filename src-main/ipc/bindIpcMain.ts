import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNEL_NAMES } from '../common/ipc';
import type { EventBus } from '../services/eventBus';
import type { Dispatch } from './dispatcher';

/**
 * Binds every contract channel to ipcMain. Only our own window may call (Electron fiddle's sender check):
 * a frame from anywhere else gets a REFUSED result, never a handler.
 */
export function bindIpcMain(ipcMain: IpcMain, dispatch: Dispatch, isTrustedSender: (event: IpcMainInvokeEvent) => boolean) {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'REFUSED', message: 'calls are accepted only from the Gatehouse window' } };
      }
      return dispatch(channel, input, { transport: 'electron' });
    });
  }
  return () => CHANNEL_NAMES.forEach((channel) => ipcMain.removeHandler(channel));
}

/** Forwards main-process events to the window. */
export function forwardEvents(events: EventBus, webContents: WebContents) {
  return events.subscribe((event, payload) => {
    if (!webContents.isDestroyed()) webContents.send(event, payload);
  });
}
