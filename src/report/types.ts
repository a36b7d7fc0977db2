/**
 * The report JSON, schema `gouji-report/1`. This is the one contract between the core
 * (worker, CLI, tests) and everything that shows or exports results. See README.md.
 */
import type { BBox } from '../pdf/types';

export const REPORT_SCHEMA = 'gouji-report/1' as const;

export type DocumentKind = 'budget' | 'final' | 'unknown';
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

export type ErrorCode = 'unreadable' | 'not-pdf' | 'empty' | 'damaged' | 'encrypted' | 'no-text' | 'too-large' | 'cancelled' | 'internal';

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
  /** Present only when the file could not be read; then tables/paragraphs/findings are empty. */
  error?: ReportError;
}
