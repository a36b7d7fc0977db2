/** Messages between the command line's main thread and its analysis worker threads. */
import type { PageOutcome } from '../core/analyze';
import type { Report } from '../report/types';

/** Main → worker: analyse this file. */
export interface CheckRequest {
  kind: 'check';
  index: number;
  path: string;
  name: string;
}

/** Main → worker: open these bytes (one file read page-parallel), then read the pages it is sent. */
export interface OpenPagesRequest {
  kind: 'open';
  bytes: ArrayBuffer;
}

/** Main → worker: read and lay out these pages (1-based) of the open file. */
export interface ReadPagesRequest {
  kind: 'read';
  pages: number[];
}

export type WorkerRequest = CheckRequest | OpenPagesRequest | ReadPagesRequest;

/** Worker → main. */
export type CheckMessage =
  | { kind: 'progress'; index: number; page: number; pages: number }
  | { kind: 'report'; index: number; report: Report }
  /** The file sent with `open` is open here. */
  | { kind: 'opened' }
  /** One page read (its layout, or why pdf.js could not parse it). */
  | { kind: 'page'; outcome: PageOutcome };
