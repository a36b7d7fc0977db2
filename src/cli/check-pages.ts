/**
 * One file read page-parallel: this thread and `threads − 1` worker threads each open the same
 * bytes and read pages from one queue (runs of consecutive pages, see core/page-runs), each page
 * once; this thread assembles the report, the same report `analyzePdf` gives. A raw pdf.js pass
 * uses one core; a file alone on the command line would leave the others idle.
 */
import type { Worker } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { assembleReport, readPageLayout, type PageOutcome, type Progress } from '../core/analyze';
import { GoujiError, toGoujiError } from '../core/errors';
import { PageRuns } from '../core/page-runs';
import { openPdf } from '../pdf/load';
import { errorReport } from '../report/build';
import type { Report } from '../report/types';
import { pdfEnvironment } from './check-file';
import type { CheckMessage, OpenPagesRequest, ReadPagesRequest } from './protocol';
import { startThread } from './threads';

/**
 * Fewer pages than this per thread and the helpers are let go: starting one (loading pdf.js,
 * opening the file) costs about what reading three pages does.
 */
const MIN_PAGES_PER_THREAD = 4;

/** Pages sent to a helper ahead, so it never waits for the next number. */
const AHEAD = 2;

/** Never throws: a file that cannot be read or parsed yields a report with `error` set. */
export async function checkFilePages(path: string, name: string, threads: number, onProgress?: (p: Progress) => void): Promise<Report> {
  const started = Date.now();
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    return errorReport(name, new GoujiError('unreadable', (e as Error).message), Date.now() - started);
  }
  // The helpers load pdf.js while this thread opens the file.
  const helpers = Array.from({ length: threads - 1 }, () => startThread());
  try {
    return await readPages(bytes, name, helpers, started, onProgress);
  } catch (e) {
    return errorReport(name, toGoujiError(e), Date.now() - started);
  } finally {
    for (const h of helpers) void h.terminate();
  }
}

async function readPages(bytes: Uint8Array, name: string, helpers: Worker[], started: number, onProgress?: (p: Progress) => void): Promise<Report> {
  onProgress?.({ stage: 'open', page: 0, pages: 0 });
  const doc = await openPdf(bytes, pdfEnvironment);
  const numPages = doc.numPages;
  const outcomes = new Map<number, PageOutcome>();
  try {
    const working = numPages >= MIN_PAGES_PER_THREAD * (helpers.length + 1) ? helpers : [];
    for (const h of helpers) if (!working.includes(h)) void h.terminate();
    const queue = new PageRuns(numPages, working.length + 1, 0);
    /** Pages this thread must read for a helper that stopped (those it held). */
    const orphans: number[] = [];
    /** Helpers (by queue index) that stopped: their runs are this thread's to finish. */
    const stopped: number[] = [];
    // Wakes this thread when a helper sends a page or stops.
    let wake = () => {};
    const record = (o: PageOutcome) => {
      if (outcomes.has(o.page)) return;
      outcomes.set(o.page, o);
      onProgress?.({ stage: 'extract', page: outcomes.size, pages: numPages });
    };

    working.forEach((h, k) => {
      const i = k + 1;
      const held = new Set<number>();
      let alive = true;
      const handOut = () => {
        const pages: number[] = [];
        for (let n: number | null; alive && held.size + pages.length < AHEAD && (n = queue.take(i)) !== null; ) pages.push(n);
        if (!pages.length) return;
        for (const n of pages) held.add(n);
        h.postMessage({ kind: 'read', pages } satisfies ReadPagesRequest);
      };
      const stop = () => {
        if (!alive) return;
        alive = false;
        orphans.push(...held);
        held.clear();
        stopped.push(i);
        wake();
      };
      h.on('message', (m: CheckMessage) => {
        if (m.kind === 'opened') handOut();
        else if (m.kind === 'page') {
          held.delete(m.outcome.page);
          record(m.outcome);
          handOut();
          wake();
        }
      });
      h.on('error', stop);
      h.on('exit', stop);
      const copy = bytes.slice().buffer;
      h.postMessage({ kind: 'open', bytes: copy } satisfies OpenPagesRequest, [copy]);
    });

    const next = (): number | null => {
      const orphan = orphans.pop();
      if (orphan !== undefined) return orphan;
      const own = queue.take(0);
      if (own !== null) return own;
      for (const i of stopped) {
        const n = queue.take(i);
        if (n !== null) return n;
      }
      return null;
    };
    while (outcomes.size < numPages) {
      const n = next();
      if (n === null) {
        // Every page is handed out: wait for the helpers' last ones (or for one to stop).
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (!outcomes.has(n)) record(await readPageLayout(doc, n, pdfEnvironment.pdfjs));
      // Let the helpers' messages in between pages, so they are never left waiting for work.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  } finally {
    await doc.destroy();
  }
  for (const h of helpers) void h.terminate();
  const inOrder = [...outcomes.values()].sort((a, b) => a.page - b.page);
  return assembleReport(name, numPages, inOrder, started, onProgress);
}
