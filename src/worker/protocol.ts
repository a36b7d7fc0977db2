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
  /** For an encrypted PDF: the password the reviewer typed. */
  password?: string;
}

/** Load pdf.js into the worker and answer `ready`; nothing is analysed. */
export interface WarmRequest {
  type: 'warm';
  assetBase?: string;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; progress: Progress }
  | { type: 'report'; report: Report };
