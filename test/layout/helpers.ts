/** Shared by the layout tests: reading a rebuilt table back as plain texts, and sanity checks. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { beforeAll, expect } from 'vitest';
import { analyzePdf } from '../../src/core/analyze';
import { nodePdfEnvironment } from '../../src/pdf/node';
import type { Report, ReportTable } from '../../src/report/types';

export interface PageSize {
  width: number;
  height: number;
}

/** Page sizes as displayed (rotation applied), in PDF points, read with pdf.js directly. */
export async function pageSizes(bytes: Uint8Array): Promise<PageSize[]> {
  const { pdfjs } = nodePdfEnvironment();
  const doc = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const sizes: PageSize[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { width, height } = (await doc.getPage(n)).getViewport({ scale: 1 });
    sizes.push({ width, height });
  }
  await doc.destroy();
  return sizes;
}

/** The grid as texts: a cell's text, or null where a spanning cell covers the position. */
export function cellTexts(table: ReportTable): (string | null)[][] {
  return table.rows.map((row) => row.map((c) => (c === null ? null : c.text)));
}

/**
 * A column's header path with each header named once: a header cell spanning several header rows
 * may be repeated in `columnHeaders` (one entry per row) or given once; both read the same here.
 */
export function headerPath(path: string[]): string[] {
  return path.filter((text, i) => text !== '' && text !== path[i - 1]);
}

/**
 * The grid is rectangular; each spanning cell's rowSpan × colSpan covers only null positions and
 * every null is covered by exactly one cell; every bbox has x0 < x1, y0 < y1 and lies on its page.
 */
export function expectSaneCells(table: ReportTable, sizes: PageSize[]): void {
  const width = table.rows[0].length;
  const covered = table.rows.map((row) => row.map(() => 0));
  table.rows.forEach((row, r) => {
    expect(row.length, `row ${r} width`).toBe(width);
    row.forEach((cell, c) => {
      if (!cell) return;
      const where = `cell (${r}, ${c}) ${JSON.stringify(cell.text)}`;
      expect(cell.rowSpan, where).toBeGreaterThanOrEqual(1);
      expect(cell.colSpan, where).toBeGreaterThanOrEqual(1);
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          if (dr === 0 && dc === 0) continue;
          expect(table.rows[r + dr]?.[c + dc], `${where} spans over (${r + dr}, ${c + dc})`).toBeNull();
          covered[r + dr][c + dc]++;
        }
      }
      expect(table.pages, where).toContain(cell.page);
      const size = sizes[cell.page - 1];
      const [x0, y0, x1, y1] = cell.bbox;
      expect(x0, `${where} x0 < x1`).toBeLessThan(x1);
      expect(y0, `${where} y0 < y1`).toBeLessThan(y1);
      expect(x0, `${where} x0 on page`).toBeGreaterThanOrEqual(0);
      expect(y0, `${where} y0 on page`).toBeGreaterThanOrEqual(0);
      expect(x1, `${where} x1 on page`).toBeLessThanOrEqual(size.width + 0.5);
      expect(y1, `${where} y1 on page`).toBeLessThanOrEqual(size.height + 0.5);
    });
  });
  table.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell === null) expect(covered[r][c], `null at (${r}, ${c}) covered by one spanning cell`).toBe(1);
    }),
  );
}

/** A cell expected at (row, col): its text, or null where a spanning cell covers the position. */
export type CellSpec = [row: number, col: number, text: string | null];

/** Compares the listed cells and reports every mismatch at once. */
export function expectCells(table: ReportTable, cells: CellSpec[]): void {
  const wrong = cells
    .map(([r, c, text]) => {
      const cell = table.rows[r]?.[c];
      const actual = cell === undefined ? '(outside the grid)' : cell === null ? null : cell.text;
      return actual === text ? null : `(${r}, ${c}): expected ${JSON.stringify(text)}, got ${JSON.stringify(actual)}`;
    })
    .filter((m) => m !== null);
  expect(wrong, `cells of ${table.title}`).toEqual([]);
}

/** The header path of each listed column, each header named once. */
export function expectHeaderPaths(table: ReportTable, paths: Record<number, string[]>): void {
  const actual = Object.fromEntries(Object.keys(paths).map((c) => [c, headerPath(table.columnHeaders[Number(c)] ?? [])]));
  expect(actual, `header paths of ${table.title}`).toEqual(paths);
}

/** The last row's texts (null where covered). */
export function lastRow(table: ReportTable): (string | null)[] {
  return table.rows[table.rows.length - 1].map((c) => (c === null ? null : c.text));
}

const reports = new Map<string, Promise<Report>>();

/** The report for a PDF on disk, analysed once per test file. */
export function analyzeFile(path: string): Promise<Report> {
  let report = reports.get(path);
  if (!report) {
    report = readFile(path).then((bytes) => analyzePdf(new Uint8Array(bytes), { fileName: basename(path), env: nodePdfEnvironment() }));
    reports.set(path, report);
  }
  return report;
}

/** Inside a describe block: the report for `path`, analysed before its tests run. */
export function useReport(path: string): () => Report {
  let report: Report;
  beforeAll(async () => {
    report = await analyzeFile(path);
  });
  return () => report;
}

/** The one table whose title contains `title` (and none of `unless`); fails clearly when absent. */
export function tableTitled(report: Report, title: string, unless: string[] = []): ReportTable {
  const found = report.tables.filter((t) => t.title.includes(title) && !unless.some((u) => t.title.includes(u)));
  expect(found.map((t) => t.title), `tables titled …${title}… in ${report.file}: ${report.tables.map((t) => t.title).join(' | ')}`).toHaveLength(1);
  return found[0];
}
