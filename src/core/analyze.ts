/**
 * The whole pipeline for one file: PDF bytes → pages → layout → (recognition, rules) → report.
 * Shared by the browser workers, the CLI, the benchmark and the tests.
 *
 * Each page is read and laid out on its own (`readPageLayout`), so the browser can spread pages
 * over several workers and assemble them afterwards (`assembleReport`); `analyzePdf` does the same
 * steps one page after another, so both give the same report.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { extractPage } from '../pdf/extract';
import { openPdf, type PdfEnvironment, type PdfJs } from '../pdf/load';
import type { PageContent } from '../pdf/types';
import { assembleLayout, layoutPage, portablePageLayout, type PageLayout } from '../layout';
import type { DocumentLayout } from '../layout/types';
import { isPageNumberText } from '../layout/paragraphs';
import { buildReport, errorReport } from '../report/build';
import { runChecks } from '../rules/engine';
import { recognizeDocument, type RecognitionCache } from '../recognize';
import type { Report } from '../report/types';
import { GoujiError, toGoujiError } from './errors';

export type Stage = 'open' | 'extract' | 'layout' | 'check' | 'done';

export interface Progress {
  stage: Stage;
  /** Pages done so far in the extract stage (1-based count), else 0. */
  page: number;
  pages: number;
  /** Tables found on the pages read so far (when known). */
  tables?: number;
  /** Tables whose checks are done (when known). */
  tablesChecked?: number;
  /** Of the pages read so far, those with a text layer (when known): a scan has none to check. */
  textPages?: number;
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

/** One page read and laid out, or the reason it could not be parsed (a damaged or truncated file). */
export type PageOutcome =
  | { page: number; layout: PageLayout; hasText: boolean; unread?: undefined }
  | { page: number; unread: string; layout?: undefined };

/** Reads one page (pdf.js's own failure on it is recorded, not thrown) and lays it out. */
async function readPageContent(doc: PDFDocumentProxy, n: number, pdfjs: PdfJs): Promise<PageContent | string> {
  try {
    const page = await doc.getPage(n);
    try {
      return await extractPage(pdfjs, page);
    } finally {
      page.cleanup();
    }
  } catch (e) {
    return String((e as Error)?.message ?? e);
  }
}

/** Page `n` of an open document → its layout, ready to be posted to another worker. */
export async function readPageLayout(doc: PDFDocumentProxy, n: number, pdfjs: PdfJs): Promise<PageOutcome> {
  const content = await readPageContent(doc, n, pdfjs);
  if (typeof content === 'string') return { page: n, unread: content };
  return { page: n, layout: portablePageLayout(layoutPage(content)), hasText: hasTextLayer(content) };
}

/** Every page's text runs and ruling lines, in order (pages pdf.js cannot parse are left out). */
export async function extractDocument(bytes: Uint8Array, options: AnalyzeOptions): Promise<PageContent[]> {
  const { env, onProgress, signal } = options;
  onProgress?.({ stage: 'open', page: 0, pages: 0 });
  const doc = await openPdf(bytes, env, options.password);
  try {
    const pages: PageContent[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (signal?.aborted) throw new GoujiError('cancelled');
      const content = await readPageContent(doc, n, env.pdfjs);
      if (typeof content !== 'string') pages.push(content);
      onProgress?.({ stage: 'extract', page: n, pages: doc.numPages });
    }
    if (!pages.length) throw new GoujiError('damaged', 'no page could be read');
    if (!pages.some(hasTextLayer)) throw new GoujiError('no-text');
    return pages;
  } finally {
    await doc.destroy();
  }
}

/**
 * The pages' outcomes (any order) → the report: tables continued over pages are joined, the
 * document recognised and checked. Throws a GoujiError when no page could be read or none has
 * text; pages that could not be read are listed in `unreadPages`.
 */
export function assembleReport(
  fileName: string,
  numPages: number,
  outcomes: PageOutcome[],
  started: number,
  onProgress?: (p: Progress) => void,
  /** The document joined as the pages came in, and the tables recognised then (core/stream). */
  joined?: { layout: DocumentLayout | null; cache: RecognitionCache },
): Report {
  const read: PageLayout[] = [];
  const unread: number[] = [];
  let anyText = false;
  for (const o of outcomes) {
    if (o.unread !== undefined) unread.push(o.page);
    else {
      read.push(o.layout);
      anyText ||= o.hasText;
    }
  }
  if (!read.length) throw new GoujiError('damaged', 'no page could be read');
  if (!anyText) throw new GoujiError('no-text');
  onProgress?.({ stage: 'layout', page: 0, pages: numPages });
  const layout = joined?.layout ?? assembleLayout(read);
  onProgress?.({ stage: 'check', page: 0, pages: numPages, tables: layout.tables.length, tablesChecked: 0 });
  const checks = runChecks(recognizeDocument(layout, joined?.layout ? joined.cache : undefined));
  const report = buildReport(fileName, layout, Date.now() - started, checks);
  if (unread.length) {
    report.pages = numPages;
    report.unreadPages = unread.sort((a, b) => a - b);
  }
  onProgress?.({ stage: 'done', page: numPages, pages: numPages, tables: layout.tables.length, tablesChecked: layout.tables.length });
  return report;
}

/** Never throws: a file that cannot be read yields a report with `error` set. */
export async function analyzePdf(bytes: Uint8Array, options: AnalyzeOptions): Promise<Report> {
  const started = Date.now();
  const { env, onProgress, signal } = options;
  try {
    onProgress?.({ stage: 'open', page: 0, pages: 0 });
    const doc = await openPdf(bytes, env, options.password);
    const outcomes: PageOutcome[] = [];
    try {
      let tables = 0;
      for (let n = 1; n <= doc.numPages; n++) {
        if (signal?.aborted) throw new GoujiError('cancelled');
        const outcome = await readPageLayout(doc, n, env.pdfjs);
        outcomes.push(outcome);
        tables += outcome.layout?.tables.length ?? 0;
        onProgress?.({ stage: 'extract', page: n, pages: doc.numPages, tables });
      }
    } finally {
      await doc.destroy();
    }
    if (signal?.aborted) throw new GoujiError('cancelled');
    return assembleReport(options.fileName, outcomes.length, outcomes, started, onProgress);
  } catch (e) {
    return errorReport(options.fileName, toGoujiError(e), Date.now() - started);
  }
}
