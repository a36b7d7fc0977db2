/**
 * Tables that run over several pages become one table: the first table on a page, with no
 * title of its own, continues the last table of the page before when its repeated header rows
 * match (they are dropped) or, without a repeated header, when its columns stand where the open
 * table's do.
 */
import type { PageTable } from './cells';
import { LAYOUT_SETTINGS as S } from './settings';
import { columnHeaderPaths, headerRowCount, headerSignature } from './headers';
import { lineJoiner } from './text';
import type { Table, TableCell, TextLine } from './types';

export interface CaptionedTable extends PageTable {
  title: string;
  unit: string | null;
  captionLines: TextLine[];
  /** Nothing but the page number follows it on its page (it may run on over the break). */
  endsPage?: boolean;
}

/** Words a column header holds (and a table's first rows otherwise do not). */
const HEADER_WORD = /项目|科目|合计|总计|编码|名称|预算|决算|金额|栏次|行次|功能分类|经济分类|小计|本年|上年/;

/** Header rows that name a column (项目, 合计, 本年…): a header of the table's own. */
const namesColumns = (rows: Row[]) => rows.some((row) => row.some((c) => !!c && HEADER_WORD.test(c.text)));

/** A continuation mark: the whole title (续表, （续表）, 续上表) or its end (…表（续）). */
const CONTINUED = /[（(]\s*续(?:表|上表)?\s*[)）]$|^续(?:上)?表$/;

interface PageTables {
  page: number;
  tables: CaptionedTable[];
  /**
   * A one-row ruled grid at the very top of the page, too small to be a table of its own: kept
   * only when it goes on with the table of the page before (a last row pushed over the break).
   */
  fragment?: CaptionedTable;
}

