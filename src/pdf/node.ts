/** The Node environment for pdf.js: legacy build, assets read from pdfjs-dist on disk. */
import { restoreNativeBuiltins } from './native-builtins';
import { useStandInFontFace } from './fonts';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfEnvironment, PdfJs } from './load';

// pdf.js is imported here, after native-builtins has kept the native built-ins: a static import
// would be hoisted above that module once bundled (dist-cli keeps pdfjs-dist external, and a
// chunk's external imports run before any of its own code), leaving pdf.js's polyfills in place
// for the whole process. pdf.js runs its worker in this thread; its module is loaded with it so
// its polyfills also come before the restore.
const [pdfjs, pdfjsWorker] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('pdfjs-dist/legacy/build/pdf.worker.mjs')]);
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;
restoreNativeBuiltins();
// pdf.js inflates a Flate stream through DecompressionStream where there is one. Node's is web
// streams over node:zlib: a dozen promises and stream objects a stream, which cost more than the
// inflating (generated 200-page document: 5.1 → 4.0 s CPU warm; the largest real disclosure
// 1.8 → 1.3 s). Without it pdf.js inflates in its own code — the same bytes (and the path it
// takes anyway whenever DecompressionStream fails). Nothing else in the CLI uses it.
delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
// Node draws no text with pdf.js's fonts (the CLI, the tests, the benchmark only read).
if (typeof (globalThis as { FontFace?: unknown }).FontFace === 'undefined') useStandInFontFace();

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
