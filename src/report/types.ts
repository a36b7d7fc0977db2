/**
 * The report JSON, schema `gouji-report/2`. This is the one contract between the core
 * (worker, CLI, tests) and everything that shows or exports results. See README.md.
 */
import type { BBox } from '../pdf/types';

export const REPORT_SCHEMA = 'gouji-report/2' as const;

import type { DocumentKind } from '../recognize/document';
export type { DocumentKind };
export type Severity = 'error' | 'warning' | 'info';
export type RefRole = 'total' | 'item' | 'text';

export interface ReportCell {
  text: string;
  page: number;
  bbox: BBox;
  rowSpan: number;
  colSpan: number;
}

export interface ReportTable {
  id: string;
  title: string;
  /** Recognised table type (e.g. `IncomeExpenditureSummary`), null until recognised. */
  type: string | null;
  pages: number[];
  unit: string | null;
  headerRows: number;
  /** Header path of every column, top row first. */
  columnHeaders: string[][];
  rows: (ReportCell | null)[][];
  /** How the reading proved itself: identities checked and held, confirmed or not. */
  reading?: ReadingEvidence;
}

/**
 * A table reading's evidence: every identity it implies, how many hold, and the smallest set of
 * cells whose change makes all of them hold (Fellegi–Holt). Confirmed when that set is small.
 */
export interface ReadingEvidence {
  identities: number;
  held: number;
  /** Distinct cells the identities involve. */
  cells: number;
  confirmed: boolean;
  /** Size of the smallest explaining set; null when none within the limit (or nothing fails: 0). */
  smallestFix: number | null;
  /** Cells blamed by a unique smallest set, as [row, col]. */
  suspects: [number, number][];
  /** Every cell of some smallest set when the fix is not unique. */
  candidates: [number, number][];
  /** The alternative reading kept instead of the first one, when one was (e.g. 小计只含其后紧邻各列). */
  alternative?: string;
  /**
   * The table is one part of a table cut by a page break, the other part not joined to it: only the
   * identities within each row (a total column = its parts) were checked, none over its rows.
   */
  cut?: boolean;
}

export interface ReportParagraph {
  page: number;
  bbox: BBox;
  text: string;
}

export interface FindingRef {
  page: number;
  bbox: BBox;
  text: string;
  tableId?: string;
  row?: number;
  col?: number;
  role: RefRole;
}

export interface Finding {
  id: string;
  rule: string;
  severity: Severity;
  message: string;
  messageEn: string;
  expected?: string;
  actual?: string;
  difference?: string;
  refs: FindingRef[];
  /** Rule family (sum, hierarchy, identity, cross-table, rounding, narrative …), for grouping in the UI. */
  family?: string;
  /**
   * Stable identity of the problem: rule + table type + row code or normalised label + column
   * header path (or the statement's subject for narrative findings). Independent of table ids,
   * row indices and pages, so the same problem keeps its key across runs and drafts.
   */
  key: string;
  /** Index into `refs` of the place where the finding is listed (the sentence for a narrative finding). */
  anchor: number;
  /** Indices into `refs` of the figures the arithmetic blames; empty when it cannot tell. */
  suspects: number[];
  /**
   * Id of the finding this one is a consequence of: one wrong cell breaks several identities, the
   * report keeps them all but groups them under the first (whose id they carry here).
   */
  group?: string;
}

/** A table the rules could not check, and why. */
export interface UncheckedTable {
  tableId: string;
  reason: string;
  reasonEn: string;
}

export type ErrorCode = 'unreadable' | 'not-pdf' | 'empty' | 'damaged' | 'encrypted' | 'wrong-password' | 'no-text' | 'too-large' | 'cancelled' | 'internal';

export interface ReportError {
  code: ErrorCode;
  message: string;
  messageEn: string;
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  file: string;
  pages: number;
  elapsedMs: number;
  document: { title: string; department: string; year: number | null; kind: DocumentKind };
  tables: ReportTable[];
  paragraphs: ReportParagraph[];
  findings: Finding[];
  unchecked: UncheckedTable[];
  /**
   * 1-based numbers of pages that could not be parsed (a truncated or partly damaged file); the
   * other pages are checked. Absent or empty when every page was read.
   */
  unreadPages?: number[];
  /** Present only when the file could not be read; then tables/paragraphs/findings are empty. */
  error?: ReportError;
}
