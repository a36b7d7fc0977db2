/** What the command line prints: JSON streamed in pieces, batch CSV, the stderr line for a problem file. */
import { describe, expect, it } from 'vitest';
import { GoujiError } from '../../src/core/errors';
import { findingsCsv, parseCsv } from '../../src/export/csv';
import { errorReport } from '../../src/report/build';
import type { Finding, Report } from '../../src/report/types';
import { problemLine, streamWriter } from '../../src/cli/output';
import { formatSummary } from '../../src/cli/summary';

function report(file: string, findings: Partial<Finding>[] = [], extra: Partial<Report> = {}): Report {
  return {
    schema: 'gouji-report/2', file, pages: 2, elapsedMs: 5,
    document: { title: 'T\u2028itle', department: '', year: 2024, kind: 'budget' },
    tables: [], paragraphs: [], unchecked: [],
    findings: findings.map((f, i) => ({ id: `f${i + 1}`, rule: 'sum.column', severity: 'error', message: '合计, "不符"', messageEn: 'total\nmismatch', refs: [{ page: 1, bbox: [0, 0, 1, 1], text: '1', role: 'total' }], key: `k${i}`, anchor: 0, suspects: [], ...f })),
    ...extra,
  };
}

function collect(format: 'json' | 'csv' | 'summary', single: boolean, reports: Report[]): string {
  let text = '';
  const w = streamWriter(format, single, (s) => (text += s));
  for (const r of reports) w.report(r);
  w.end();
  return text;
}

describe('cli output', () => {
  it('a JSON array written report by report is exactly JSON.stringify of the array (U+2028 in a string included)', () => {
    const reports = [report('a.pdf', [{}]), errorReport('b.pdf', new GoujiError('damaged'), 1), report('c.pdf')];
    expect(collect('json', false, reports)).toBe(JSON.stringify(reports, null, 2) + '\n');
    expect(collect('json', false, [])).toBe('[]\n');
    expect(collect('json', true, [reports[0]])).toBe(JSON.stringify(reports[0], null, 2) + '\n');
  });

  it('batch CSV: one header with a file column, each report\'s rows behind its name, a row for an unreadable file', () => {
    const a = report('a.pdf', [{}, { severity: 'warning', rule: 'rounding.sum' }]);
    const bad = errorReport('b.pdf', new GoujiError('encrypted'), 1);
    const rows = parseCsv(collect('csv', false, [a, bad]));
    const own = parseCsv(findingsCsv(a));
    expect(rows[0]).toEqual(['file', ...own[0]]);
    expect(rows.slice(1, 3)).toEqual(own.slice(1).map((r) => ['a.pdf', ...r]));
    expect(rows[3].slice(0, 7)).toEqual(['b.pdf', '', '', 'error', 'file.encrypted', 'file', bad.error!.message]);
    expect(rows).toHaveLength(4);
  });

  it('stderr line: the error code and both languages for a bad file; the unread pages for a partly read one; nothing otherwise', () => {
    expect(problemLine('x/b.pdf', errorReport('b.pdf', new GoujiError('not-pdf'), 1))).toMatch(/^x\/b\.pdf: \[not-pdf\] .*PDF.* This file is not a PDF/);
    const partial = problemLine('c.pdf', report('c.pdf', [], { unreadPages: [3, 5] }))!;
    expect(partial).toContain('第 3、5 页无法解析');
    expect(partial).toContain('page(s) 3, 5 could not be parsed');
    expect(problemLine('d.pdf', report('d.pdf', [], { unreadPages: [] }))).toBeNull();
    expect(problemLine('d.pdf', report('d.pdf'))).toBeNull();
  });

  it('the summary names unread pages, when there are any', () => {
    expect(formatSummary(report('c.pdf', [], { unreadPages: [4] }))).toContain('第 4 页无法解析');
    expect(formatSummary(report('c.pdf'))).not.toContain('无法解析');
  });
});
