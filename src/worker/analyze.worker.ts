/// <reference lib="webworker" />
/**
 * An analysis worker: the seam between the page and the core.
 *
 * Page-parallel (`open` then `read`): several of these open the same bytes; the page hands each
 * one page numbers; a reader lays its pages out and sends them to the assembler (worker 0, which
 * reads pages too); the assembler streams the findings nothing later can change, and once every
 * page is in, joins the document, checks it and posts the report.
 * Single-worker (`analyze`): the whole `analyzePdf` here. Cancelling = the page terminating us.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { analyzePdf, assembleReport, readPageLayout, type PageOutcome } from '../core/analyze';
import { toGoujiError } from '../core/errors';
import { StreamingChecker } from '../core/stream';
import { useStandInFontFace } from '../pdf/fonts';
import { openPdf, type PdfEnvironment } from '../pdf/load';
import { errorReport } from '../report/build';
import type { Report } from '../report/types';
import { browserPdfEnvironment, pdfjsAssetBase } from './env';
import type { OpenRequest, OutcomeMessage, PageRequest, WorkerMessage } from './protocol';

// This worker only reads: pdf.js's fonts go to a FontFace that loads nothing, and pdf.js builds
// no glyph outlines (see pdf/fonts). The pages on screen are drawn by the page's own pdf.js.
useStandInFontFace();

const post = (m: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
const envFor = (assetBase?: string) => browserPdfEnvironment(assetBase ?? pdfjsAssetBase(self.location.href));

let env: PdfEnvironment | null = null;
let doc: PDFDocumentProxy | null = null;
/** Page numbers handed to us before the document was open. */
const waiting: number[] = [];
let reading = false;
let deliver: (o: PageOutcome) => void = () => {};

async function open(req: OpenRequest): Promise<void> {
  env = await envFor(req.assetBase);
  try {
    doc = await openPdf(new Uint8Array(req.bytes), env, req.password);
  } catch (e) {
    post({ type: 'failed', error: toGoujiError(e).toReportError() });
    return;
  }
  const numPages = doc.numPages;
  if (req.assembler) {
    const port = req.assembler;
    deliver = (outcome) => port.postMessage({ type: 'outcome', outcome } satisfies OutcomeMessage);
  } else {
    const checker = new StreamingChecker(numPages, ({ findings, tablesChecked }) => post({ type: 'findings', findings, tablesChecked }));
    let count = 0;
    deliver = (outcome) => {
      checker.add(outcome);
      if (++count < numPages) return;
      let report;
      try {
        report = assembleReport(req.fileName, numPages, checker.all(), req.started, (progress) => post({ type: 'progress', progress }), { layout: checker.layout(), cache: checker.cache });
      } catch (e) {
        report = errorReport(req.fileName, toGoujiError(e), Date.now() - req.started);
      }
      postReport(report);
      void doc?.destroy();
    };
    for (const port of req.readers ?? []) port.onmessage = (ev: MessageEvent<OutcomeMessage>) => deliver(ev.data.outcome);
  }
  post({ type: 'opened', numPages });
  void readWaiting();
}

/** Cells (and paragraphs) per message: the page reads each message in well under 50 ms. */
const CELLS_PER_PART = 3000;
const PARAGRAPHS_PER_PART = 400;

/** Posts a report in slices (tables, paragraphs), then the rest, so no message is long to read. */
function postReport(report: Report): void {
  let part: Report['tables'] = [];
  let cells = 0;
  for (const t of report.tables) {
    part.push(t);
    cells += t.rows.length * (t.rows[0]?.length ?? 0);
    if (cells >= CELLS_PER_PART) {
      post({ type: 'report-part', tables: part });
      part = [];
      cells = 0;
    }
  }
  if (part.length) post({ type: 'report-part', tables: part });
  for (let i = 0; i < report.paragraphs.length; i += PARAGRAPHS_PER_PART) post({ type: 'report-part', paragraphs: report.paragraphs.slice(i, i + PARAGRAPHS_PER_PART) });
  post({ type: 'report', report: { ...report, tables: [], paragraphs: [] } });
}

