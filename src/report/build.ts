/** The one function that turns a document layout (and later, checks) into the report JSON. */
export { documentInfo, type DocumentInfo } from '../recognize/document';
import type { DocumentLayout, Table } from '../layout/types';
import type { BBox } from '../pdf/types';
import type { GoujiError } from '../core/errors';
import { documentInfo } from '../recognize/document';
import { REPORT_SCHEMA, type Finding, type ReadingEvidence, type Report, type ReportTable, type UncheckedTable } from './types';

const round = (v: number) => Math.round(v * 100) / 100;

export function reportTable(t: Table, type: string | null = null): ReportTable {
  return {
    id: t.id,
    title: t.title,
    type,
    pages: t.pages,
    unit: t.unit,
    headerRows: t.headerRows,
    columnHeaders: t.columnHeaders,
    rows: t.rows.map((row) =>
      row.map((c) => (c ? { text: c.text, page: c.page, bbox: c.bbox.map(round) as BBox, rowSpan: c.rowSpan, colSpan: c.colSpan } : null)),
    ),
  };
}

export interface CheckOutput {
  tableTypes: Map<string, string>;
  findings: Finding[];
  unchecked: UncheckedTable[];
  readings?: Map<string, ReadingEvidence>;
}

export function buildReport(file: string, layout: DocumentLayout, elapsedMs: number, checks?: CheckOutput): Report {
  return {
    schema: REPORT_SCHEMA,
    file,
    pages: layout.pages.length,
    elapsedMs,
    document: documentInfo(layout),
    tables: layout.tables.map((t) => {
      const table = reportTable(t, checks?.tableTypes.get(t.id) ?? null);
      const reading = checks?.readings?.get(t.id);
      return reading ? { ...table, reading } : table;
    }),
    paragraphs: layout.paragraphs.map((p) => ({ page: p.page, bbox: p.bbox.map(round) as BBox, text: p.text })),
    findings: checks?.findings ?? [],
    unchecked: checks?.unchecked ?? [],
  };
}

export function errorReport(file: string, error: GoujiError, elapsedMs: number): Report {
  return {
    schema: REPORT_SCHEMA,
    file,
    pages: 0,
    elapsedMs,
    document: { title: '', department: '', year: null, kind: 'unknown' },
    tables: [],
    paragraphs: [],
    findings: [],
    unchecked: [],
    error: error.toReportError(),
  };
}
