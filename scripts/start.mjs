// `npm start`: build, then open the Electron app on the demo workspace. Where Electron cannot start
// (no binary, no display) say so in one line and serve the same console through the browser host.
// `npm run serve` (--browser) always uses the browser host. Extra arguments (e.g. --port 4800) go to the host.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ensureInstalled } from './ensureInstalled.mjs';

const root = path.resolve(import.meta.dirname, '..');
ensureInstalled(root);
const args = process.argv.slice(2);
const browserOnly = args.includes('--browser');
const hostArgs = args.filter((a) => a !== '--browser');

const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) {
  console.error('Gatehouse: the build failed (see above).');
  process.exit(build.status ?? 1);
}

if (!browserOnly) {
  const electron = electronBinary();
  if (electron.path) {
    const child = spawn(electron.path, [root], { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    console.log(`Electron cannot start here (${electron.reason}); serving the console in your browser instead.`);
    serve();
  }
} else {
  serve();
}

function serve() {
  const child = spawn(process.execPath, [path.join(root, 'out/main/serve.js'), ...hostArgs], { cwd: root, stdio: 'inherit' });
  const stop = (signal) => child.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

/** The Electron executable, or why there is none. The electron package downloads it on first use. */
function electronBinary() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'no display' };
  }
  const dir = path.join(root, 'node_modules/electron');
  const binary = () => {
    const pathFile = path.join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const full = path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(full) ? full : null;
  };
  if (binary()) return { path: binary() };
  const install = spawnSync(process.execPath, [path.join(dir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  if (install.status === 0 && binary()) return { path: binary() };
  return { reason: 'no Electron binary, and it could not be downloaded' };
}
