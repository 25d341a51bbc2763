import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** A forced full GC, so heap readings are live data rather than garbage (works without --expose-gc). */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function collectGarbage(): void {
  gc();
  gc();
}

/** Live JS heap plus typed-array backing stores (which V8 keeps outside the heap), in MB. */
export function heapUsedMb(): number {
  collectGarbage();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 2 ** 20;
}

/** Peak resident set of the whole process so far (MB). */
export function maxRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export interface Timing {
  /** Best wall-clock time (ms). */
  best: number;
  median: number;
  /** Best CPU time of this process (ms, user + system): what the work costs when other jobs share the cores. */
  cpu: number;
  runs: number;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

/** Best and median wall time and best CPU time (ms) of `runs` calls. */
export function time<T>(runs: number, fn: () => T): Timing & { result: T } {
  const samples: number[] = [];
  const cpus: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
    cpus.push(cpuMs(cpu0));
  }
  samples.sort((a, b) => a - b);
  return { best: samples[0]!, median: samples[Math.floor(samples.length / 2)]!, cpu: Math.min(...cpus), runs, result };
}

/** Per-call time of a fast operation: repeat it in batches and keep the best batch average. */
export function timePerCall(batches: number, perBatch: number, fn: (i: number) => unknown): Timing {
  const samples: number[] = [];
  const cpus: number[] = [];
  let sink = 0;
  for (let b = 0; b < batches; b++) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < perBatch; i++) if (fn(b * perBatch + i)) sink++;
    samples.push((performance.now() - start) / perBatch);
    cpus.push(cpuMs(cpu0) / perBatch);
  }
  if (sink < 0) console.log(sink); // keep the calls observable
  samples.sort((a, b) => a - b);
  return { best: samples[0]!, median: samples[Math.floor(samples.length / 2)]!, cpu: Math.min(...cpus), runs: batches * perBatch };
}

/** Small deterministic PRNG (mulberry32) for sampling decisions. */
export function sampler(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** Wall and CPU time (ms) of one run of an async step (peer loads). */
export async function timeOnceAsync<T>(fn: () => Promise<T>): Promise<{ wall: number; cpu: number; result: T }> {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const result = await fn();
  return { wall: performance.now() - start, cpu: cpuMs(cpu0), result };
}

/** Wall and CPU time (ms) of one run. */
export function timeOnce<T>(fn: () => T): { wall: number; cpu: number; result: T } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const result = fn();
  return { wall: performance.now() - start, cpu: cpuMs(cpu0), result };
}

/** Process CPU time (ms) since `since`, for loops that stop on a time budget. */
export function cpuSince(since: NodeJS.CpuUsage): number {
  return cpuMs(since);
}
