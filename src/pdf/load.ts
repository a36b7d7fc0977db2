/**
 * Opening a PDF with pdf.js, the same way in the browser worker and in Node.
 * The pdf.js module itself is injected: the browser uses the modern build, Node the legacy one.
 */
import type * as PdfJsModule from 'pdfjs-dist';
import type { PDFDocumentProxy, PDFWorker } from 'pdfjs-dist';
import { GoujiError } from '../core/errors';
import { fontsStandIn, STAND_IN_FONT_DOCUMENT } from './fonts';
import { InThreadPort } from './in-thread-port';

export type PdfJs = typeof PdfJsModule;

export interface PdfEnvironment {
  pdfjs: PdfJs;
  /** Folder (URL in the browser, path in Node) holding pdf.js's bcmaps, ending with '/'. */
  cMapUrl: string;
  standardFontDataUrl: string;
  wasmUrl: string;
  iccUrl?: string;
  /**
   * Let pdf.js's worker fetch the assets itself. pdf.js decides this from `document.baseURI`,
   * which a Web Worker lacks, so the browser worker says so explicitly.
   */
  useWorkerFetch?: boolean;
}

/** 200 MB: beyond this a browser tab would struggle; say so instead of trying. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

export function sniffPdf(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new GoujiError('empty');
  if (bytes.length > MAX_FILE_BYTES) throw new GoujiError('too-large', `${(bytes.length / 1048576).toFixed(0)} MB`);
  // The header may be preceded by junk; readers accept it within the first 1024 bytes.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(1024, bytes.length)));
  if (!head.includes('%PDF-')) throw new GoujiError('not-pdf');
}

/** pdf.js's worker module, where it is loaded into this realm to run in this thread (pdf/node, worker/env). */
interface WorkerModuleHere {
  WorkerMessageHandler?: { initializeFromPort?(port: unknown): void };
}

let workerHere: { pdfjs: PdfJs; worker: PDFWorker } | null = null;

/**
 * The pdf.js worker of this thread, on a port that does not copy its messages (see
 * in-thread-port), when pdf.js's worker module is loaded here; else undefined (pdf.js then
 * chooses). One for every document this thread opens: pdf.js keeps documents apart by id.
 */
function workerInThisThread(pdfjs: PdfJs): PDFWorker | undefined {
  const handler = (globalThis as { pdfjsWorker?: WorkerModuleHere }).pdfjsWorker?.WorkerMessageHandler;
  if (!handler?.initializeFromPort) return undefined;
  if (workerHere?.pdfjs !== pdfjs) {
    const port = new InThreadPort();
    // pdf.js types `port` as null (its JSDoc says Worker); any object with a Worker's messaging will do.
    const worker = new pdfjs.PDFWorker({ port: port as never, verbosity: 0 });
    handler.initializeFromPort(port);
    workerHere = { pdfjs, worker };
  }
  return workerHere.worker;
}

/**
 * Opens the document. An encrypted file without `password` fails with `encrypted` (the caller may
 * ask the reviewer for one and try again); with a wrong `password`, with `wrong-password`.
 */
export async function openPdf(bytes: Uint8Array, env: PdfEnvironment, password?: string): Promise<PDFDocumentProxy> {
  sniffPdf(bytes);
  const task = env.pdfjs.getDocument({
    // pdf.js transfers (detaches) the buffer it is given; keep the caller's copy intact.
    data: bytes.slice(),
    worker: workerInThisThread(env.pdfjs),
    cMapUrl: env.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: env.standardFontDataUrl,
    wasmUrl: env.wasmUrl,
    iccUrl: env.iccUrl,
    useWorkerFetch: env.useWorkerFetch,
    isEvalSupported: false,
    // Where FontFace is the stand-in (Node, an analysis worker), fonts "load" into it and pdf.js
    // builds no glyph outlines; elsewhere (analysis on the page itself) the real fonts are left alone.
    ...(fontsStandIn() ? { disableFontFace: false, ownerDocument: STAND_IN_FONT_DOCUMENT as unknown as Document } : { disableFontFace: true }),
    useSystemFonts: false,
    stopAtErrors: false,
    // Analysis never looks at images (ruling lines are paths, text is text): every image is
    // left out of the operator list instead of decoded (JPEG/JBIG2/Flate pixels, colour
    // conversion). The pages shown to the reviewer are drawn by another pdf.js (ui/pdf/display).
    maxImageSize: 0,
    verbosity: 0,
    password,
  });
  let askedAgain = false;
  // pdf.js calls this first with NEED_PASSWORD (1), then with INCORRECT_PASSWORD (2) after a wrong one.
  task.onPassword = (_update: unknown, reason: number) => {
    askedAgain = password !== undefined || reason === 2;
    void task.destroy();
  };
  try {
    return await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') throw new GoujiError(password !== undefined ? 'wrong-password' : 'encrypted');
    if (name === 'InvalidPDFException' || name === 'MissingPDFException' || name === 'FormatError') {
      throw new GoujiError('damaged', String((e as Error).message ?? e));
    }
    // destroy() after onPassword rejects the promise with a generic error.
    if (/destroyed|password/i.test(String((e as Error)?.message ?? e))) throw new GoujiError(askedAgain ? 'wrong-password' : 'encrypted');
    throw new GoujiError('damaged', String((e as Error)?.message ?? e));
  }
}
