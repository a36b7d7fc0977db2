/// <reference lib="webworker" />
/**
 * The analysis worker: the seam between the page and the core. It runs the one core entry,
 * `analyzePdf`, on bytes the page sends, and posts progress and the finished report back.
 * Cancelling is done by the page terminating this worker.
 */
import { analyzePdf } from '../core/analyze';
import { browserPdfEnvironment, pdfjsAssetBase } from './env';
import type { AnalyzeRequest, WarmRequest, WorkerMessage } from './protocol';

const post = (m: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = async (ev: MessageEvent<AnalyzeRequest | WarmRequest>) => {
  const req = ev.data;
  if (req?.type === 'warm') {
    await browserPdfEnvironment(req.assetBase ?? pdfjsAssetBase(self.location.href));
    post({ type: 'ready' });
    return;
  }
  if (req?.type !== 'analyze') return;
  const env = await browserPdfEnvironment(req.assetBase ?? pdfjsAssetBase(self.location.href));
  const report = await analyzePdf(new Uint8Array(req.bytes), {
    fileName: req.fileName,
    env,
    password: req.password,
    onProgress: (progress) => post({ type: 'progress', progress }),
  });
  post({ type: 'report', report });
};
