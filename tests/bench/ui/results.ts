import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/** One console measurement; scripts/bench-ui.mjs prints them as a table with each size against the demo. */
export interface UiResult {
  size: string;
  people: number;
  measure: string;
  ms: number;
  /** Optional extra words (e.g. "median of 3"). */
  note?: string;
}

export const RESULTS_FILE = path.resolve(import.meta.dirname, '../../../test-results/bench-ui/results.jsonl');

export function record(result: UiResult): void {
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  appendFileSync(RESULTS_FILE, `${JSON.stringify(result)}\n`);
}

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
