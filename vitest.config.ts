import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/component/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Renderer component tests opt into jsdom with a `// @vitest-environment jsdom` docblock.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
