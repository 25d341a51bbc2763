// On a fresh clone, `npm start` and `npm test` install the locked dependencies first (npm ci), so the
// README's two commands work as they are. Once installed this is a cheap existence check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export function ensureInstalled(root) {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker)) return;
  console.log('Installing dependencies (npm ci), once…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error('npm ci failed; see above.');
    process.exit(run.status ?? 1);
  }
}
