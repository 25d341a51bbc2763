import { parentPort } from 'node:worker_threads';
import { readPolicyFile } from './readPolicyFile';

/**
 * The worker that reads policy files (`readOffThread.ts` starts one per file). It reads one text and answers
 * with the result; the parent ends it. Built as its own entry (`out/main/policyFileWorker.js`).
 */
parentPort?.once('message', (source: unknown) => {
  parentPort?.postMessage(typeof source === 'string' ? readPolicyFile(source) : null);
});
