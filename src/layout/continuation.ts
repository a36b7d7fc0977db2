/**
 * Tables that run over several pages become one table: the first table on a page, with no
 * title of its own, continues the last table of the page before when its repeated header rows
 * match (they are dropped) or, without a repeated header, when its columns stand where the open
 * table's do.
 */
import type { PageTable } from './cells';
import { LAYOUT_SETTINGS as S } from './settings';
import { columnHeaderPaths, headerRowCount, headerSignature } from './headers';
import type { Table, TextLine } from './types';

export interface CaptionedTable extends PageTable {
  title: string;
  unit: string | null;
  captionLines: TextLine[];
}

/** A continuation mark: the whole title (续表, （续表）, 续上表) or its end (…表（续）). */
const CONTINUED = /[（(]\s*续(?:表|上表)?\s*[)）]$|^续(?:上)?表$/;

interface PageTables {
  page: number;
  tables: CaptionedTable[];
}

function startTable(t: CaptionedTable): Table {
  const headerRows = headerRowCount(t.rows);
  return {
    id: '',
    title: t.title,
    unit: t.unit,
    pages: [t.page],
    headerRows,
    // A copy: continuation rows are appended to it, and the page's own table stays as laid out.
    rows: [...t.rows],
    columnHeaders: columnHeaderPaths(t.rows, headerRows),
    ruled: t.ruled,
  };
}

/**
 * Column k of one stands over column k of the other, for every k (a table going on): for tables
 * without rules the text of each column overlaps, for ruled ones each column's middle lies inside
 * the other's column.
 */
function sameColumns(a: Pick<CaptionedTable, 'xs' | 'ranges' | 'ruled'>, b: Pick<CaptionedTable, 'xs' | 'ranges' | 'ruled'>): boolean {
  if (a.xs.length !== b.xs.length) return false;
  // Ruled: the same producer draws the same borders on every page.
  if (a.ruled && b.ruled) {
    const tol = Math.max(S.continuationBorderTolerance, S.continuationBorderShare * (a.xs[a.xs.length - 1] - a.xs[0]));
    return a.xs.every((x, k) => Math.abs(x - b.xs[k]) <= tol);
  }
  if (a.ranges && b.ranges) return a.ranges.every(([x0, x1], k) => x0 < b.ranges![k][1] && b.ranges![k][0] < x1);
  const inside = (xs: number[], ys: number[]) => xs.slice(1).every((x, k) => {
    const centre = (xs[k] + x) / 2;
    return centre > ys[k] && centre < ys[k + 1];
  });
  return inside(a.xs, b.xs) && inside(b.xs, a.xs);
}

/** Rows of `next` to append to `open`, or null when `next` does not continue it. */
function continuationRows(open: Table, last: CaptionedTable, next: CaptionedTable): CaptionedTable['rows'] | null {
  // A page going on may say so: 续表, （续）, or the title again with （续表）.
  const title = next.title.replace(CONTINUED, '').trim();
  if (title && title !== open.title) return null;
  const nCols = open.rows[0]?.length ?? 0;
  if ((next.rows[0]?.length ?? 0) !== nCols) return null;
  const h = headerRowCount(next.rows);
  if (h > 0 && open.headerRows > 0) {
    const same = headerSignature(next.rows, h) === headerSignature(open.rows, open.headerRows);
    if (same) return next.rows.slice(h);
    // A different header over the same number of columns is a new table.
    if (h >= open.headerRows && h < next.rows.length) return null;
  }
  // No header repeated: only a table whose columns stand where the open table's do goes on.
  return sameColumns(last, next) ? next.rows : null;
}

/**
 * Joins tables page by page, pages given in order (a missing page breaks a continuation). Tables
 * are numbered as they start (t1, t2, …), so a table that no later page can continue keeps its
 * id: the streamed checks (core/stream.ts) read those while later pages are still coming.
 */
export class ContinuationMerger {
  readonly tables: Table[] = [];
  private open: Table | null = null;
  private last: CaptionedTable | null = null;
  private openPage = -1;

  add(p: PageTables): void {
    p.tables.forEach((t, i) => {
      const rows = i === 0 && this.open && this.openPage === p.page - 1 ? continuationRows(this.open, this.last!, t) : null;
      if (this.open && rows) {
        this.open.rows.push(...rows);
        this.open.pages.push(p.page);
        this.open.unit ??= t.unit;
      } else {
        this.open = startTable(t);
        this.tables.push(this.open);
        this.open.id = `t${this.tables.length}`;
      }
      this.openPage = p.page;
      this.last = t;
    });
    // Only the last table of a page can run on.
    if (p.tables.length === 0) this.open = null;
  }
}

export function mergeContinuations(pages: PageTables[]): Table[] {
  const merger = new ContinuationMerger();
  for (const p of pages) merger.add(p);
  return merger.tables;
}
