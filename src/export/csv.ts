/**
 * Findings as CSV: UTF-8 with a byte-order mark so Excel opens Chinese text correctly,
 * CRLF line ends, RFC 4180 quoting. One row per finding.
 */
import type { Report } from '../report/types';
import { findingPage, ruleFamily, sortFindings } from './describe';

export const CSV_HEADER = [
  'id', 'page', 'severity', 'rule', 'family', 'message', 'message_en', 'expected', 'actual', 'difference', 'table', 'cells',
];

export function csvField(v: string | number | undefined | null): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function findingsCsv(report: Report): string {
  const lines = [CSV_HEADER.join(',')];
  for (const f of sortFindings(report.findings)) {
    const tables = [...new Set(f.refs.map((r) => r.tableId).filter(Boolean))].join(' ');
    const cells = f.refs.map((r) => `p${r.page}${r.row !== undefined ? ` r${r.row}c${r.col}` : ''} ${r.role} ${r.text}`).join('; ');
    lines.push(
      [f.id, findingPage(f), f.severity, f.rule, ruleFamily(f.rule), f.message, f.messageEn, f.expected, f.actual, f.difference, tables, cells]
        .map(csvField)
        .join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Parses CSV text (as written above) back into rows; used by tests and the e2e check. */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}
