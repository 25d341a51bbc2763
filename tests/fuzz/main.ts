import { parseArgs } from 'node:util';
import { startHost } from '../e2e/support/browserHost';
import { runFuzz, type FuzzReport } from './runFuzz';

/**
 * `npm run fuzz`: the built browser host (`out/main/serve.js`) on 127.0.0.1 with a fresh demo workspace,
 * fed seeded contract calls and mutated policy files. Bounded (counts, not time) and loopback only: every URL
 * a call carries points at a closed local port. Exits 1 if anything below the line is not zero.
 */
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '20261202' },
    calls: { type: 'string', default: '10000' },
    files: { type: 'string', default: '1000' },
    'hang-ms': { type: 'string', default: '30000' },
  },
});
const number = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${values[name]}`);
  return n;
};
const options = { seed: number('seed'), calls: number('calls'), files: number('files'), hangMs: number('hang-ms') };

const host = await startHost();
const started = performance.now();
let last = 0;
let report: FuzzReport;
try {
  report = await runFuzz({ consoleUrl: host.url, running: host.running }, {
    ...options,
    progress: (done, total) => {
      const percent = Math.floor((done / Math.max(total, 1)) * 100);
      if (percent >= last + 5 || done === total) {
        last = percent;
        process.stderr.write(`\r  fuzzing… ${percent}% (${done} / ${total})`);
      }
    },
  });
} finally {
  process.stderr.write('\n');
  await host.dispose();
}

const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`\nFuzz of the browser host, seed ${report.seed}: ${report.calls} contract calls and ${report.files} policy files in ${seconds} s\n`);
console.log('| outcome | count |\n| --- | ---: |');
for (const [key, n] of Object.entries(report.outcomes).sort((a, b) => b[1] - a[1])) console.log(`| ${key} | ${n} |`);
console.log('\n| must be zero | count |\n| --- | ---: |');
const zeros = {
  'host crashes': report.crashes,
  hangs: report.hangs,
  'INTERNAL errors': report.internalErrors,
  'state changes by refused calls': report.refusedStateChanges,
  'requests dropped by closing the socket': report.droppedRequests,
};
for (const [key, n] of Object.entries(zeros)) console.log(`| ${key} | ${n} |`);
if (report.findings.length > 0) console.log(`\nFindings:\n${report.findings.map((f) => `- ${f}`).join('\n')}`);
process.exit(Object.values(zeros).some((n) => n > 0) ? 1 : 0);
