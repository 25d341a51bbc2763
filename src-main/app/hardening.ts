import type { App, Session } from 'electron';
import { ELECTRON_CSP } from '../common/security';

/**
 * Content Security Policy for the app's own pages. The page's meta tag carries the same policy (file://
 * responses have no headers to put it in); the header covers anything else the session loads.
 */
export const APP_CSP = ELECTRON_CSP;

/**
 * The Electron security checklist in one place: no new windows, no navigation away from the app,
 * no webviews, no permission granted or even reported as granted, CSP on every response.
 */
export function hardenApp(app: App, session: Session, isAppUrl: (url: string) => boolean) {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  // The console needs no camera, notifications, clipboard reads, MIDI, HID…: every request is refused, and every
  // check (`navigator.permissions.query`, the synchronous checks Chromium makes before some APIs) answers "no",
  // so nothing is granted silently even where Chromium would not prompt. Devices likewise.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [APP_CSP] } });
  });
}
