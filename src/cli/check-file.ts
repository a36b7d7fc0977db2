/**
 * One file, read and analysed in this thread. Loads pdf.js, so the main thread imports this module
 * only when it analyses files itself (one file, or `--jobs 1`).
 */
import { readFile } from 'node:fs/promises';
import { analyzePdf, type Progress } from '../core/analyze';
import { GoujiError } from '../core/errors';
import { nodePdfEnvironment } from '../pdf/node';
import { errorReport } from '../report/build';
import type { Report } from '../report/types';

export const pdfEnvironment = nodePdfEnvironment();

/** Never throws: a file that cannot be read or parsed yields a report with `error` set. */
export async function checkFile(path: string, name: string, onProgress?: (p: Progress) => void): Promise<Report> {
  let bytes: Uint8Array;
  const started = Date.now();
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (e) {
    return errorReport(name, new GoujiError('unreadable', (e as Error).message), Date.now() - started);
  }
  return analyzePdf(bytes, { fileName: name, env: pdfEnvironment, onProgress });
}
