import { app, BrowserWindow, ipcMain, safeStorage, session } from 'electron';
import { pathToFileURL } from 'node:url';
import packageJson from '../../package.json';
import { bindIpcMain, forwardEvents } from '../ipc/bindIpcMain';
import { createDispatcher } from '../ipc/dispatcher';
import { toAppError } from '../ipc/errorMapping';
import { createHandlers } from '../ipc/handlers';
import { createAppServices } from '../services/appServices';
import { runtimePaths } from '../services/runtimePaths';
import { hardenApp } from './hardening';

/**
 * The Electron shell: one instance, one window, hardened. Everything else (services, contract, handlers)
 * is shared with the browser host, so this file stays thin.
 */
const paths = runtimePaths(import.meta.dirname);
const indexUrl = pathToFileURL(`${paths.rendererDir}/index.html`).href;
const isAppUrl = (url: string) => url.split('#')[0]?.split('?')[0] === indexUrl;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.whenReady().then(async () => {
    hardenApp(app, session.defaultSession, isAppUrl);
    const services = await createAppServices({
      resourcesDir: paths.resourcesDir,
      policyFileWorker: paths.policyFileWorker,
      dataDir: process.env.GATEHOUSE_HOME ? paths.dataDir : app.getPath('userData'),
      version: packageJson.version,
      transport: 'electron',
      // The store refuses Linux's basic_text backend for connected workspaces (ARCHITECTURE §4).
      safeStorage,
    });
    app.on('before-quit', () => services.close());
    window = new BrowserWindow({
      width: 1400,
      height: 900,
      show: false,
      title: 'Gatehouse',
      webPreferences: {
        preload: paths.preloadFile,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        spellcheck: false,
      },
    });
    const trusted = window.webContents;
    bindIpcMain(ipcMain, createDispatcher(createHandlers(services), console.error, toAppError), (event) => event.sender === trusted && isAppUrl(event.senderFrame?.url ?? ''));
    forwardEvents(services.events, trusted);
    window.once('ready-to-show', () => window?.show());
    void window.loadURL(indexUrl);
  });

  app.on('window-all-closed', () => app.quit());
}
