/**
 * pdf.js on the page, for drawing pages only (analysis happens in the worker). pdf.js's own
 * worker is bundled by Vite and started from the app's origin; assets come from `pdfjs/`.
 */
import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import pdfjsWorkerUrl from 'pdfjs-dist/build/pdf.worker.mjs?worker&url';
import { passwordFor } from './passwords';

function ensureWorkerSrc(): void {
  if (!pdfjs.GlobalWorkerOptions.workerSrc) pdfjs.GlobalWorkerOptions.workerSrc = new URL(pdfjsWorkerUrl, document.baseURI).href;
}

/**
 * One pdf.js worker draws every document, started ahead of time (`warmDisplay`), so the pages of a
 * finished analysis do not wait for a worker to load. Handed to getDocument explicitly, it is not
 * the document's own: destroying a document leaves it running for the next one.
 */
let displayWorker: InstanceType<typeof pdfjs.PDFWorker> | null = null;
function sharedWorker(): InstanceType<typeof pdfjs.PDFWorker> {
  ensureWorkerSrc();
  if (!displayWorker || displayWorker.destroyed) displayWorker = new pdfjs.PDFWorker();
  return displayWorker;
}

/** Starts the drawing worker (pdf.js loaded) while the reviewer waits; the service worker caches its script for offline use. */
export function warmDisplay(): void {
  sharedWorker();
}

export interface PageSize {
  width: number;
  height: number;
}

/**
 * Opens the document for drawing; an encrypted one with the password the reviewer gave for these
 * bytes. The document prepared for these bytes (`prepareDisplay`), if any, is handed over instead:
 * the caller then owns it.
 */
export async function openForDisplay(bytes: Uint8Array, password: string | undefined = passwordFor(bytes)): Promise<PDFDocumentProxy> {
  if (prepared?.bytes === bytes && prepared.password === password) {
    const { ready } = prepared;
    prepared = null;
    try {
      return await ready;
    } catch {
      // Opened again below, so the reviewer sees the error the usual way.
    }
  }
  return openNow(bytes, password);
}

