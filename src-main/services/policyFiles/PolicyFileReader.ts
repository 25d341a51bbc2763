import { createRequire } from 'node:module';
import path from 'node:path';
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
/** An idle worker is ended after this long: imports come in bursts (a person fixing a file), not all day. */
const IDLE_MS = 30_000;

/**
 * Reads policy files in a worker thread, so the main process keeps answering while one is parsed (seconds for
 * a large snapshot), and a file that would take too long or too much memory costs only the worker: it is ended
 * and the next file gets a new one. Reads queue one behind the other; the worker is kept for the next file
 * (starting one costs more than reading a small file) and ended when idle.
 */
export class PolicyFileReader {
  #worker: Worker | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  #idle: NodeJS.Timeout | null = null;

  constructor(private readonly options: OffThreadOptions = {}) {}

  read(source: string): Promise<ReadResult> {
    const next = this.#queue.then(() => this.#readNow(source));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the worker now (the app is closing). */
  close(): void {
    if (this.#idle) clearTimeout(this.#idle);
    void this.#worker?.terminate();
    this.#worker = null;
  }

  #readNow(source: string): Promise<ReadResult> {
    if (this.#idle) clearTimeout(this.#idle);
    const worker = (this.#worker ??= startWorker(this.options.script, this.options.maxHeapMb ?? DEFAULT_MAX_HEAP_MB));
    return new Promise<ReadResult>((resolve) => {
      let settled = false;
      const finish = (result: ReadResult, healthy: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (!healthy) {
          void worker.terminate();
          if (this.#worker === worker) this.#worker = null;
        } else {
          this.#idle = setTimeout(() => this.close(), IDLE_MS);
          this.#idle.unref();
        }
        resolve(result);
      };
      const onMessage = (result: ReadResult | null) => finish(result ?? unreadable(), result !== null);
      const onError = (error: Error & { code?: string }) => finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig() : unreadable(), false);
      const onExit = () => finish(unreadable(), false);
      const timer = setTimeout(() => finish(tooSlow(), false), this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(source);
    });
  }
}

function startWorker(script: string | undefined, maxHeapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: maxHeapMb };
  if (script) return new Worker(script, { resourceLimits });
  // From source: register tsx's ESM loader inside the worker, then load the TypeScript entry.
  // Paths from the string form of the module URL: jsdom (component tests) replaces the global `URL`.
  const entry = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'readWorker.ts')).href;
  const loader = tsxApiUrl();
  const bootstrap = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

/** tsx's ESM API (`tsx/esm/api`, its `import` export), found from its package like any dependency. */
function tsxApiUrl(): string {
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
  return pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href;
}

const tooSlow = () => refused('Reading the file took too long; it was stopped. Is it really a Gatehouse policy file?', '读取文件耗时过长，已停止。请确认这是 Gatehouse 策略文件。');
const tooBig = () => refused('The file needs more memory to read than a policy file ever does; it was not read', '读取该文件所需内存远超任何策略文件，未读取');
const unreadable = () => refused('The file could not be read', '无法读取该文件');

function refused(en: string, zh: string): ReadResult {
  return { ok: false, problems: [{ line: 0, column: 0, field: '', message: text(en, zh) }] };
}