async function readWaiting(): Promise<void> {
  if (reading || !doc || !env) return;
  reading = true;
  while (waiting.length) {
    const n = waiting.shift()!;
    const outcome = await readPageLayout(doc, n, env.pdfjs);
    post({ type: 'page-read', page: n, tables: outcome.layout?.tables.length ?? 0, text: outcome.unread === undefined && outcome.hasText });
    deliver(outcome);
  }
  reading = false;
}

/**
 * The practice run in progress (see `practise`): told to stop when a real document arrives, and to
 * leave any round after the first when the reviewer scrolls or types (`rest`).
 */
let practice: { stop: boolean; rest: boolean } | null = null;

/**
 * A standby worker's practice run while the reviewer chooses a file: the practice document (the
 * app's sample printed in CID TrueType fonts, as most real disclosures are) read page by page and
 * checked, and thrown away. A fresh worker runs pdf.js and the core as cold code;
 * V8 compiles the hot functions to optimised code only after many calls, and the first document a
 * worker reads pays for that (a 24-page document is read in 0.4 s by a fresh worker, 0.3 s by one
 * that has practised). The checks run once per document, so one run of it leaves them
 * half-warm: `rounds` reads it again (the second and later rounds only while the reviewer neither
 * scrolls nor types: a `rest` leaves them at their next page, the cores then draw the pages). The
 * run yields between pages: a real document stops it at once.
 * It practises the part the worker will play: the worker a job takes first is its assembler
 * (`assembles`), which checks tables as the pages come in and the document at the end, as in a job;
 * a reader only reads pages.
 */
async function practise(url: string, env: PdfEnvironment, state: { stop: boolean; rest: boolean }, assembles: boolean, rounds: number): Promise<void> {
  try {
    if (state.stop) return;
    const response = await fetch(url);
    if (!response.ok || state.stop) return;
    const bytes = new Uint8Array(await response.arrayBuffer());
    for (let round = 0; round < rounds; round++) {
      const over = () => state.stop || (round > 0 && state.rest);
      if (over()) return;
      const practiceDoc = await openPdf(bytes, env);
      try {
        const numPages = practiceDoc.numPages;
        const checker = assembles ? new StreamingChecker(numPages, () => {}) : null;
        for (let n = 1; n <= numPages; n++) {
          // A macrotask between pages, so an `open` (or `rest`) waiting in the queue is seen.
          await new Promise((resolve) => setTimeout(resolve, 0));
          if (over()) return;
          const outcome = await readPageLayout(practiceDoc, n, env.pdfjs);
          checker?.add(outcome);
        }
        if (over()) return;
        if (checker) assembleReport('', numPages, checker.all(), Date.now(), undefined, { layout: checker.layout(), cache: checker.cache });
        post({ type: 'practised', pages: numPages, round });
      } finally {
        void practiceDoc.destroy();
      }
    }
  } catch {
    // Practice only: a practice document that cannot be fetched or read changes nothing.
  } finally {
    if (practice === state) practice = null;
  }
}

self.onmessage = async (ev: MessageEvent<PageRequest>) => {
  const req = ev.data;
  if (req?.type === 'rest') {
    if (practice) practice.rest = true;
    return;
  }
  if (req?.type !== 'warm' && practice) practice.stop = true;
  if (req?.type === 'warm') {
    // Made now, not once pdf.js is loaded: a document that arrives meanwhile must find it to stop it.
    const state = req.practice ? (practice = { stop: false, rest: false }) : null;
    const loaded = await envFor(req.assetBase);
    post({ type: 'ready' });
    if (req.practice && state) void practise(req.practice, loaded, state, req.assembles ?? true, req.rounds ?? 1);
  } else if (req?.type === 'open') {
    await open(req);
  } else if (req?.type === 'read') {
    waiting.push(...req.pages);
    void readWaiting();
  } else if (req?.type === 'analyze') {
    const report = await analyzePdf(new Uint8Array(req.bytes), {
      fileName: req.fileName,
      env: await envFor(req.assetBase),
      password: req.password,
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'report', report });
  }
};