export interface MergedTables {
  tables: Table[];
  /** Pages whose top fragment was joined to the table before (its text is no paragraph). */
  joinedFragments: Set<number>;
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

/** Ruled parts of one table keep their column borders within this (points, or share of its width). */
const borderTolerance = (xs: number[]) => Math.max(S.continuationBorderTolerance, S.continuationBorderShare * (xs[xs.length - 1] - xs[0]));

/**
 * Column k of one stands over column k of the other, for every k (a table going on): for tables
 * without rules the text of each column overlaps, for ruled ones each column's middle lies inside
 * the other's column.
 */
function sameColumns(a: Pick<CaptionedTable, 'xs' | 'ranges' | 'ruled'>, b: Pick<CaptionedTable, 'xs' | 'ranges' | 'ruled'>): boolean {
  if (a.xs.length !== b.xs.length) return false;
  // Ruled: the same producer draws the same borders on every page.
  if (a.ruled && b.ruled) {
    const tol = borderTolerance(a.xs);
    return a.xs.every((x, k) => Math.abs(x - b.xs[k]) <= tol);
  }
  if (a.ranges && b.ranges) return a.ranges.every(([x0, x1], k) => x0 < b.ranges![k][1] && b.ranges![k][0] < x1);
  const inside = (xs: number[], ys: number[]) => xs.slice(1).every((x, k) => {
    const centre = (xs[k] + x) / 2;
    return centre > ys[k] && centre < ys[k + 1];
  });
  return inside(a.xs, b.xs) && inside(b.xs, a.xs);
}

/**
 * A ruled part whose rows merge cells the page before kept apart (当年支出小计 over three columns)
 * has fewer column borders; when each of them is one of the page before's, it is the same grid:
 * its cells are laid over the page before's columns, spanning those their borders take in.
 */
function widenColumns(last: CaptionedTable, next: CaptionedTable): CaptionedTable {
  if (!last.ruled || !next.ruled || next.xs.length >= last.xs.length) return next;
  const tol = borderTolerance(last.xs);
  const at = next.xs.map((x) => last.xs.findIndex((y) => Math.abs(x - y) <= tol));
  if (at[0] !== 0 || at[at.length - 1] !== last.xs.length - 1 || at.some((k, i) => k < 0 || (i > 0 && k <= at[i - 1]))) return next;
  const rows = next.rows.map((row) => {
    const wide: Row = Array.from({ length: last.xs.length - 1 }, () => null);
    row.forEach((c, k) => {
      if (c) wide[at[k]] = { ...c, colSpan: at[k + c.colSpan] - at[k] };
    });
    return wide;
  });
  return { ...next, rows, xs: last.xs };
}

/** Rows of `next` to append to `open`, or null when `next` does not continue it. */
function continuationRows(open: Table, last: CaptionedTable, next: CaptionedTable): CaptionedTable['rows'] | null {
  // A page going on may say so: 续表, （续）, or the title again with （续表）.
  const title = next.title.replace(CONTINUED, '').trim();
  if (title && title !== open.title) return null;
  next = widenColumns(last, next);
  const nCols = open.rows[0]?.length ?? 0;
  if ((next.rows[0]?.length ?? 0) !== nCols) return realignColumns(open, last, next);
  // An empty row (the blank rest of a row the break cut) is no part of a repeated header.
  // (Only a row of its own cells: one a span covers, or one that spans on, keeps the grid's shape.)
  const blank = (row: Row) => row.every((c) => c && c.rowSpan === 1 && !filled(c));
  next = { ...next, rows: next.rows.filter((row, r) => r === 0 || !blank(row)) };
  // Rows read as a header that name no column (其他非税收入 over blank amounts) are the rows going on.
  const h = namesColumns(next.rows.slice(0, headerRowCount(next.rows))) ? headerRowCount(next.rows) : 0;
  if (h > 0 && open.headerRows > 0) {
    const same = headerSignature(next.rows, h) === headerSignature(open.rows, open.headerRows);
    if (same) return next.rows.slice(h);
    // The same header characters, some set a column over or cut into cells and lines otherwise (a
    // header cell of a table without rules stands where its text happens to fall; narrow cells wrap
    // its words differently on each page), over as many columns: the repeated header.
    if (headerCharacters(next.rows, h) === headerCharacters(open.rows, open.headerRows)) return next.rows.slice(h);
    // The header repeated, then the rest of a row the break cut: its lone last digits ("0") look
    // like a header row of their own.
    const k = open.headerRows;
    // The repeated header, then the rest of the last row the break cut: read as one more header row
    // (no figures in it), though only a name's last characters (十三、交通运 | 输支出).
    if (h > k && headerSignature(next.rows, k) === headerSignature(open.rows, k) && isSplitRowTail(open.rows[open.rows.length - 1], next.rows[k], h === k + 1)) {
      return next.rows.slice(k);
    }
    // …the same, the header's lines cut into rows otherwise on this page (a table without rules):
    // known by its characters.
    for (const n of repeatedHeaderRows(next.rows, h - 1, open)) {
      if (isSplitRowTail(open.rows[open.rows.length - 1], next.rows[n], h === n + 1)) return next.rows.slice(n);
    }
    // A different header over the same number of columns is a new table.
    if (h >= open.headerRows && h < next.rows.length) return null;
  }
  // No header repeated: only a table whose columns stand where the open table's do goes on.
  return sameColumns(last, next) ? next.rows : null;
}

type Row = (TableCell | null)[];

/**
 * A page of a table without rules that repeats its header, its columns found anew from that page's
 * text: a column with no figure there is missing, header words of neighbours run together (事业其他).
 * Its rows are laid back under the columns of the page before — each text into the column it
 * stands in — when every text falls into a column of its own.
 */
function realignColumns(open: Table, last: CaptionedTable, next: CaptionedTable): Row[] | null {
  if (last.ruled || next.ruled || open.headerRows === 0) return null;
  // (the repeated header may be followed by lines of names only — the upper half of the first
  // row's centred names — which count as header rows: the longest part that repeats the header)
  const h = repeatedHeaderRows(next.rows, headerRowCount(next.rows), open)[0] ?? 0;
  if (h === 0 || h >= next.rows.length) return null;
  const xs = last.xs;
  const n = xs.length - 1;
  const rows: Row[] = [];
  for (const row of next.rows.slice(h)) {
    const cells = row.filter((c): c is TableCell => !!c);
    const top = Math.min(...cells.map((c) => c.bbox[1]));
    const bottom = Math.max(...cells.map((c) => c.bbox[3]));
    const wide: Row = xs.slice(0, n).map((x, k) => ({ text: '', page: next.page, bbox: [x, top, xs[k + 1], bottom], rowSpan: 1, colSpan: 1 }));
    for (const c of cells) {
      if (!filled(c)) continue;
      const centre = (c.bbox[0] + c.bbox[2]) / 2;
      const k = xs.findIndex((x, i) => i < n && centre >= x && centre < xs[i + 1]);
      if (k < 0 || filled(wide[k])) return null;
      wide[k] = { ...c, rowSpan: 1, colSpan: 1 };
    }
    rows.push(wide);
  }
  return rows;
}

/** Every character of the header rows, sorted: the header however its cells and lines were cut. */
export function headerCharacters(rows: Row[], n: number): string {
  const cells = new Set<TableCell>();
  for (const row of rows.slice(0, n)) for (const c of row) if (c) cells.add(c);
  return [...[...cells].map((c) => c.text.replace(/\s+/g, '')).join('')].sort().join('');
}

/** How many of the first `h` rows repeat the open table's header (known by its characters), most first. */
function repeatedHeaderRows(rows: Row[], h: number, open: Table): number[] {
  const before = headerCharacters(open.rows, open.headerRows);
  return Array.from({ length: Math.max(0, h) }, (_, i) => h - i).filter((n) => alike(headerCharacters(rows, n), before));
}

/** Two headers' characters nearly the same (a wrapped header cell's line may be read into another cell or lost). */
function alike(a: string, b: string): boolean {
  if (!a || !b) return false;
  const count = new Map<string, number>();
  for (const ch of a) count.set(ch, (count.get(ch) ?? 0) + 1);
  let common = 0;
  for (const ch of b) {
    const n = count.get(ch) ?? 0;
    if (n > 0) {
      common++;
      count.set(ch, n - 1);
    }
  }
  return common >= 0.85 * Math.max(a.length, b.length);
}

const filled = (c: TableCell | null | undefined) => !!c && c.text.trim() !== '';

/**
 * A row the producer let break over the page (Word and LibreOffice do by default): the next page
 * starts with the rest of the last row's cells — no label of its own, every text under a cell of
 * that row, each continuing it (a figure's last digits, a name's last characters).
 */
function isSplitRowTail(last: Row | undefined, first: Row | undefined, textOnly = false): boolean {
  if (!last || !first || last.length !== first.length) return false;
  const cells = first.flatMap((c, k) => (filled(c) ? [k] : []));
  // (a row of its own has a label; only the rest of names — no figure — may go on in the first column)
  if (!cells.length || (filled(first[0]) && !textOnly)) return false;
  let cut = 0;
  const ok = cells.every((k) => {
    const upper = last[k];
    if (!filled(upper)) return false;
    const a = upper!.text.trim();
    const b = first[k]!.text.trim();
    if (/^[\d.,%-]+$/.test(b)) {
      // a figure goes on only where it was cut short of its decimals (2528208.0 | 0): a whole
      // number under another (行次 14 over 15) is a row of its own
      if (!/^-?[\d,]*\d\.\d{2}$/.test(a + b) || /\.\d{2}$/.test(a)) return false;
      cut++;
      return true;
    }
    // a name goes on; a numbered item (十五、…) starts a row
    return lineJoiner(a, b) === '' && !/^([一二三四五六七八九十]+、|\d+[.．、])/.test(b);
  });
  return ok && (cut > 0 || textOnly);
}

/** Appends a page's rows, first joining a row the page break cut in two. */
function appendRows(open: Table, rows: Row[]): void {
  const last = open.rows[open.rows.length - 1];
  if (isSplitRowTail(last, rows[0])) {
    rows[0].forEach((c, k) => {
      if (!filled(c)) return;
      const upper = last[k]!;
      last[k] = { ...upper, text: upper.text.trim() + c!.text.trim() };
    });
    rows = rows.slice(1);
  }
  open.rows.push(...rows);
}

/**
 * Joins tables page by page, pages given in order (a missing page breaks a continuation). Tables
 * are numbered as they start (t1, t2, …), so a table that no later page can continue keeps its
 * id: the streamed checks (core/stream.ts) read those while later pages are still coming.
 */
export class ContinuationMerger {
  readonly tables: Table[] = [];
  /** Pages whose top fragment was joined to the table before (its text is no paragraph). */
  readonly joinedFragments = new Set<number>();
  private open: Table | null = null;
  private last: CaptionedTable | null = null;
  private openPage = -1;

