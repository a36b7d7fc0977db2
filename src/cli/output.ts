/** What the command line prints or writes for each report: summary, gouji-report/2 JSON, or findings CSV. */
import { CSV_HEADER, csvField, findingsCsv, parseCsv } from '../export/csv';
import type { Report } from '../report/types';
import type { OutputFormat } from './args';
import { formatSummary } from './summary';

export const EXTENSION: Record<OutputFormat, string> = { json: '.json', csv: '.csv', summary: '.txt' };

/**
 * A file that could not be read has no findings; in CSV it is one row of its own so a batch's
 * spreadsheet shows it: severity `error`, rule `file.<code>`, the reason as the message.
 */
function errorRow(r: Report): string[] {
  const values: Record<string, string> = { severity: 'error', rule: `file.${r.error!.code}`, family: 'file', message: r.error!.message, message_en: r.error!.messageEn };
  return CSV_HEADER.map((h) => values[h] ?? '');
}

/** One report's CSV, as the browser exports it (plus the error row for an unreadable file). */
export function reportCsv(r: Report): string {
  const csv = findingsCsv(r);
  return r.error ? csv + errorRow(r).map(csvField).join(',') + '\r\n' : csv;
}

/** Rows of a batch's CSV: the report's own rows with its file name first. */
function batchCsvRows(r: Report): string {
  const [, ...rows] = parseCsv(findingsCsv(r));
  if (r.error) rows.push(errorRow(r));
  return rows.map((row) => [r.file, ...row].map(csvField).join(',') + '\r\n').join('');
}

/** One report, alone: what `--out` writes to its file. */
export function formatReport(r: Report, format: OutputFormat): string {
  if (format === 'json') return JSON.stringify(r, null, 2) + '\n';
  if (format === 'csv') return reportCsv(r);
  return formatSummary(r) + '\n';
}

/**
 * Stdout for a run, written piece by piece in input order as reports arrive (a long batch shows
 * its first results early and never holds every report). `single`: one file named, printed as one
 * object / one CSV as the browser exports it; otherwise a JSON array, or CSV with a `file` column.
 */
export function streamWriter(format: OutputFormat, single: boolean, write: (s: string) => void) {
  let count = 0;
  return {
    report(r: Report) {
      if (format === 'summary') write(formatSummary(r) + '\n');
      else if (format === 'csv') {
        if (single) write(reportCsv(r));
        else write((count === 0 ? '\uFEFF' + ['file', ...CSV_HEADER].join(',') + '\r\n' : '') + batchCsvRows(r));
      } else if (single) write(JSON.stringify(r, null, 2) + '\n');
      // The same text as JSON.stringify(array, null, 2), one element at a time.
      // (Only \n: a regex ^ would also break after U+2028, which JSON leaves raw inside strings.)
      else write((count === 0 ? '[\n  ' : ',\n  ') + JSON.stringify(r, null, 2).replace(/\n/g, '\n  '));
      count++;
    },
    end() {
      if (format === 'json' && !single) write(count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

/** The stderr line for a file that could not be read, or that had pages that could not be parsed. */
export function problemLine(path: string, r: Report): string | null {
  if (r.error) return `${path}: [${r.error.code}] ${r.error.message} ${r.error.messageEn}`;
  if (r.unreadPages?.length) {
    return `${path}: 警告 第 ${r.unreadPages.join('、')} 页无法解析，其余各页已核对 / warning: page(s) ${r.unreadPages.join(', ')} could not be parsed; the other pages were checked`;
  }
  return null;
}
