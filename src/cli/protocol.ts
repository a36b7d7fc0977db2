/** Messages between the command line's main thread and its analysis worker threads. */
import type { Report } from '../report/types';

/** Main → worker: analyse this file. */
export interface CheckRequest {
  index: number;
  path: string;
  name: string;
}

/** Worker → main. */
export type CheckMessage =
  | { kind: 'progress'; index: number; page: number; pages: number }
  | { kind: 'report'; index: number; report: Report };
