/**
 * The whole pipeline for one file: PDF bytes → pages → layout → (recognition, rules) → report.
 * Shared by the browser worker, the CLI, the benchmark and the tests.
 */
import { extractPage } from '../pdf/extract';
import { openPdf, type PdfEnvironment } from '../pdf/load';
import type { PageContent } from '../pdf/types';
import { buildLayout } from '../layout';
import { isPageNumberText } from '../layout/paragraphs';
import { buildReport, errorReport } from '../report/build';
import { runChecks } from '../rules/engine';
import { recognizeDocument } from '../recognize';
import type { Report } from '../report/types';
import { GoujiError, toGoujiError } from './errors';

export type Stage = 'open' | 'extract' | 'layout' | 'check' | 'done';

export interface Progress {
  stage: Stage;
  /** Pages done so far in the extract stage (1-based count), else 0. */
  page: number;
  pages: number;
}

export interface AnalyzeOptions {
  fileName: string;
  env: PdfEnvironment;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** For an encrypted PDF: the password the reviewer typed. */
  password?: string;
}

/** A page with fewer characters than this, page numbers aside, has no real text layer. */
const MIN_PAGE_CHARS = 10;

/** A scan may still carry a typed page number or stamp; count only text beyond that. */
function hasTextLayer(page: PageContent): boolean {
  let chars = 0;
  for (const r of page.runs) if (!isPageNumberText(r.text)) chars += r.text.trim().length;
  return chars >= MIN_PAGE_CHARS;
}

export async function extractDocument(bytes: Uint8Array, options: AnalyzeOptions): Promise<PageContent[]> {
  const { env, onProgress, signal } = options;
  onProgress?.({ stage: 'open', page: 0, pages: 0 });
  const doc = await openPdf(bytes, env, options.password);
  try {
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.aborted) throw new GoujiError('cancelled');
      const page = await doc.getPage(n);
      pages.push(await extractPage(env.pdfjs, page));
      page.cleanup();
      onProgress?.({ stage: 'extract', page: n, pages: doc.numPages });
    }
    if (!pages.some(hasTextLayer)) throw new GoujiError('no-text');
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Never throws: a file that cannot be read yields a report with `error` set. */
export async function analyzePdf(bytes: Uint8Array, options: AnalyzeOptions): Promise<Report> {
  const started = Date.now();
  try {
    const pages = await extractDocument(bytes, options);
    if (options.signal?.aborted) throw new GoujiError('cancelled');
    options.onProgress?.({ stage: 'layout', page: 0, pages: pages.length });
    const layout = buildLayout(pages);
    options.onProgress?.({ stage: 'check', page: 0, pages: pages.length });
    const checks = runChecks(recognizeDocument(layout));
    const report = buildReport(options.fileName, layout, Date.now() - started, checks);
    options.onProgress?.({ stage: 'done', page: pages.length, pages: pages.length });
    return report;
  } catch (e) {
    return errorReport(options.fileName, toGoujiError(e), Date.now() - started);
  }
}