function openNow(bytes: Uint8Array, password: string | undefined, practice = false): Promise<PDFDocumentProxy> {
  if (!practice) stopPractice();
  const base = new URL('pdfjs/', document.baseURI).href;
  return pdfjs.getDocument({
    data: bytes.slice(),
    worker: sharedWorker(),
    password,
    cMapUrl: base + 'cmaps/',
    cMapPacked: true,
    standardFontDataUrl: base + 'standard_fonts/',
    wasmUrl: base + 'wasm/',
    iccUrl: base + 'iccs/',
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}

/** Set once a real document is on its way (analysed, or opened for drawing): the practice run stops at its next page. */
let practiceOver = false;

/** A document is being analysed or drawn: the practice run, if any, stops at its next page (it would take a core from it). */
export function stopPractice(): void {
  practiceOver = true;
}

/**
 * The drawing side's practice run, as the analysis workers' (see `practise` in analyze.worker.ts):
 * the practice document's first pages (`url`) drawn onto a canvas no one sees while the reviewer
 * chooses a file, so the first page of the first document is drawn by warm code (pdf.js's drawing
 * worker and its canvas code on this page). Stops at the next page once a real document is opened.
 */
export async function practiseDisplay(url: string, pages = 2): Promise<void> {
  if (practiceOver) return;
  try {
    const response = await fetch(url);
    if (!response.ok || practiceOver) return;
    const doc = await openNow(new Uint8Array(await response.arrayBuffer()), undefined, true);
    try {
      for (let n = 1; n <= Math.min(pages, doc.numPages) && !practiceOver; n++) {
        const canvas = document.createElement('canvas');
        await renderPage(await doc.getPage(n), canvas, 1.5).promise;
        canvas.width = canvas.height = 0;
      }
      if (!practiceOver) performance.mark?.('gouji:display-practised');
    } finally {
      void doc.destroy();
    }
  } catch {
    // Practice only.
  }
}

/** Page sizes worked out while the document was prepared. */
const preparedSizes = new WeakMap<PDFDocumentProxy, Promise<PageSize[]>>();

/** Displayed size (rotation applied) of every page at scale 1, in points: all pages asked at once, not one round trip after another. */
export async function pageSizes(doc: PDFDocumentProxy): Promise<PageSize[]> {
  return preparedSizes.get(doc) ?? measurePages(doc);
}

async function measurePages(doc: PDFDocumentProxy): Promise<PageSize[]> {
  const pages = await Promise.all(Array.from({ length: doc.numPages }, (_, i) => doc.getPage(i + 1)));
  return pages.map((p) => {
    const vp = p.getViewport({ scale: 1 });
    return { width: vp.width, height: vp.height };
  });
}

/** A document opened for drawing ahead of its report, with its page sizes (see `prepareDisplay`). */
let prepared: { bytes: Uint8Array; password: string | undefined; ready: Promise<PDFDocumentProxy> } | null = null;

/**
 * Opens these bytes for drawing now, with every page's size, while the analysis finishes (its last
 * pages and the checks keep one core busy, not two): the pages are then shown at once, before the
 * report (see showPages in stores/documents). One document is prepared at a time.
 */
export function prepareDisplay(bytes: Uint8Array, password: string | undefined = passwordFor(bytes)): void {
  if (prepared?.bytes === bytes) return;
  discardDisplay();
  const ready = (async () => {
    const doc = await openNow(bytes, password);
    const sizes = measurePages(doc);
    preparedSizes.set(doc, sizes);
    await sizes;
    return doc;
  })();
  ready.catch(() => undefined);
  prepared = { bytes, password, ready };
}

/** Drops the prepared document (these bytes', or any) unless it was taken: an analysis that failed or was cancelled shows no pages. */
export function discardDisplay(bytes?: Uint8Array): void {
  if (!prepared || (bytes && prepared.bytes !== bytes)) return;
  const { ready } = prepared;
  prepared = null;
  void ready.then((doc) => doc.destroy(), () => undefined);
}

export interface RenderHandle {
  promise: Promise<void>;
  cancel(): void;
}

export function renderPage(page: PDFPageProxy, canvas: HTMLCanvasElement, scale: number): RenderHandle {
  const ratio = Math.min(window.devicePixelRatio || 1, 2);
  const vp = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.floor(vp.width);
  canvas.height = Math.floor(vp.height);
  const task = page.render({ canvas, viewport: vp });
  return { promise: task.promise, cancel: () => task.cancel() };
}

/** A PNG crop (data: URL) of a region of a page, in displayed points at scale 1. */
export async function cropPage(
  page: PDFPageProxy,
  region: [number, number, number, number],
  scale = 2,
  marks: { bbox: [number, number, number, number]; primary: boolean }[] = [],
): Promise<string> {
  const vp = page.getViewport({ scale });
  const full = document.createElement('canvas');
  full.width = Math.floor(vp.width);
  full.height = Math.floor(vp.height);
  await page.render({ canvas: full, viewport: vp }).promise;
  const g = full.getContext('2d')!;
  for (const m of marks) {
    g.save();
    g.strokeStyle = '#d93025';
    g.lineWidth = m.primary ? 3 : 2;
    if (!m.primary) g.setLineDash([6, 4]);
    const [a, b, c, d] = m.bbox.map((v) => v * scale);
    g.strokeRect(a - 2, b - 2, c - a + 4, d - b + 4);
    g.restore();
  }
  const [x0, y0, x1, y1] = region.map((v) => Math.max(0, v * scale));
  const w = Math.max(1, Math.min(full.width, x1) - x0);
  const h = Math.max(1, Math.min(full.height, y1) - y0);
  const out = document.createElement('canvas');
  out.width = Math.floor(w);
  out.height = Math.floor(h);
  out.getContext('2d')!.drawImage(full, x0, y0, w, h, 0, 0, w, h);
  return out.toDataURL('image/png');
}
