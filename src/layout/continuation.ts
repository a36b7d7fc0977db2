/**
 * Tables that run over several pages become one table: the first table on a page, with no
 * title of its own, continues the last table of the page before when its repeated header rows
 * match (they are dropped) or, without a repeated header, when it has the same columns.
 */
import type { PageTable } from './cells';
import { columnHeaderPaths, headerRowCount, headerSignature } from './headers';
import type { Table, TextLine } from './types';

export interface CaptionedTable extends PageTable {
  title: string;
  unit: string | null;
  captionLines: TextLine[];
}

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
    rows: t.rows,
    columnHeaders: columnHeaderPaths(t.rows, headerRows),
    ruled: t.ruled,
  };
}

/** Rows of `next` to append to `open`, or null when `next` does not continue it. */
function continuationRows(open: Table, next: CaptionedTable): CaptionedTable['rows'] | null {
  if (next.title && next.title !== open.title) return null;
  const nCols = open.rows[0]?.length ?? 0;
  if ((next.rows[0]?.length ?? 0) !== nCols) return null;
  const h = headerRowCount(next.rows);
  if (h > 0 && open.headerRows > 0) {
    const same = headerSignature(next.rows, h) === headerSignature(open.rows, open.headerRows);
    if (same) return next.rows.slice(h);
    // A different header over the same number of columns is a new table.
    if (h >= open.headerRows && h < next.rows.length) return null;
  }
  return next.rows;
}

export function mergeContinuations(pages: PageTables[]): Table[] {
  const out: Table[] = [];
  let open: Table | null = null;
  let openPage = -1;
  for (const p of pages) {
    p.tables.forEach((t, i) => {
      const rows = i === 0 && open && openPage === p.page - 1 ? continuationRows(open, t) : null;
      if (open && rows) {
        open.rows.push(...rows);
        open.pages.push(p.page);
        open.unit ??= t.unit;
      } else {
        open = startTable(t);
        out.push(open);
      }
      openPage = p.page;
    });
    // Only the last table of a page can run on.
    if (p.tables.length === 0) open = null;
  }
  out.forEach((t, i) => (t.id = `t${i + 1}`));
  return out;
}
