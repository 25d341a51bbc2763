// `npm test`: typecheck, lint, unit + integration tests, production build, e2e in Chromium.
// Every step runs even if an earlier one failed, so one run shows every problem; the exit code is
// non-zero if any step failed. The runners' JSON reports land in test-results/ for the count line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureInstalled } from './ensureInstalled.mjs';

const root = path.resolve(import.meta.dirname, '..');
ensureInstalled(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
mkdirSync(path.join(root, 'test-results'), { recursive: true });
// Stale reports must not be counted as this run's.
for (const report of ['vitest.json', 'playwright.json']) rmSync(path.join(root, 'test-results', report), { force: true });

const steps = [
  ['typecheck', bin('tsc'), ['-b']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['unit + integration (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']],
  ['build', bin('electron-vite'), ['build']],
  ['e2e (playwright)', bin('playwright'), ['test']],
];

const failed = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status === 0) console.log(`✔ ${name} (${seconds} s)`);
  else {
    console.log(`✘ ${name} failed (${seconds} s)`);
    failed.push(name);
  }
}

spawnSync(process.execPath, [path.join(root, 'scripts/count-results.mjs')], { cwd: root, stdio: 'inherit' });
if (failed.length) {
  console.log(`\nFailed steps: ${failed.join(', ')}`);
  process.exit(1);
}
