/**
 * Page side of the analysis worker: one worker per document, terminated when done or cancelled,
 * so a cancel stops the work at once and the page never waits on it.
 */
import type { Progress } from '../core/analyze';
import { REPORT_SCHEMA, type Report } from '../report/types';
import type { AnalyzeRequest, WarmRequest, WorkerMessage } from './protocol';

export interface AnalysisJob {
  result: Promise<Report>;
  cancel(): void;
}

export function cancelledReport(fileName: string): Report {
  return {
    schema: REPORT_SCHEMA,
    file: fileName,
    pages: 0,
    elapsedMs: 0,
    document: { title: '', department: '', year: null, kind: 'unknown' },
    tables: [],
    paragraphs: [],
    findings: [],
    unchecked: [],
    error: { code: 'cancelled', message: '已取消。', messageEn: 'Cancelled.' },
  };
}

function internalReport(fileName: string, detail: string): Report {
  return {
    ...cancelledReport(fileName),
    error: { code: 'internal', message: `处理时发生内部错误。（${detail}）`, messageEn: `An internal error occurred while processing. (${detail})` },
  };
}

function spawn(): Worker {
  return new Worker(new URL('../worker/analyze.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * One worker kept on standby with pdf.js already loaded, so a dropped file starts at once
 * (loading pdf.js into a fresh worker costs a few hundred milliseconds). It also makes the
 * first visit fetch everything an analysis needs, for offline use.
 */
let standby: Worker | null = null;

export function prepareWorker(assetBase = new URL('pdfjs/', document.baseURI).href): void {
  if (standby || typeof Worker === 'undefined') return;
  standby = spawn();
  standby.postMessage({ type: 'warm', assetBase } satisfies WarmRequest);
}

/** Starts a worker that only loads its modules (through the service worker, which caches them), then ends it. */
export function warmAnalysisWorker(assetBase = new URL('pdfjs/', document.baseURI).href): void {
  const worker = spawn();
  const done = () => worker.terminate();
  worker.onmessage = done;
  worker.onerror = done;
  worker.postMessage({ type: 'warm', assetBase } satisfies WarmRequest);
  setTimeout(done, 30_000);
}

function take(assetBase?: string): Worker {
  const w = standby ?? spawn();
  standby = null;
  // Have the next one ready for the next file.
  setTimeout(() => prepareWorker(assetBase), 0);
  return w;
}

export function analyzeInWorker(fileName: string, bytes: Uint8Array, onProgress: (p: Progress) => void, assetBase?: string, password?: string): AnalysisJob {
  const worker = take(assetBase);
  let settle: (r: Report) => void = () => {};
  const result = new Promise<Report>((resolve) => (settle = resolve));
  let done = false;
  const finish = (r: Report) => {
    if (done) return;
    done = true;
    worker.terminate();
    settle(r);
  };
  worker.onmessage = (ev: MessageEvent<WorkerMessage>) => {
    const m = ev.data;
    if (m.type === 'progress') onProgress(m.progress);
    else if (m.type === 'report') finish(m.report);
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    finish(internalReport(fileName, ev.message || 'worker error'));
  };
  const copy = bytes.slice().buffer;
  const req: AnalyzeRequest = { type: 'analyze', fileName, bytes: copy, assetBase, password };
  worker.postMessage(req, [copy]);
  return { result, cancel: () => finish(cancelledReport(fileName)) };
}
