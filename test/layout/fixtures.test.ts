/**
 * The Chromium-printed fixtures (test/fixtures/pdf, made by `npm run fixtures` from
 * test/fixtures/html) rebuilt by the core and compared cell by cell with the hand-written
 * test/fixtures/expected/<name>.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportTable } from '../../src/report/types';
import { DERIVED, readExpected } from '../fixtures/fixtures';
import { analyzeFile, cellTexts, expectSaneCells, headerPath, pageSizes, type PageSize } from './helpers';

const FIXTURES = join(__dirname, '..', 'fixtures');
const NAMES = readdirSync(join(FIXTURES, 'expected'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .concat(Object.keys(DERIVED))
  .sort();

describe.each(NAMES)('fixture %s', (name) => {
  const path = join(FIXTURES, 'pdf', `${name}.pdf`);
  const tables = readExpected(name);
  let report: Report;
  let sizes: PageSize[];

  beforeAll(async () => {
    [report, sizes] = await Promise.all([analyzeFile(path), pageSizes(new Uint8Array(readFileSync(path)))]);
  });

  it('reads without error and finds exactly its tables', () => {
    expect(report.error).toBeUndefined();
    expect(report.pages).toBe(Math.max(...tables.flatMap((t) => t.pages)));
    expect(report.tables.map((t) => t.title)).toEqual(tables.map((t) => t.title));
  });

  describe.each(tables.map((expected, i) => [i + 1, expected] as const))('table %i', (i, expected) => {
    const table = () => {
      expect(report.tables.length, `tables found in ${name}.pdf`).toBeGreaterThanOrEqual(i);
      return report.tables[i - 1];
    };

    it('title, unit, pages and header rows', () => {
      expect(table().title).toBe(expected.title);
      expect(table().unit).toBe(expected.unit);
      expect(table().pages).toEqual(expected.pages);
      expect(table().headerRows).toBe(expected.headerRows);
    });

    it('header path of every column', () => {
      expect(table().columnHeaders.map(headerPath)).toEqual(expected.columnHeaders);
    });

    it('every cell text, and null exactly where a spanning cell covers', () => {
      const actual = cellTexts(table());
      expect(actual.length, 'row count').toBe(expected.rows.length);
      expected.rows.forEach((row, r) => expect(actual[r], `row ${r}`).toEqual(row));
    });

    it('spans cover exactly the null positions; bboxes are sane and on their page', () => {
      expectSaneCells(table(), sizes);
    });

    if (expected.notes) it('text under the table is a paragraph, not a row', () => {
      const paragraphs = report.paragraphs.map((p) => p.text.replace(/\s+/g, ''));
      for (const note of expected.notes!) {
        expect(paragraphs.some((p) => p.includes(note)), `paragraph ${note} in ${JSON.stringify(paragraphs)}`).toBe(true);
      }
    });
  });
});

describe('fixture threepage: one table over three pages', () => {
  let table: ReportTable;
  beforeAll(async () => {
    table = (await analyzeFile(join(FIXTURES, 'pdf', 'threepage.pdf'))).tables[0];
  });

  it('its cells lie on pages 1, 2 and 3, in row order, the 合计 row on page 3', () => {
    const rowPages = table.rows.map((row) => row.find((c) => c !== null)!.page);
    expect([...new Set(rowPages)]).toEqual([1, 2, 3]);
    rowPages.forEach((p, r) => r > 0 && expect(p, `row ${r}`).toBeGreaterThanOrEqual(rowPages[r - 1]));
    for (const row of table.rows) {
      const pages = new Set(row.filter((c) => c !== null).map((c) => c!.page));
      expect(pages.size).toBe(1);
    }
    const last = table.rows[table.rows.length - 1];
    expect(last[0]?.text).toBe('合计');
    expect(last[0]?.page).toBe(3);
  });

  it('rows run top to bottom on each page', () => {
    const body = table.rows.slice(table.headerRows);
    body.forEach((row, i) => {
      if (i === 0 || row[0]!.page !== body[i - 1][0]!.page) return;
      expect(row[0]!.bbox[1], `row ${i + table.headerRows}`).toBeGreaterThan(body[i - 1][0]!.bbox[1]);
    });
  });
});
