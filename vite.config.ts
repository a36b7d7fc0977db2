import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { textOnlyFontsPlugin } from './src/pdf/text-only-fonts.ts';

/**
 * pdf.js needs its CMaps (CJK fonts), standard fonts and wasm decoders at run time. They are
 * copied from the installed pdfjs-dist into public/pdfjs/ (git-ignored) whenever Vite starts,
 * so the app serves them from its own origin and never from a CDN.
 */
function pdfjsAssets(): Plugin {
  return {
    name: 'gouji-pdfjs-assets',
    config() {
      const require = createRequire(import.meta.url);
      const root = dirname(require.resolve('pdfjs-dist/package.json'));
      const target = join(import.meta.dirname, 'public', 'pdfjs');
      for (const dir of ['cmaps', 'standard_fonts', 'wasm', 'iccs']) {
        const to = join(target, dir);
        if (existsSync(join(root, dir)) && !existsSync(to)) {
          mkdirSync(to, { recursive: true });
          cpSync(join(root, dir), to, { recursive: true });
        }
      }
    },
  };
}

export default defineConfig({
  // Relative base: dist/ works from any sub-path of any static host.
  base: './',
  // pdf.js's worker code with the text-only fonts change (see src/pdf/text-only-fonts).
  plugins: [pdfjsAssets(), textOnlyFontsPlugin(), vue()],
  // Workers are bundled apart, with these plugins: the analysis worker runs pdf.js's worker code in its own thread.
  worker: { format: 'es', plugins: () => [textOnlyFontsPlugin()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
