/**
 * The browser PdfEnvironment used inside the analysis worker: the modern pdf.js build, with
 * pdf.js's own worker running in-thread ("fake worker") so no nested worker or CDN is involved,
 * and the cmaps / fonts / wasm served from the app's own `pdfjs/` folder (copied by vite.config).
 */
import type { PdfEnvironment, PdfJs } from '../pdf/load';

/** `pdfjs/` next to index.html, whatever sub-path the app is served from. */
export function pdfjsAssetBase(from: string): string {
  // Built workers live in `<base>/assets/`; in dev they are served from `<base>/src/worker/`.
  const url = new URL(from);
  const path = url.pathname;
  const i = path.lastIndexOf('/assets/');
  const j = path.lastIndexOf('/src/');
  const root = i >= 0 ? path.slice(0, i + 1) : j >= 0 ? path.slice(0, j + 1) : path.slice(0, path.lastIndexOf('/') + 1);
  return new URL(root + 'pdfjs/', url.origin).href;
}

export async function browserPdfEnvironment(base: string): Promise<PdfEnvironment> {
  const g = globalThis as { pdfjsWorker?: unknown };
  // Load the modules first: bundler helpers around dynamic imports may look for a real document.
  const workerModule = await import('pdfjs-dist/build/pdf.worker.mjs');
  const pdfjs = (await import('pdfjs-dist')) as unknown as PdfJs;
  if (!g.pdfjsWorker) g.pdfjsWorker = workerModule;
  return {
    pdfjs,
    cMapUrl: base + 'cmaps/',
    standardFontDataUrl: base + 'standard_fonts/',
    wasmUrl: base + 'wasm/',
    iccUrl: base + 'iccs/',
    // The (in-thread) pdf.js worker fetches cmaps/fonts/wasm itself with plain fetch().
    useWorkerFetch: true,
  };
}
