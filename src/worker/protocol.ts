/** Messages between the page and the analysis worker (`analyze.worker.ts`). */
import type { Progress } from '../core/analyze';
import type { Report } from '../report/types';

export interface AnalyzeRequest {
  type: 'analyze';
  fileName: string;
  /** Transferred to the worker; the page keeps its own copy for rendering. */
  bytes: ArrayBuffer;
  /** Absolute URL of the app's `pdfjs/` asset folder, ending with '/'. */
  assetBase?: string;
}

export type WorkerMessage =
  | { type: 'progress'; progress: Progress }
  | { type: 'report'; report: Report };
