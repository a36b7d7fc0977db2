/** The one function that turns a document layout (and later, checks) into the report JSON. */
import type { DocumentLayout, Table } from '../layout/types';
import type { BBox } from '../pdf/types';
import type { GoujiError } from '../core/errors';
import { REPORT_SCHEMA, type DocumentKind, type Finding, type Report, type ReportTable, type UncheckedTable } from './types';

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

export interface DocumentInfo {
  title: string;
  department: string;
  year: number | null;
  kind: DocumentKind;
}

/** Title, department, year and kind, read from the first pages' text. */
export function documentInfo(layout: DocumentLayout): DocumentInfo {
  const early = layout.paragraphs.filter((p) => p.page <= 3).map((p) => p.text.replace(/\s+/g, ''));
  const all = early.join('\n');
  const titleLine = early.find((t) => /(预算|决算)/.test(t) && t.length <= 60) ?? early[0] ?? '';
  const yearMatch = /(20\d{2})\s*年/.exec(titleLine) ?? /(20\d{2})\s*年度?部门(预|决)算/.exec(all);
  const kind: DocumentKind = /决算/.test(titleLine) ? 'final' : /预算/.test(titleLine) ? 'budget' : /决算/.test(all) ? 'final' : /预算/.test(all) ? 'budget' : 'unknown';
  const deptMatch = /^(.{2,40}?(局|委员会|委|办公室|中心|院|所|厅|部|处|站|馆|会|队|校|学))/.exec(titleLine.replace(/^\d{4}年度?/, ''));
  const deptFromField = /(?:部门|单位)名称[:：]\s*([^\s单]{2,40})/.exec(layout.paragraphs.map((p) => p.text).join('\n'));
  return {
    title: titleLine,
    department: deptMatch?.[1] ?? deptFromField?.[1] ?? '',
    year: yearMatch ? Number(yearMatch[1]) : null,
    kind,
  };
}

export interface CheckOutput {
  tableTypes: Map<string, string>;
  findings: Finding[];
  unchecked: UncheckedTable[];
}

export function buildReport(file: string, layout: DocumentLayout, elapsedMs: number, checks?: CheckOutput): Report {
  return {
    schema: REPORT_SCHEMA,
    file,
    pages: layout.pages.length,
    elapsedMs,
    document: documentInfo(layout),
    tables: layout.tables.map((t) => reportTable(t, checks?.tableTypes.get(t.id) ?? null)),
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
