import os from 'node:os';
import path from 'node:path';

/**
 * Where the app's files are at run time. Both entry bundles live in `out/main/` and the sources in
 * `src-main/<layer>/`: either way the project root is two folders up from the running module.
 * Workspaces live in $GATEHOUSE_HOME, or `~/.gatehouse` for the browser host (Electron passes its userData).
 */
export function runtimePaths(moduleDir: string, env: NodeJS.ProcessEnv = process.env) {
  const root = path.resolve(moduleDir, '..', '..');
  return {
    root,
    resourcesDir: path.join(root, 'resources'),
    rendererDir: path.join(root, 'out', 'renderer'),
    preloadFile: path.join(root, 'out', 'preload', 'index.cjs'),
    policyFileWorker: path.join(root, 'out', 'main', 'policyFileWorker.js'),
    dataDir: env.GATEHOUSE_HOME ? path.resolve(env.GATEHOUSE_HOME) : path.join(os.homedir(), '.gatehouse'),
  };
}
