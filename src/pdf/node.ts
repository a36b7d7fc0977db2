/** The Node environment for pdf.js: legacy build, assets read from pdfjs-dist on disk. */
import { restoreNativeBuiltins } from './native-builtins';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { PdfEnvironment, PdfJs } from './load';

// pdf.js runs its worker in this thread; loaded here (not lazily) so its polyfills come before the restore.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;
restoreNativeBuiltins();

export function nodePdfEnvironment(): PdfEnvironment {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  return {
    pdfjs: pdfjs as unknown as PdfJs,
    cMapUrl: join(root, 'cmaps') + '/',
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    wasmUrl: join(root, 'wasm') + '/',
    iccUrl: join(root, 'iccs') + '/',
  };
}
