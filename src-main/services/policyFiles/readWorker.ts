import { parentPort } from 'node:worker_threads';
import { readPolicyFile } from './readPolicyFile';

/**
 * The worker that reads policy files for `PolicyFileReader` (`PolicyFileReader.ts`): one text in, its result out,
 * as many times as the reader asks. Built as its own entry (`out/main/policyFileWorker.js`).
 */
parentPort?.on('message', (source: unknown) => {
  parentPort?.postMessage(typeof source === 'string' ? readPolicyFile(source) : null);
});
