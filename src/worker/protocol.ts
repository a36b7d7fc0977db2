/** Messages between the page and the analysis workers (`analyze.worker.ts`). */
import type { PageOutcome, Progress } from '../core/analyze';
import type { Finding, Report, ReportError } from '../report/types';

/** Single-worker path: the whole analysis (`analyzePdf`) in one worker. */
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
  /** A document (the practice document, public/practice.pdf) to read and throw away while idle, so the code runs optimised when a real one comes. */
  practice?: string;
  /** The practice's part: a job's first worker assembles (checks tables and the document); the others only read. */
  assembles?: boolean;
  /**
   * How many times to read it (1 when absent). V8 optimises a function only after many
   * calls: one run leaves much of pdf.js and the core half-warm. The rounds after the first stop
   * when the reviewer scrolls or types (`rest`).
   */
  rounds?: number;
}

/** The reviewer scrolls or types: a standby worker finishes its first practice round but leaves any later one at its next page (the cores draw the pages). */
export interface RestRequest {
  type: 'rest';
}

/**
 * Page-parallel path: every worker of a job opens the same bytes and answers `opened`; the page
 * then hands out page numbers (`read`), each to one worker only. Worker 0 is also the assembler:
 * the others send it each page's layout over their `assembler` port, and once it holds every
 * page it joins the document, checks it and posts the report.
 */
export interface OpenRequest {
  type: 'open';
  fileName: string;
  bytes: ArrayBuffer;
  assetBase?: string;
  password?: string;
  /** `Date.now()` when the reviewer dropped the file (for the report's elapsedMs). */
  started: number;
  /** Readers: where to send page layouts. Absent on the assembler. */
  assembler?: MessagePort;
  /** The assembler: one port from each reader. */
  readers?: MessagePort[];
}

/** Read and lay out these pages (1-based). */
export interface ReadRequest {
  type: 'read';
  pages: number[];
}

export type PageRequest = AnalyzeRequest | WarmRequest | RestRequest | OpenRequest | ReadRequest;

/** From a reader to the assembler. */
export interface OutcomeMessage {
  type: 'outcome';
  outcome: PageOutcome;
}

export type WorkerMessage =
  | { type: 'ready' }
  /** A standby worker read the practice document through, once more (`round` from 0; see `practise` in analyze.worker.ts). */
  | { type: 'practised'; pages: number; round: number }
  | { type: 'progress'; progress: Progress }
  | { type: 'report'; report: Report }
  /**
   * A slice of a large report's tables or paragraphs, sent ahead of the `report` (which then
   * carries none of them): the page reads each slice in a task of its own, never one long one.
   */
  | { type: 'report-part'; tables?: Report['tables']; paragraphs?: Report['paragraphs'] }
  /** The document is open in this worker. */
  | { type: 'opened'; numPages: number }
  /** The document could not be opened (the same for every worker: the bytes are the same). */
  | { type: 'failed'; error: ReportError }
  /** A page is read (its layout went to the assembler); `tables` found on it; whether it has a text layer. */
  | { type: 'page-read'; page: number; tables: number; text: boolean }
  /** Findings that no page still unread can change (see `src/core/stream.ts`). */
  | { type: 'findings'; findings: Finding[]; tablesChecked: number };
