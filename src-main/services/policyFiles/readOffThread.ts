import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadResult } from './readPolicyFile';
import { text } from './problemText';

export interface OffThreadOptions {
  /**
   * The built worker (`out/main/policyFileWorker.js`, from `runtimePaths`). Absent when running from source
   * (tests, `tsx`): the TypeScript entry is started through tsx's loader, a devDependency.
   */
  script?: string;
  /** A read still running after this long is stopped and the file refused. */
  timeoutMs?: number;
  /** Heap for the worker: a file that needs more is refused, the app's own heap is untouched. */
  maxHeapMb?: number;
}

/** A 20,000-person snapshot (5.5 MB) reads in 3–6 s on a loaded 2-core machine; four times that is a hang. */
const DEFAULT_TIMEOUT_MS = 60_000;
/** The 6 MB limit of the contract parses into a few hundred MB of YAML nodes at most. */
const DEFAULT_MAX_HEAP_MB = 1_024;

/**
 * Reads a policy file in a worker thread, so the main process keeps answering while it parses (seconds for a
 * large snapshot), and a file that would take too long or too much memory costs only the worker. One worker per
 * file: imports are rare and a fresh worker holds nothing from an earlier file.
 */
export function readOffThread(source: string, options: OffThreadOptions = {}): Promise<ReadResult> {
  const worker = startWorker(options.script, options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB);
  return new Promise<ReadResult>((resolve) => {
    let settled = false;
    const finish = (result: ReadResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish(refused(
      'Reading the file took too long; it was stopped. Is it really a Gatehouse policy file?',
      '读取文件耗时过长，已停止。请确认这是 Gatehouse 策略文件。',
    )), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    worker.once('message', (result: ReadResult | null) => finish(result ?? refused('The file could not be read', '无法读取该文件')));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? refused('The file needs more memory to read than a policy file ever does; it was not read', '读取该文件所需内存远超任何策略文件，未读取')
        : refused('The file could not be read', '无法读取该文件')),
    );
    worker.once('exit', () => finish(refused('The file could not be read', '无法读取该文件')));
    worker.postMessage(source);
  });
}

function startWorker(script: string | undefined, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  if (script) return new Worker(script, { resourceLimits });
  // From source: register tsx's ESM loader inside the worker, then load the TypeScript entry.
  const entry = pathToFileURL(fileURLToPath(new URL('./readWorker.ts', import.meta.url))).href;
  const loader = tsxApiUrl();
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

/** tsx's ESM API (`tsx/esm/api`, its `import` export), found from its package like any dependency. */
function tsxApiUrl(): string {
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

function refused(en: string, zh: string): ReadResult {
  return { ok: false, problems: [{ line: 0, column: 0, field: '', message: text(en, zh) }] };
}
