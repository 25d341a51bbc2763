// `npm run bench:ui`: builds the console, runs the Playwright timing runs (tests/bench/ui) and prints one table:
// each measure per organisation size, with its ratio to the demo workspace measured in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureInstalled } from './ensureInstalled.mjs';

const root = path.resolve(import.meta.dirname, '..');
ensureInstalled(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const results = path.join(root, 'test-results/bench-ui/results.jsonl');
rmSync(results, { force: true });
for (const [command, args] of [
  [bin('electron-vite'), ['build']],
  [bin('playwright'), ['test', '--config', 'playwright.bench.config.ts']],
]) {
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
if (!existsSync(results)) throw new Error('no results were recorded');
const rows = readFileSync(results, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const sizes = [...new Set(rows.map((r) => r.size))];
const measures = [...new Set(rows.map((r) => r.measure))];
const at = (size, m) => rows.find((r) => r.size === size && r.measure === m);
const header = ['measure', ...sizes.flatMap((s) => (s === 'demo' ? ['demo ms'] : [`${s} ms`, `${s} / demo`]))];
const lines = measures.map((m) => {
  const demo = at('demo', m)?.ms;
  return [
    m,
    ...sizes.flatMap((s) => {
      const v = at(s, m)?.ms;
      const cell = v === undefined ? '–' : v.toFixed(1);
      return s === 'demo' ? [cell] : [cell, v !== undefined && demo ? `${(v / demo).toFixed(1)}×` : '–'];
    }),
  ];
});
console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
for (const line of lines) console.log(`| ${line.join(' | ')} |`);
