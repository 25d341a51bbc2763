import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { createDispatcher } from '../ipc/dispatcher';
import { toAppError } from '../ipc/errorMapping';
import { createHandlers } from '../ipc/handlers';
import { createAppServices } from '../services/appServices';
import { runtimePaths } from '../services/runtimePaths';
import { startBrowserHost } from './browserHost';

/**
 * Entry point of the browser host (`npm run serve`, and `npm start` where Electron cannot start):
 * the same services and contract as the desktop app, served on 127.0.0.1.
 */
async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, 'demo-users': { type: 'string' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  // For measuring at scale: the demo workspace holds a generated organisation of this size.
  const demoUsers = values['demo-users'] === undefined ? undefined : Number(values['demo-users']);
  if (demoUsers !== undefined && (!Number.isInteger(demoUsers) || demoUsers < 2 || demoUsers > 1_000_000)) {
    throw new Error(`--demo-users must be an integer in 2..1000000, got ${values['demo-users']}`);
  }

  const paths = runtimePaths(import.meta.dirname);
  const services = await createAppServices({
    resourcesDir: paths.resourcesDir,
    policyFileWorker: paths.policyFileWorker,
    dataDir: paths.dataDir,
    version: packageJson.version,
    transport: 'browser',
    ...(demoUsers === undefined ? {} : { demoUsers }),
  });
  if (services.demoDescription) console.log(services.demoDescription);
  const host = await startBrowserHost({
    rendererDir: paths.rendererDir,
    dispatch: createDispatcher(createHandlers(services), console.error, toAppError),
    events: services.events,
    port,
    // A browser session ends with the workspace idle lock's duration of disuse.
    limits: { sessionIdleMs: services.idleLockMs },
  });
  // The URL line stands alone so scripts and tests can pick it up. It is the console's door, printed for the
  // person who started Gatehouse; nothing else ever writes a token anywhere.
  console.log(`Gatehouse console: ${host.url}`);
  // Each link opens the console once: Enter in this terminal prints a new one (for another browser, or after
  // the session ended). The terminal is where the first link came from, so it is trusted with the next.
  if (process.stdin.isTTY) console.log('Each link opens the console once; press Enter here for a new one.');
  createInterface({ input: process.stdin }).on('line', () => console.log(`Gatehouse console: ${host.newLink()}`));

  const stop = () =>
    void host.close().then(() => {
      services.close();
      process.exit(0);
    });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Gatehouse could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
