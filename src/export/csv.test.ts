import { describe, expect, it } from 'vitest';
import { CSV_HEADER, findingsCsv, parseCsv } from './csv';
import { sampleReport } from '../../test/ui/fixtures';

describe('findingsCsv', () => {
  it('starts with a UTF-8 BOM and parses back into one row per finding, in page order', () => {
    const r = sampleReport();
    r.findings[1].message = '合计 "100.00", 不等于\n各项之和';
    const text = findingsCsv(r);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(CSV_HEADER);
    expect(rows).toHaveLength(1 + r.findings.length);
    expect(rows.slice(1).map((x) => x[0])).toEqual(['f1', 'f2', 'f3']);
    const f1 = Object.fromEntries(CSV_HEADER.map((h, i) => [h, rows[1][i]]));
    expect(f1).toMatchObject({ page: '2', severity: 'error', rule: 'sum.rows', family: 'sum', message: '合计 "100.00", 不等于\n各项之和', expected: '100.00', actual: '99.99', difference: '0.01', table: 't1' });
    expect(f1.cells).toContain('p2 r1c1 total 100.00');
    expect(rows.every((row) => row.length === CSV_HEADER.length)).toBe(true);
  });

  it('writes only the header for a report without findings', () => {
    const r = { ...sampleReport(), findings: [] };
    expect(parseCsv(findingsCsv(r))).toEqual([CSV_HEADER]);
  });
});
