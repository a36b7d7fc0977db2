/** A worker thread of the command line: analyses the files the main thread sends, one at a time. */
import { parentPort } from 'node:worker_threads';
import { checkFile } from './check-file';
import type { CheckMessage, CheckRequest } from './protocol';

const port = parentPort!;
const post = (m: CheckMessage) => port.postMessage(m);

port.on('message', async ({ index, path, name }: CheckRequest) => {
  const report = await checkFile(path, name, (p) => {
    if (p.stage === 'extract') post({ kind: 'progress', index, page: p.page, pages: p.pages });
  });
  post({ kind: 'report', index, report });
});
