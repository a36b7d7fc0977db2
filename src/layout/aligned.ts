/**
 * Tables without (some) ruling lines: columns from the alignment of text.
 *
 *   lines → chunks (text separated by wide gaps)
 *   → blocks of consecutive lines with several chunks (≥ minAlignedRows of them)
 *   → columns: the x-ranges covered by the body's chunks, merged where they overlap
 *   → rows: one per line, lines that overlap vertically or wrap a label folded in
 *   → cells: chunks placed in the columns they cover (a chunk over several columns spans).
 */
import type { BBox, PageContent, TextRun } from '../pdf/types';
import { parseValue } from '../values/parse';
import type { PageTable } from './cells';
import { looksLikeTitle, unitOf } from './captions';
import { sourceRun, splitRun } from './cells';
import { LAYOUT_SETTINGS as S } from './settings';
import { isLetterSpaced, joinLines, makeLine, runText, unionBBox } from './text';
import type { TableCell, TextLine } from './types';

export interface Chunk {
  text: string;
  bbox: BBox;
  runs: TextRun[];
}

interface Row {
  lines: TextLine[];
  chunks: Chunk[];
  bbox: BBox;
}

/** Inside one run, a single space separates two cells when a figure stands on either side, or between words of a header row. */
function cellBoundary(left: string, right: string, tokens: number): boolean {
  if (isAmount(left) || isAmount(right) || (isNumeric(left) && isNumeric(right))) return true;
  // Header words, not a numbering and its label ("一、 一般公共服务支出", "（一） 工资福利支出").
  const word = (t: string) => t.length >= 2 && /^[\u4e00-\u9fff（）()“”]+$/.test(t) && !/^[（(][一二三四五六七八九十\d]+[)）]$/.test(t);
  return tokens >= 3 && word(left) && word(right);
}

/** A code or code fragment: digits only, at most 7 of them (a 类, 款 or 项, or a whole code). */
const CODE_PIECE = /^\d{2,7}$/;

export function chunksOf(line: { page: number }, runsOfLine: TextRun[]): Chunk[] {
  // Pieces of one run that start a new cell although the gap before them is only a space.
  const breaks = new Set<TextRun>();
  const pieces = runsOfLine
    .flatMap((r) => {
      const t = r.text.trim();
      if (isLetterSpaced(t) || !/\S\s+\S/.test(t)) return [r];
      const parts = splitRun(r);
      if (!/\S\s{2,}\S|\d\s+[-\d]/.test(t) && !parts.some((p, k) => k > 0 && cellBoundary(parts[k - 1].text, p.text, parts.length))) return [r];
      parts.forEach((p, k) => k > 0 && cellBoundary(parts[k - 1].text, p.text, parts.length) && breaks.add(p));
      return parts;
    })
    .sort((a, b) => a.bbox[0] - b.bbox[0]);
  const chunks: Chunk[] = [];
  let cur: TextRun[] = [];
  for (const r of pieces) {
    const prev = cur[cur.length - 1];
    const gap = prev ? r.bbox[0] - prev.bbox[2] : 0;
    const size = prev ? Math.max(r.fontSize, prev.fontSize) : 0;
    // A figure set apart from the text before or after it by more than a space is a cell of its own.
    const figure = prev && gap > S.figureGap * size && (isAmount(r.text.trim()) || isAmount(prev.text.trim()));
    // Code fragments set apart by more than a space are cells of their own (类 | 款 | 项: "201  06  01").
    const codes = prev && gap > S.figureGap * size && CODE_PIECE.test(r.text.trim()) && CODE_PIECE.test(prev.text.trim());
    if (prev && (breaks.has(r) || figure || codes || gap > S.cellGap * size)) {
      chunks.push(toChunk(cur, line.page));
      cur = [];
    }
    cur.push(r);
  }
  if (cur.length) chunks.push(toChunk(cur, line.page));
  return chunks;
}

function toChunk(runs: TextRun[], page: number): Chunk {
  const line = makeLine(runs, page);
  return { text: line.text, bbox: line.bbox, runs };
}

export function isNumeric(text: string): boolean {
  const v = parseValue(text);
  return v.kind === 'number' || v.kind === 'percent' || v.kind === 'dash';
}

/** Cheap test first: an amount has a digit and no Chinese character. */
const NOT_AN_AMOUNT = /[\u4e00-\u9fff]|^[^\d\uff10-\uff19]*$/;

