import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;
/**
 * src-main/common is pure (the layer rule holds it to itself and zod): importing one of its modules does nothing
 * but define its exports, so a bundle keeps only what it uses of a folder imported through its index.ts. Without
 * this, every top-level zod schema of the contract counts as a side effect and lands in the renderer.
 */
const pureCore = { moduleSideEffects: [{ test: /[\\/]src-main[\\/]common[\\/]/, sideEffects: false }] };

// The layout is not electron-vite's default (src/main, src/preload, src/renderer), so every entry is explicit.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        treeshake: pureCore,
        input: {
          // The Electron shell and the browser host share every service; both are built here.
          index: resolve(root, 'src-main/app/main.ts'),
          serve: resolve(root, 'src-main/host/serve.ts'),
          // Policy files are parsed in a worker thread (services/policyFiles/readOffThread.ts).
          policyFileWorker: resolve(root, 'src-main/services/policyFiles/readWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require(): bundle everything and emit CommonJS.
      externalizeDeps: false,
      rolldownOptions: {
        treeshake: pureCore,
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { treeshake: pureCore, input: { index: resolve(root, 'src-renderer/index.html') } },
    },
  },
});