  add(p: PageTables): void {
    const goesOnFrom = (page: number) => (this.open && this.openPage === page - 1 ? this.open : null);
    const before = goesOnFrom(p.page);
    const fragment = p.fragment && before && !p.fragment.title ? continuationRows(before, this.last!, p.fragment) : null;
    if (before && fragment) {
      appendRows(before, fragment);
      before.pages.push(p.page);
      this.joinedFragments.add(p.page);
      this.openPage = p.page;
    }
    p.tables.forEach((t, i) => {
      const open = i === 0 ? goesOnFrom(p.page) : null;
      const rows = open ? continuationRows(open, this.last!, t) : null;
      if (open && rows) {
        appendRows(open, rows);
        open.pages.push(p.page);
        open.unit ??= t.unit;
      } else {
        const previous = this.open;
        this.open = startTable(t);
        this.tables.push(this.open);
        this.open.id = `t${this.tables.length}`;
        // Untitled and headerless right after a table that ran to the page's end: its tail, in
        // columns of its own. Joining it cell by cell would be a guess.
        const untitled = !t.title.replace(CONTINUED, '').trim();
        if (open && previous && untitled && this.open.headerRows === 0) this.open.continues = previous.id;
        // Either way the table before is not whole: its rows go on here — when this one has no
        // header of its own either (none read, or rows read as one that name no column).
        const ownHeader = namesColumns(this.open.rows.slice(0, this.open.headerRows));
        // (a header that repeats the table before's, in columns that could not be matched, is not its own)
        const repeats = !!previous && this.open.headerRows > 0 && alike(headerCharacters(this.open.rows, this.open.headerRows), headerCharacters(previous.rows, previous.headerRows));
        if (open && previous && untitled && (!ownHeader || repeats) && this.last?.endsPage) {
          previous.cut = true;
          // …and this part, its rows' first part there, is not whole either.
          if (repeats) this.open.cut = true;
        }
      }
      this.openPage = p.page;
      this.last = t;
    });
    // Only the last table of a page can run on.
    if (p.tables.length === 0) this.open = null;
  }
}

export function mergeContinuations(pages: PageTables[]): MergedTables {
  const merger = new ContinuationMerger();
  for (const p of pages) merger.add(p);
  return { tables: merger.tables, joinedFragments: merger.joinedFragments };
}