export function isAmount(text: string): boolean {
  if (NOT_AN_AMOUNT.test(text)) return false;
  const v = parseValue(text);
  return v.kind === 'percent' || (v.kind === 'number' && (v.decimals > 0 || /,/.test(text) || v.value!.abs().gte(1000)));
}

/** Sentence punctuation: justified prose spreads words apart, but table cells hold no sentences. */
const SENTENCE = /[，。；！？]/;

function isTabular(chunks: Chunk[]): boolean {
  if (chunks.some((c) => SENTENCE.test(c.text))) return false;
  return chunks.length >= 3 || (chunks.length === 2 && chunks.some((c) => isNumeric(c.text)));
}

/** Extents merged where they overlap. */
export function mergeSpans(spans: [number, number][]): [number, number][] {
  spans.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/**
 * Column x-ranges: the body chunks' extents merged where they overlap — except a piece of a line
 * without figures (a header) bridging columns that the lines with figures keep apart.
 */
function columnRanges(rows: Row[]): [number, number][] {
  const extent = (c: Chunk) => [c.bbox[0], c.bbox[2]] as [number, number];
  const figures = rows.filter((r) => r.chunks.some((c) => isAmount(c.text)));
  const apart = mergeSpans(figures.flatMap((r) => r.chunks.map(extent)));
  const bridges = (c: Chunk) => apart.filter(([a, b]) => c.bbox[0] < b && c.bbox[2] > a).length >= 2;
  const withFigures = new Set(figures);
  const others = rows.filter((r) => !withFigures.has(r)).flatMap((r) => r.chunks.filter((c) => !bridges(c)).map(extent));
  return mergeSpans([...figures.flatMap((r) => r.chunks.map(extent)), ...others]);
}

/** A one-piece line that is the next table's title (named like one, or set larger than the rows), not a wrapped label. */
function startsTable(line: Row, above: Row): boolean {
  return looksLikeTitle(line.lines[0].text) || line.lines[0].fontSize > above.lines[0].fontSize + 1;
}

/** A one-piece line right above a row, over one of its pieces: the upper part of a wrapped cell (a header). */
function wrapsInto(line: Row, below: Row, after?: Row): boolean {
  if (line.chunks.length !== 1 || isTabular(line.chunks)) return false;
  const c = line.chunks[0];
  const size = line.lines[0].fontSize || 10;
  if (below.bbox[1] - line.bbox[3] >= 0.6 * size || looksLikeTitle(c.text) || unitOf(c.text)) return false;
  // Cells of the row are centred on their lines: the rest of the wrapped cell may come a line later.
  const rest = after && after.bbox[1] - below.bbox[3] < 0.6 * size ? [...below.chunks, ...after.chunks] : below.chunks;
  return rest.some((o) => o.bbox[0] < c.bbox[2] && o.bbox[2] > c.bbox[0]);
}

export function findAlignedTables(lines: TextLine[], content: PageContent): PageTable[] {
  const runsByLine = new Map<TextLine, TextRun[]>();
  const bySpan = new Map<string, TextRun>();
  for (const r of content.runs) bySpan.set(`${r.bbox[0]}|${r.bbox[1]}|${runText(r.text)}`, r);
  for (const l of lines) {
    runsByLine.set(l, l.spans.map((s) => bySpan.get(`${s.bbox[0]}|${s.bbox[1]}|${s.text}`)).filter((r): r is TextRun => !!r));
  }
  const sorted = [...lines].sort((a, b) => a.bbox[1] - b.bbox[1]);
  const rows: Row[] = sorted.map((l) => {
    const chunks = chunksOf(l, runsByLine.get(l) ?? []);
    return { lines: [l], chunks, bbox: l.bbox };
  });

  const tables: PageTable[] = [];
  let i = 0;
  while (i < rows.length) {
    if (!isTabular(rows[i].chunks)) {
      i++;
      continue;
    }
    // Grow a block downwards: tabular lines, with at most one plain line between them.
    let j = i;
    let tabular = 1;
    while (j + 1 < rows.length) {
      const next = rows[j + 1];
      const size = next.lines[0].fontSize || 10;
      if (next.bbox[1] - rows[j].bbox[3] > 2.5 * size) break;
      if (isTabular(next.chunks)) {
        tabular++;
        j++;
      } else if (j + 2 < rows.length && isTabular(rows[j + 2].chunks) && next.chunks.length === 1 && !startsTable(next, rows[j])) {
        j += 1; // a wrapped label between two rows
      } else {
        // Several lines of wrapped labels between two rows (names centred against their figures).
        const m = wrappedRun(rows, j);
        if (m && j + m + 1 < rows.length && isTabular(rows[j + m + 1].chunks)) j += m;
        else break;
      }
    }
    // The lower half of the last row's centred label, under its figures.
    if (centredLabels(rows.slice(i, j + 1))) j += wrappedRun(rows, j);
    // A table of contents (title … page number) aligns too: ask for at least one amount.
    const hasAmount = rows.slice(i, j + 1).some((r) => r.chunks.some((c) => isAmount(c.text)));
    if (tabular >= S.minAlignedRows && hasAmount) {
      // Header lines right above: two or more chunks, close by.
      let top = i;
      while (top > 0) {
        const above = rows[top - 1];
        const gap = rows[top].bbox[1] - above.bbox[3];
        const size = rows[top].lines[0].fontSize || 10;
        if (above.chunks.length >= 2 && gap < 2 * size) top--;
        // The first line of a header cell wrapped over two lines, the rest of the header below it.
        else if (wrapsInto(above, rows[top], rows[top + 1])) top--;
        else break;
      }
      const table = buildTable(rows.slice(top, j + 1), rows.slice(i, j + 1), content.page);
      if (table) tables.push(table);
    }
    i = j + 1;
  }
  return tables;
}

/** A line holding one piece of text that is no figure: a line of a wrapped label (or a title, a note). */
function isPlain(r: Row): boolean {
  return r.chunks.length === 1 && !isTabular(r.chunks) && !SENTENCE.test(r.chunks[0].text);
}

const overlapsX = (a: BBox, b: BBox) => a[0] < b[2] && a[2] > b[0];

/**
 * How many plain lines follow line j closely, each right under the one before (at most
 * maxWrappedLines, none a title or a unit line): the lines of wrapped labels.
 */
function wrappedRun(rows: Row[], j: number): number {
  let m = 0;
  while (m < S.maxWrappedLines && j + m + 1 < rows.length) {
    const r = rows[j + m + 1];
    const size = r.lines[0].fontSize || 10;
    if (!isPlain(r) || r.bbox[1] - rows[j + m].bbox[3] >= S.wrapLineGap * size || startsTable(r, rows[j + m]) || unitOf(r.chunks[0].text)) break;
    m++;
  }
  return m;
}

/**
 * Labels centred against their figures (Excel, WPS): some row has no text of its own where the
 * label lines just above and just below it stand, in one column — its label is those lines.
 */
function centredLabels(body: Row[]): boolean {
  return body.some((r, m) => {
    const above = body[m - 1];
    const below = body[m + 1];
    if (!above || !below || !isTabular(r.chunks) || !isPlain(above) || !isPlain(below)) return false;
    const a = above.chunks[0].bbox;
    const b = below.chunks[0].bbox;
    return overlapsX(a, b) && !r.chunks.some((c) => overlapsX(c.bbox, a) || overlapsX(c.bbox, b));
  });
}

/**
 * Rows of a table whose labels are centred against their figures: each row holding figures takes
 * as many label lines from below as it took from above (a label of 2n lines has n on each side of
 * its figures, one of 2n + 1 lines its middle line beside them); the lines left over before the
 * next row are the upper part of that row's label.
 */
function centredRows(body: Row[]): Row[] {
  const out: Row[] = [];
  let pending: Row[] = [];
  let last: Row | null = null;
  let owed = 0;
  const join = (row: Row, r: Row) => {
    row.lines.push(...r.lines);
    row.chunks.push(...r.chunks);
    row.bbox = unionBBox([row.bbox, r.bbox]);
  };
  for (const r of body) {
    if (isPlain(r)) {
      if (last && owed > 0) {
        join(last, r);
        owed--;
      } else pending.push(r);
      continue;
    }
    const row: Row = { lines: [...r.lines], chunks: [...r.chunks], bbox: r.bbox };
    owed = pending.length;
    for (const p of pending) join(row, p);
    pending = [];
    out.push(row);
    last = row;
  }
  // Lines after the last row's share: still its label (nothing follows to take them).
  if (last) for (const p of pending) join(last, p);
  return out;
}

/**
 * Single characters set apart by visible gaps, each standing inside a different column (a header
 * 类 款 项 over narrow code columns), are a cell each, not one cell spanning those columns.
 */
function splitOverColumns(c: Chunk, ranges: [number, number][], page: number): Chunk[] {
  const pieces = c.runs.flatMap((r) => (/\s/.test(r.text.trim()) ? splitRun(r) : [r]));
  if (pieces.length < 2 || !pieces.every((r) => [...r.text.trim()].length === 1)) return [c];
  const inside = (r: TextRun) => ranges.findIndex(([a, b]) => (r.bbox[0] + r.bbox[2]) / 2 >= a && (r.bbox[0] + r.bbox[2]) / 2 <= b);
  const cols = pieces.map(inside);
  const gapsVisible = pieces.every((r, i) => i === 0 || r.bbox[0] - pieces[i - 1].bbox[2] > S.spaceGap * r.fontSize);
  if (!gapsVisible || cols.some((k) => k < 0) || new Set(cols).size !== cols.length) return [c];
  return pieces.map((r) => toChunk([r], page));
}

function buildTable(all: Row[], body: Row[], page: number): PageTable | null {
  const ranges = columnRanges(body.filter((r) => isTabular(r.chunks)));
  if (ranges.length < 2) return null;
  const centred = centredLabels(body);
  const head = centred ? all.slice(0, all.indexOf(body[0])) : all;
  // Fold a one-chunk line into the row it wraps from (a label continuing on the next line).
  const merged: Row[] = [];
  for (const [k, r] of head.entries()) {
    const prev = merged[merged.length - 1];
    const size = r.lines[0].fontSize || 10;
    if (prev && ((r.chunks.length === 1 && !isTabular(r.chunks) && r.bbox[1] - prev.bbox[3] < 0.6 * size) || (merged.length === 1 && prev.chunks.length === 1 && wrapsInto(prev, r, all[k + 1])))) {
      prev.lines.push(...r.lines);
      prev.chunks.push(...r.chunks);
      prev.bbox = unionBBox([prev.bbox, r.bbox]);
    } else merged.push({ lines: [...r.lines], chunks: [...r.chunks], bbox: r.bbox });
  }
  if (centred) merged.push(...centredRows(body));
  const colOf = (x: number) => {
    let best = 0;
    let dist = Infinity;
    ranges.forEach(([a, b], k) => {
      const d = x < a ? a - x : x > b ? x - b : 0;
      if (d < dist) {
        dist = d;
        best = k;
      }
    });
    return best;
  };
  const nCols = ranges.length;
  const xs = [ranges[0][0], ...ranges.slice(1).map(([a], k) => (ranges[k][1] + a) / 2), ranges[nCols - 1][1]];
  const used = new Set<TextRun>();
  const grid: (TableCell | null)[][] = merged.map((row) => {
    const cellsText: { chunks: Chunk[]; from: number; to: number }[] = [];
    for (const c of row.chunks.flatMap((c) => splitOverColumns(c, ranges, page))) {
      for (const r of c.runs) used.add(sourceRun(r));
      let from = colOf(c.bbox[0] + 0.5);
      let to = Math.max(from, colOf(c.bbox[2] - 0.5));
      // Reaching into the gap beside a column is not covering it (a header wider than its figures).
      if (to > from && c.bbox[0] >= ranges[from][1]) from++;
      if (to > from && c.bbox[2] <= ranges[to][0]) to--;
      const same = cellsText.find((t) => t.from === from);
      if (same) {
        same.chunks.push(c);
        same.to = Math.max(same.to, to);
      } else cellsText.push({ chunks: [c], from, to });
    }
    const out: (TableCell | null)[] = Array(nCols).fill(null);
    const taken: boolean[] = Array(nCols).fill(false);
    for (const t of cellsText.sort((a, b) => a.from - b.from)) {
      if (taken[t.from]) continue;
      let to = t.to;
      for (let k = t.from + 1; k <= to; k++) if (taken[k]) to = k - 1;
      for (let k = t.from; k <= to; k++) taken[k] = true;
      const ordered = [...t.chunks].sort((a, b) => a.bbox[1] - b.bbox[1] || a.bbox[0] - b.bbox[0]);
      out[t.from] = { text: joinLines(ordered).text, page, bbox: unionBBox(ordered.map((c) => c.bbox)), rowSpan: 1, colSpan: to - t.from + 1 };
    }
    for (let k = 0; k < nCols; k++) {
      if (!taken[k]) out[k] = { text: '', page, bbox: [xs[k], row.bbox[1], xs[k + 1], row.bbox[3]], rowSpan: 1, colSpan: 1 };
    }
    return out;
  });
  const bbox = unionBBox(merged.map((r) => r.bbox).concat([[xs[0], merged[0].bbox[1], xs[nCols], merged[0].bbox[3]]]));
  return { page, bbox, rows: grid, xs, ruled: false, ranges, used };
}
