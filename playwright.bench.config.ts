import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run bench:ui` only: the console's timing runs, kept out of the functional gate (`npm test`).
export default defineConfig({
  ...base,
  testDir: 'tests/bench/ui',
  testMatch: '**/*.bench.ts',
  outputDir: 'test-results/bench-ui/artifacts',
  reporter: [['list']],
  timeout: 900_000,
});
