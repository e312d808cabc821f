// Builds the three Electron targets: main (ESM), preload (one CommonJS file, as a sandboxed
// preload requires) and the React renderer.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      lib: {
        entry: {
          index: resolve('electron/main/index.ts'),
          // The import worker is loaded by URL beside the bundle (see imports/convert-docx.ts).
          'convert-worker': resolve('electron/engine/imports/convert-worker.mjs'),
          // So is the library check's (see db/library-check.ts), and the letter layout's, built
          // from its TypeScript task (see letters/layout-pool.ts).
          'check-worker': resolve('electron/engine/db/check-worker.mjs'),
          'docx-worker': resolve('electron/engine/letters/docx-task.ts'),
        },
        formats: ['es'],
      },
      rolldownOptions: {
        output: {
          entryFileNames: (chunk) => (chunk.name.endsWith('-worker') ? '[name].mjs' : '[name].js'),
        },
      },
      // The engine and better-sqlite3 load at run time from node_modules: a native addon cannot be bundled.
      externalizeDeps: true,
    },
  },
  preload: {
    build: {
      lib: { entry: resolve('electron/preload/index.ts'), formats: ['cjs'] },
      // A sandboxed preload may only require electron: bundle everything else into it.
      externalizeDeps: false,
      rolldownOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve('renderer'),
    build: {
      outDir: resolve('out/renderer'),
      rolldownOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react()],
  },
});
