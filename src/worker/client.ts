/**
 * Page side of the analysis workers. A document is read page-parallel: N workers (from
 * `navigator.hardwareConcurrency`, 2 to 6) each open the same bytes, and this side hands out page
 * numbers from one queue, each page to one worker only, a few at a time so no worker waits;
 * worker 0 also assembles (see `analyze.worker.ts`). Page layouts go from worker to worker over
 * MessageChannels, so the main thread only sees small messages (page n read, findings, report).
 * Cancel terminates every worker of the job. Without Web Workers, the core runs on the page.
 */
import type { Progress } from '../core/analyze';
import { REPORT_SCHEMA, type Finding, type Report, type ReportError } from '../report/types';
import { PageRuns } from '../core/page-runs';
import type { AnalyzeRequest, OpenRequest, ReadRequest, RestRequest, WarmRequest, WorkerMessage } from './protocol';

export interface AnalysisJob {
  result: Promise<Report>;
  cancel(): void;
}

export interface AnalysisOptions {
  /** For an encrypted PDF: the password the reviewer typed. */
  password?: string;
  /** Findings that nothing later can change, as soon as they are known (see `core/stream.ts`). */
  onFindings?: (findings: Finding[]) => void;
  /** How many workers read pages (default from the machine: 2 to 6). */
  workers?: number;
  /** Once, when a worker has read its last page and no page is left for it: a core is free from then on. */
  onCoreFree?: () => void;
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

function failedReport(fileName: string, error: ReportError): Report {
  return { ...cancelledReport(fileName), error };
}

/** Workers reading one document: the machine's cores, at least 2, at most 6. */
export function poolSize(): number {
  // A benchmark may set the count (bench/e2e.ts, BENCH_WORKERS).
  const forced = (globalThis as { goujiAnalysisWorkers?: number }).goujiAnalysisWorkers;
  if (forced && forced >= 1) return Math.floor(forced);
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.min(6, Math.max(2, cores));
}

/** Performance marks (gouji:opened, gouji:pages-read, gouji:report) for the benchmark's timeline. */
const mark = (name: string) => performance.mark?.(`gouji:${name}`);

/** After a job, the standby workers for the next file are started this much later (ms)… */
const STANDBY_DELAY_MS = 2000;
/** …and only once the reviewer has not scrolled, pointed or typed for this long (ms). */
const STANDBY_QUIET_MS = 1000;

/**
 * When the reviewer last scrolled, wheeled, pointed or typed. Loading pdf.js into the standby
 * workers takes a core for a while: while the reviewer scrolls the new report's pages it would
 * take that core from the drawing and make the scroll stutter.
 */
let lastInput = 0;
if (typeof window !== 'undefined' && typeof window.addEventListener === 'function') {
  // Capture: a scroll of an element does not bubble, but passes the window on its way down.
  for (const type of ['scroll', 'wheel', 'pointerdown', 'keydown']) {
    window.addEventListener(
      type,
      () => {
        lastInput = performance.now();
        // A click draws nothing (it may be the reviewer choosing a file: let the practice go on).
        if (type !== 'pointerdown') restStandby();
      },
      { capture: true, passive: true },
    );
  }
}
function whenQuiet(run: () => void): void {
  const wait = lastInput + STANDBY_QUIET_MS - performance.now();
  if (wait > 0) setTimeout(() => whenQuiet(run), wait);
  else run();
}

/** Pages handed to a worker ahead of time, so it never waits for the next number. */
const AHEAD = 2;

function spawn(): Worker {
  return new Worker(new URL('../worker/analyze.worker.ts', import.meta.url), { type: 'module', name: 'gouji-analysis' });
}

/**
 * Workers kept on standby with pdf.js already loaded, so a dropped file starts at once (loading
 * pdf.js into a fresh worker costs a few hundred milliseconds). They also make the first visit
 * fetch everything an analysis needs, for offline use.
 */
const standby: Worker[] = [];
/** Standby workers that finished their practice run's first round, and who waits for all of them to. */
let practised = 0;
const onStandbyPractised: (() => void)[] = [];
/**
 * What the standby workers and the drawing side practise on: the sample printed in the fonts most
 * real disclosures use, CID TrueType (`npm run generate -- --practice`); the sample itself is in
 * Type 3 fonts, which leave pdf.js's font code cold.
 */
export const PRACTICE_DOCUMENT = 'practice.pdf';
/** How many times each standby worker reads the practice document while idle (see WarmRequest.rounds). */
const PRACTICE_ROUNDS = 3;
/** Whether the standby workers were told to start no further practice round. */
let standbyRested = true;

/** The reviewer scrolls or types: the standby workers read the practice document no further than once (the cores draw the pages). */
function restStandby(): void {
  if (standbyRested) return;
  standbyRested = true;
  for (const w of standby) w.postMessage({ type: 'rest' } satisfies RestRequest);
}

/** Once the first standby workers have all read the practice document once: for the drawing side's own practice. */
export function whenStandbyPractised(run: () => void): void {
  if (practised >= poolSize()) run();
  else onStandbyPractised.push(run);
}
let standbyBase: string | undefined;

export function prepareWorker(assetBase = new URL('pdfjs/', document.baseURI).href): void {
  if (typeof Worker === 'undefined') return;
  standbyBase = assetBase;
  // Not while a document is being read: loading pdf.js and practising would take its cores (a file
  // dropped at once, before the page's first standby workers, or a second job). The job that ends
  // last prepares them.
  if (activeJobs > 0) return;
  while (standby.length < poolSize()) {
    const w = spawn();
    // Until a job takes it (and sets its own handler): the practice rounds' ends, for the benchmark and tests.
    w.onmessage = (ev: MessageEvent<WorkerMessage>) => {
      if (ev.data.type !== 'practised') return;
      if (ev.data.round > 0) {
        mark('practice-round');
        return;
      }
      mark('practised');
      if (++practised === poolSize()) for (const f of onStandbyPractised.splice(0)) f();
    };
    // A job takes its workers in this order, the first as its assembler (see analyzeInWorker).
    w.postMessage({ type: 'warm', assetBase, practice: new URL(PRACTICE_DOCUMENT, document.baseURI).href, assembles: standby.length === 0, rounds: PRACTICE_ROUNDS } satisfies WarmRequest);
    standby.push(w);
    standbyRested = false;
  }
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

function take(count: number, assetBase?: string): Worker[] {
  const out = standby.splice(0, count);
  while (out.length < count) out.push(spawn());
  return out;
}

/** Jobs started and not yet settled. */
let activeJobs = 0;

/** A job's one report: the first `finish` ends every worker of the job and settles `result`. */
function settleOnce(workers: Worker[], assetBase?: string) {
  let settle: (r: Report) => void = () => {};
  const result = new Promise<Report>((resolve) => (settle = resolve));
  let done = false;
  activeJobs++;
  const finish = (r: Report) => {
    if (done) return;
    done = true;
    activeJobs--;
    for (const w of workers) w.terminate();
    settle(r);
    // Ready for the next file; not earlier, so loading them does not slow this one, nor the
    // drawing of its first pages just after the report (loading pdf.js takes a core for a while).
    setTimeout(() => whenQuiet(() => prepareWorker(assetBase ?? standbyBase)), STANDBY_DELAY_MS);
  };
  return { result, finish, isDone: () => done };
}

export function analyzeInWorker(
  fileName: string,
  bytes: Uint8Array,
  onProgress: (p: Progress) => void,
  assetBase?: string,
  options: AnalysisOptions = {},
): AnalysisJob {
  if (typeof Worker === 'undefined') return analyzeOnPage(fileName, bytes, onProgress, assetBase, options);
  const started = Date.now();
  const workers = take(options.workers ?? poolSize(), assetBase);
  const { result, finish, isDone } = settleOnce(workers, assetBase);

  // The shared page queue: each number handed out once, in runs (see PageRuns).
  let numPages = 0;
  let queue: PageRuns | null = null;
  let pagesRead = 0;
  let tables = 0;
  let tablesChecked = 0;
  let textPages = 0;
  const inFlight = new Map<Worker, number>();
  let coreFreed = false;
  const handOut = (w: Worker) => {
    const pages: number[] = [];
    const i = workers.indexOf(w);
    for (let n: number | null; (inFlight.get(w) ?? 0) + pages.length < AHEAD && (n = queue!.take(i)) !== null; ) pages.push(n);
    if (!pages.length) {
      if (!coreFreed && !inFlight.get(w)) {
        coreFreed = true;
        options.onCoreFree?.();
      }
      return;
    }
    inFlight.set(w, (inFlight.get(w) ?? 0) + pages.length);
    w.postMessage({ type: 'read', pages } satisfies ReadRequest);
  };
  const partTables: Report['tables'] = [];
  const partParagraphs: Report['paragraphs'] = [];
  const progress = (stage: Progress['stage']) => onProgress({ stage, page: pagesRead, pages: numPages, tables, tablesChecked, textPages });

  onProgress({ stage: 'open', page: 0, pages: 0 });
  workers.forEach((w, i) => {
    w.onmessage = (ev: MessageEvent<WorkerMessage>) => {
      if (isDone()) return; // a message already queued when the job ended
      const m = ev.data;
      switch (m.type) {
        case 'opened':
          if (!numPages) mark('opened');
          numPages = m.numPages;
          queue ??= new PageRuns(numPages, workers.length);
          handOut(w);
          break;
        case 'failed':
          finish(failedReport(fileName, m.error));
          break;
        case 'page-read':
          inFlight.set(w, (inFlight.get(w) ?? 1) - 1);
          pagesRead++;
          tables += m.tables;
          if (m.text) textPages++;
          if (pagesRead === numPages) mark('pages-read');
          handOut(w);
          progress('extract');
          break;
        case 'findings':
          tablesChecked = m.tablesChecked;
          if (m.findings.length) options.onFindings?.(m.findings);
          progress(pagesRead < numPages ? 'extract' : 'check');
          break;
        case 'progress':
          // The assembler's own stages (layout, check, done) once every page is in.
          if (i === 0 && m.progress.stage !== 'open') onProgress({ ...m.progress, tablesChecked: m.progress.tablesChecked ?? tablesChecked, textPages });
          break;
        case 'report-part':
          if (m.tables) for (const t of m.tables) partTables.push(t);
          if (m.paragraphs) for (const p of m.paragraphs) partParagraphs.push(p);
          break;
        case 'report':
          mark('report');
          finish(partTables.length || partParagraphs.length ? { ...m.report, tables: partTables, paragraphs: partParagraphs } : m.report);
          break;
      }
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      finish(internalReport(fileName, ev.message || 'worker error'));
    };
  });
  // Readers send their pages' layouts straight to the assembler.
  const readers = workers.slice(1).map(() => new MessageChannel());
  workers.forEach((w, i) => {
    const copy = bytes.slice().buffer;
    const req: OpenRequest = { type: 'open', fileName, bytes: copy, assetBase, password: options.password, started };
    if (i === 0) {
      req.readers = readers.map((c) => c.port2);
      w.postMessage(req, [copy, ...req.readers]);
    } else {
      req.assembler = readers[i - 1].port1;
      w.postMessage(req, [copy, req.assembler]);
    }
  });
  return { result, cancel: () => finish(cancelledReport(fileName)) };
}

/** One worker runs the whole `analyzePdf` (kept for tools and as the simplest path). */
export function analyzeInOneWorker(fileName: string, bytes: Uint8Array, onProgress: (p: Progress) => void, assetBase?: string, password?: string): AnalysisJob {
  const [worker] = take(1, assetBase);
  const { result, finish } = settleOnce([worker], assetBase);
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

/** No Web Workers (an old or locked-down browser): the core on the page itself, cancellable between pages. */
function analyzeOnPage(fileName: string, bytes: Uint8Array, onProgress: (p: Progress) => void, assetBase: string | undefined, options: AnalysisOptions): AnalysisJob {
  const controller = new AbortController();
  const result = (async () => {
    const [{ analyzePdf }, { browserPdfEnvironment }] = await Promise.all([import('../core/analyze'), import('./env')]);
    const env = await browserPdfEnvironment(assetBase ?? new URL('pdfjs/', document.baseURI).href);
    return analyzePdf(bytes, { fileName, env, onProgress, signal: controller.signal, password: options.password });
  })();
  return {
    result: result.then((r) => (controller.signal.aborted ? cancelledReport(fileName) : r)),
    cancel: () => controller.abort(),
  };
}
