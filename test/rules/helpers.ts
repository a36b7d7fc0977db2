/**
 * Builds layout `Table`s and a `DocumentLayout` from plain string grids, for rule tests.
 * In a grid, `<` marks a position covered by the spanning cell to its left and `^` one covered by
 * the cell above; every other string (including '') is a cell.
 */
import type { DocumentLayout, Table, TableCell } from '../../src/layout/types';
import { recognizeTables, type RecognizedTable } from '../../src/recognize/tables';
import type { CheckContext } from '../../src/rules/types';
import { documentInfo } from '../../src/recognize/document';
import { confirmReading, type IdentitySource, type Statement } from '../../src/recognize/reading';

export interface TableOptions {
  id?: string;
  title?: string;
  unit?: string | null;
  headerRows?: number;
  page?: number;
}

let counter = 0;

export function makeTable(grid: string[][], options: TableOptions = {}): Table {
  const id = options.id ?? `t${++counter}`;
  const page = options.page ?? 1;
  const width = Math.max(...grid.map((r) => r.length));
  const rows: (TableCell | null)[][] = grid.map((r, ri) =>
    Array.from({ length: width }, (_, ci) => {
      const text = r[ci] ?? '';
      if (text === '<' || text === '^') return null;
      return { text, page, bbox: [ci * 60, 100 + ri * 15, ci * 60 + 60, 115 + ri * 15] as [number, number, number, number], rowSpan: 1, colSpan: 1 };
    }),
  );
  // Spans from the markers.
  for (let r = 0; r < grid.length; r++)
    for (let c = 0; c < width; c++) {
      const t = grid[r][c];
      if (t === '<') {
        let cc = c - 1;
        while (cc >= 0 && !rows[r][cc]) cc--;
        if (cc >= 0) rows[r][cc]!.colSpan = Math.max(rows[r][cc]!.colSpan, c - cc + 1);
      } else if (t === '^') {
        let rr = r - 1;
        while (rr >= 0 && !rows[rr][c]) rr--;
        if (rr >= 0) rows[rr][c]!.rowSpan = Math.max(rows[rr][c]!.rowSpan, r - rr + 1);
      }
    }
  const headerRows = options.headerRows ?? 1;
  const columnHeaders = Array.from({ length: width }, (_, c) => {
    const path: string[] = [];
    for (let r = 0; r < headerRows; r++) {
      let t = '';
      for (let cc = c; cc >= 0; cc--) {
        const cell = rows[r][cc];
        if (cell) {
          t = cc + cell.colSpan > c ? cell.text : '';
          break;
        }
      }
      if (t && path[path.length - 1] !== t) path.push(t);
    }
    return path;
  });
  return { id, title: options.title ?? '', unit: options.unit === undefined ? '单位：万元' : options.unit, pages: [page], headerRows, rows, columnHeaders, ruled: true };
}

export function makeLayout(tables: Table[], paragraphs: string[] = []): DocumentLayout {
  return {
    pages: [{ page: 1, width: 595, height: 842 }],
    tables,
    paragraphs: paragraphs.map((text, i) => ({ page: 1, bbox: [50, 50 + i * 20, 500, 65 + i * 20] as [number, number, number, number], text, lines: [] }) as never),
  };
}

export function contextOf(tables: Table[]): CheckContext {
  const layout = makeLayout(tables);
  const recognized: RecognizedTable[] = recognizeTables(tables);
  // Every table as recognised (rules are tested on their own), with the reading recognition proves of each.
  return { layout, document: documentInfo(layout), tables: recognized, readings: recognized.map((rt) => confirmReading(rt)), narrative: [] };
}

/** Copies a grid with one cell replaced. */
export function withCell(grid: string[][], r: number, c: number, text: string): string[][] {
  return grid.map((row, ri) => row.map((t, ci) => (ri === r && ci === c ? text : t)));
}

/** What an identity source states on every table of a context, as the rule tests compare it. */
export function statementsOf(source: IdentitySource, ctx: CheckContext): Statement[] {
  return ctx.tables.flatMap((rt) => source.read(rt).filter((s): s is Statement => s !== null));
}
