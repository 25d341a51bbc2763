import path from 'node:path';

/**
 * Where the app's files are at run time. Both entry bundles live in `out/main/` and the sources in
 * `src-main/<layer>/`: either way the project root is two folders up from the running module.
 */
export function runtimePaths(moduleDir: string) {
  const root = path.resolve(moduleDir, '..', '..');
  return {
    root,
    resourcesDir: path.join(root, 'resources'),
    rendererDir: path.join(root, 'out', 'renderer'),
    preloadFile: path.join(root, 'out', 'preload', 'index.cjs'),
  };
}
