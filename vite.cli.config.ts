/**
 * Builds the `gouji` command line to plain JavaScript in dist-cli/ (git-ignored): `npm run build:cli`,
 * also run by `prepare` (after `npm ci`, before `npm pack`). Node built-ins and every package
 * (pdfjs-dist, decimal.js, cli-progress …) stay external: they are loaded from node_modules at run
 * time — but pdf.js's worker module, built in with the app's change to it (src/pdf/text-only-fonts:
 * the CLI only reads, so it leaves unparsed the font programs its text does not depend on).
 */
import { defineConfig } from 'vite';
import { textOnlyFontsPlugin } from './src/pdf/text-only-fonts.ts';

export default defineConfig({
  publicDir: false,
  plugins: [textOnlyFontsPlugin()],
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
      // pdfjs-dist stays external but for its worker module (see above).
      external: (id) => /^pdfjs-dist(?:\/|$)/.test(id) && !/pdf\.worker\.mjs$/.test(id),
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
    },
  },
  ssr: { target: 'node', noExternal: ['pdfjs-dist'] },
});
