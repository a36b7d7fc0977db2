/**
 * Builds the `gouji` command line to plain JavaScript in dist-cli/ (git-ignored): `npm run build:cli`,
 * also run by `prepare` (after `npm ci`, before `npm pack`). Node built-ins and every package
 * (pdfjs-dist, decimal.js, cli-progress …) stay external: they are loaded from node_modules at run time.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-cli',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    reportCompressedSize: false,
    rollupOptions: {
      // The worker thread's entry sits beside the main one: src/cli/pool.ts finds it next to itself.
      input: { gouji: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: { target: 'node' },
});
