/**
 * A worker thread of the command line: analyses the files the main thread sends, one at a time;
 * or, for one file read page-parallel, opens its bytes and reads the pages it is sent.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { parentPort } from 'node:worker_threads';
import { readPageLayout } from '../core/analyze';
import { openPdf } from '../pdf/load';
import { checkFile, pdfEnvironment } from './check-file';
import type { CheckMessage, WorkerRequest } from './protocol';

const port = parentPort!;
const post = (m: CheckMessage) => port.postMessage(m);

let doc: PDFDocumentProxy | null = null;
/** Pages sent before the file was open, or while others were being read. */
const waiting: number[] = [];
let reading = false;

async function readWaiting(): Promise<void> {
  if (reading || !doc) return;
  reading = true;
  while (waiting.length) post({ kind: 'page', outcome: await readPageLayout(doc, waiting.shift()!, pdfEnvironment.pdfjs) });
  reading = false;
}

port.on('message', async (m: WorkerRequest) => {
  if (m.kind === 'check') {
    const { index, path, name } = m;
    const report = await checkFile(path, name, (p) => {
      if (p.stage === 'extract') post({ kind: 'progress', index, page: p.page, pages: p.pages });
    });
    post({ kind: 'report', index, report });
  } else if (m.kind === 'open') {
    // The main thread opened the same bytes already: a failure here ends this thread, and it reads our pages.
    doc = await openPdf(new Uint8Array(m.bytes), pdfEnvironment);
    post({ kind: 'opened' });
    void readWaiting();
  } else {
    waiting.push(...m.pages);
    void readWaiting();
  }
});
