/**
 * Checks a batch of files: one file alone page-parallel when asked (this thread and worker threads
 * read its pages, see check-pages); with one job, in this thread; otherwise in `jobs` worker threads that
 * each take the next file when done. Reports come back by input index; the caller orders them.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { GoujiError } from '../core/errors';
import { errorReport } from '../report/build';
import type { Report } from '../report/types';
import type { InputFile } from './inputs';
import type { CheckMessage, CheckRequest } from './protocol';
import { startThread } from './threads';

export interface BatchCallbacks {
  onStart?: (index: number) => void;
  onPage?: (index: number, page: number, pages: number) => void;
  onReport: (index: number, report: Report) => void;
}

/** `pageThreads`: threads reading one file alone, page-parallel (at most one per core). */
export async function checkBatch(files: InputFile[], jobs: number, pageThreads: number, cb: BatchCallbacks): Promise<void> {
  const threads = Math.min(jobs, files.length);
  if (files.length === 1 && Math.min(pageThreads, availableParallelism()) > 1) {
    // pdf.js loads only now, as below.
    const { checkFilePages } = await import('./check-pages');
    cb.onStart?.(0);
    cb.onReport(0, await checkFilePages(files[0].path, files[0].name, Math.min(pageThreads, availableParallelism()), (p) => p.stage === 'extract' && cb.onPage?.(0, p.page, p.pages)));
    return;
  }
  if (threads <= 1) {
    // One at a time here: pdf.js loads only now, so `--help` and usage errors stay instant.
    const { checkFile } = await import('./check-file');
    for (const [index, f] of files.entries()) {
      cb.onStart?.(index);
      cb.onReport(index, await checkFile(f.path, f.name, (p) => p.stage === 'extract' && cb.onPage?.(index, p.page, p.pages)));
    }
    return;
  }
  // Largest first, so a big file started last does not keep every other thread waiting for it.
  const size = (f: InputFile) => statSync(f.path, { throwIfNoEntry: false })?.size ?? 0;
  const queue = files.map((f, index) => ({ index, size: size(f) })).sort((a, b) => b.size - a.size || a.index - b.index).map((x) => x.index);
  let remaining = files.length;

  await new Promise<void>((resolve) => {
    const startWorker = () => {
      const worker = startThread();
      let current = -1;
      const next = () => {
        const index = queue.shift();
        if (index === undefined) {
          current = -1;
          void worker.terminate();
          return;
        }
        current = index;
        cb.onStart?.(index);
        worker.postMessage({ kind: 'check', index, path: files[index].path, name: files[index].name } satisfies CheckRequest);
      };
      const finish = (index: number, report: Report) => {
        cb.onReport(index, report);
        if (--remaining === 0) resolve();
      };
      worker.on('message', (m: CheckMessage) => {
        if (m.kind === 'progress') cb.onPage?.(m.index, m.page, m.pages);
        else if (m.kind === 'report') {
          finish(m.index, m.report);
          next();
        }
      });
      // A thread that dies (out of memory, a crash in pdf.js) fails only the file it held; a fresh one takes over.
      worker.on('error', (e) => {
        const index = current;
        current = -1;
        if (index >= 0) {
          finish(index, errorReport(files[index].name, new GoujiError('internal', e.message), 0));
          if (queue.length > 0) startWorker();
        }
      });
      next();
    };
    for (let i = 0; i < threads; i++) startWorker();
  });
}
