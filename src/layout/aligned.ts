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
import { CAPTION_FIELD, isTableCode, looksLikeTitle, unitOf } from './captions';
import { sourceRun, splitRun } from './cells';
import { LAYOUT_SETTINGS as S } from './settings';
import { isLetterSpaced, joinLines, makeLine, runText, unionBBox } from './text';
import { headerRowCount, NUMBERED_LABEL as NUMBERED } from './headers';
import type { TableCell, TextLine } from './types';

export interface Chunk {
  text: string;
  bbox: BBox;
  runs: TextRun[];
  /** A prose column's text (绩效目标): right of every figure of the rows around it, sentences allowed. */
  prose?: boolean;
}

interface Row {
  lines: TextLine[];
  chunks: Chunk[];
  bbox: BBox;
}

/** Inside one run, a single space separates two cells when a figure stands on either side, or between words of a header row. */
function cellBoundary(left: string, right: string, tokens: number): boolean {
  // A year read on into its 年 (2022 年一般公共预算基本支出表) is one piece of text.
  if (/^(19|20)\d{2}$/.test(left) && /^[年度]/.test(right)) return false;
  if (proseAfterFigure(left, right)) return false;
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
    // Two pieces printed by separate text runs with a visible gap between them: in a narrow cell
    // without rules the text may fill its cell up to the next one (LibreOffice, 社会保障和就 | 16888050.00).
    const separate = !!prev && sourceRun(prev) !== sourceRun(r) && gap > S.spaceGap * size;
    // A figure set apart from the text before or after it by more than a space is a cell of its own.
    // (Closer than that only a figure that cannot be a year or a count: 1,234 or 12.50.)
    const clear = (t: string) => isAmount(t) && /\d[.,]\d|%$/.test(t);
    const figure =
      prev &&
      !proseAfterFigure(prev.text.trim(), r.text.trim()) &&
      ((gap > S.figureGap * size && (isAmount(r.text.trim()) || isAmount(prev.text.trim()))) || (separate && (clear(r.text.trim()) || clear(prev.text.trim()))));
    // Code fragments set apart by more than a space are cells of their own (类 | 款 | 项: "201  06  01"),
    // and so is a code fragment printed apart from the name after it (208 02 01 | 行政运行).
    const codes = prev && gap > S.figureGap * size && CODE_PIECE.test(r.text.trim()) && CODE_PIECE.test(prev.text.trim());
    const codeName = separate && numberBesideName(prev.text.trim(), r.text.trim());
    // A figure with words printed right after it by another run, no unit among them: the figure
    // closes its column and the words open the next (a prose column starting where figures end).
    const wordsAfter = separate === false && !!prev && sourceRun(prev) !== sourceRun(r) && gap > -0.5 && clear(prev.text.trim()) && /^[\u4e00-\u9fff]/.test(r.text.trim()) && !/^[万亿千元]/.test(r.text.trim());
    if (prev && (breaks.has(r) || figure || codes || codeName || wordsAfter || gap > S.cellGap * size)) {
      chunks.push(toChunk(cur, line.page));
      cur = [];
    }
    cur.push(r);
  }
  if (cur.length) chunks.push(toChunk(cur, line.page));
  return chunks;
}

/**
 * A figure, then its unit and the sentence going on (16.50 | 万元、教育支出…): prose whose words a
 * producer set apart with gaps, not two cells — a table's unit stands in its caption or alone.
 */
function proseAfterFigure(left: string, right: string): boolean {
  return isAmount(left) && /^(?:亿元|万元|元|万(?!元))[、，。；：,;\u4e00-\u9fff]/u.test(right);
}

/** A code or line number (行次) printed beside a name, either side: 208 02 01 | 行政运行, 三、国防支出 | 32. */
function numberBesideName(left: string, right: string): boolean {
  const number = /^\d{1,7}$/;
  // A number read on into a counter or a date is prose (2019 年, 11 表, 15 个), not a code and a name.
  const name = (t: string) => /^[\u4e00-\u9fff]{2}/.test(t) && !/^[年月日个人万元项次表条家户辆名岁号期届]/.test(t);
  return (number.test(left) && name(right)) || (/[\u4e00-\u9fff）)]$/.test(left) && number.test(right));
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

/** Sentence punctuation: justified prose spreads words apart, but table cells hold no sentences… */
const SENTENCE = /[，。；！？]/;
/** …but for a prose column's (see markProse). */
const sentence = (c: Chunk) => !c.prose && SENTENCE.test(c.text);

function isTabular(chunks: Chunk[]): boolean {
  if (chunks.some(sentence)) return false;
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
  // A fragment of two or three characters (经费, 附属单) ends a wrapped name; no table is named that short.
  // And a title stands apart: a line close under the one before, in its type, is a wrapped cell
  // however it ends (金预算经营预算, …项目经费).
  const size = line.lines[0].fontSize || 10;
  const apart = line.bbox[1] - above.bbox[3] >= 0.6 * size;
  // (a numbered line — 三、国有资本经营预算 — is a list item's name unless it names a 表)
  const text = line.lines[0].text.replace(/\s+/g, '');
  const named = looksLikeTitle(text) && text.length >= 4 && apart && (!NUMBERED.test(text) || /表/.test(text));
  return named || line.lines[0].fontSize > above.lines[0].fontSize + 1;
}

/** A one-piece line right above a row, over one of its pieces: the upper part of a wrapped cell (a header). */
function wrapsInto(line: Row, below: Row, after?: Row): boolean {
  if (line.chunks.length !== 1 || isTabular(line.chunks)) return false;
  const c = line.chunks[0];
  const size = line.lines[0].fontSize || 10;
  const gap = below.bbox[1] - line.bbox[3];
  // A title is set apart from the table; a line touching the header below, in the header's type, is
  // the top line of a wrapped header cell even when its fragment ends like a name (附属单 / 位上缴 / 收入).
  const touching = gap < 0.15 * size && Math.abs(line.lines[0].fontSize - below.lines[0].fontSize) < 0.5;
  if (gap >= 0.6 * size || (looksLikeTitle(c.text) && !touching) || unitOf(c.text)) return false;
  // Cells of the row are centred on their lines: the rest of the wrapped cell may come a line later —
  // but not past a row of figures (a line over a figure row, beside none of its pieces, is the upper
  // half of that row's centred label).
  const figures = below.chunks.some((o) => isAmount(o.text));
  const rest = after && !figures && after.bbox[1] - below.bbox[3] < 0.6 * size ? [...below.chunks, ...after.chunks] : below.chunks;
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
  markProse(rows);

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
    // (a figure alone on its line, its row's name wrapped around it, is a row of figures too)
    const figureRow = (r: Row) => isTabular(r.chunks) || (r.chunks.length === 1 && isAmount(r.chunks[0].text));
    while (j + 1 < rows.length) {
      const next = rows[j + 1];
      const size = next.lines[0].fontSize || 10;
      if (next.bbox[1] - rows[j].bbox[3] > 2.5 * size) break;
      // The next table's title (set larger, or named like one) ends the block even when it splits.
      if (next.lines[0].fontSize > rows[j].lines[0].fontSize + 1 && !next.chunks.some((c) => isAmount(c.text))) break;
      if (isTabular(next.chunks) || (j > i && figureRow(next))) {
        tabular++;
        j++;
      } else if (j + 2 < rows.length && isTabular(rows[j + 2].chunks) && next.chunks.length === 1 && !startsTable(next, rows[j])) {
        j += 1; // a wrapped label between two rows
      } else {
        // Several lines of wrapped labels between two rows (names centred against their figures, in
        // one column or side by side: （一）一般公 | 二、结转下 between two rows of a 收支总表).
        const m = wrappedRun(rows, j, undefined, true);
        const p = proseBeside(rows, j);
        if (m && j + m + 1 < rows.length && figureRow(rows[j + m + 1])) j += m;
        else if (p && j + p + 1 < rows.length && figureRow(rows[j + p + 1])) j += p;
        else {
          // Rows with names and no figures (a 收支总表's items with nothing budgeted on either side),
          // their names standing under the block's names, and wrapped lines among them.
          const n = labelRun(rows, j, rows.slice(i, j + 1)) || headerTail(rows, j, rows.slice(i, j + 1));
          if (n && j + n + 1 < rows.length && isTabular(rows[j + n + 1].chunks)) j += n;
          else break;
        }
      }
    }
    // The lower half of the last row's centred label, under its figures (in one column or in
    // several: 金预算拨款 | 支出 under a two-sided table's last row).
    // (the line after the block is looked at too: a name above and below the last row tells)
    if (centredLabels(rows.slice(i, j + 2))) j += wrappedRun(rows, j, rows.slice(i, j + 1));
    // A table of contents (title … page number) aligns too: ask for at least one amount.
    const hasAmount = rows.slice(i, j + 1).some((r) => r.chunks.some((c) => isAmount(c.text)));
    // A table whose page holds one row under its header (the rest on the next page) is still one: a
    // header line of three or more words over a row of several figures.
    const block = rows.slice(i, j + 1);
    // (or one figure in a row of three or more pieces, under a header naming its columns: 项目 | 预算数 | 项目 | 预算数)
    const amounts = (r: Row) => r.chunks.filter((c) => isAmount(c.text)).length;
    // (short header words, no digits or colons; a row with no unit word after its figure — justified
    // prose spread into pieces reads 行政事业单位离退休（款）：2018年预算支出 | … 371.92 | 万)
    const naming = (r: Row) =>
      r.chunks.length >= 3 && r.chunks.every((c) => !/[\d：:，。；]/.test(c.text) && c.text.trim().length <= 8) && r.chunks.filter((c) => HEADER_TERM.test(c.text)).length >= 2;
    const oneFigure = (r: Row) => amounts(r) >= 1 && r.chunks.length >= 3 && !r.chunks.some((c) => sentence(c) || /^(?:万元?|亿元|元|%)$/.test(c.text.trim()));
    const headed =
      (block.some((r) => r.chunks.length >= 3 && r.chunks.every((c) => !isNumeric(c.text))) && block.some((r) => amounts(r) >= 2)) ||
      (block.some(naming) && block.some(oneFigure));
    if ((tabular >= S.minAlignedRows || (tabular >= 2 && headed)) && hasAmount) {
      // Header lines right above: two or more chunks, close by.
      let top = i;
      while (top > 0) {
        const above = rows[top - 1];
        const gap = rows[top].bbox[1] - above.bbox[3];
        const size = rows[top].lines[0].fontSize || 10;
        // (not the caption's 单位名称：… 单位：万元 line, which also has two pieces)
        if (above.chunks.length >= 2 && gap < 2 * size && !above.chunks.some((c) => unitOf(c.text) || CAPTION_FIELD.test(c.text))) top--;
        // The first line of a header cell wrapped over two lines, the rest of the header below it.
        else if (wrapsInto(above, rows[top], rows[top + 1])) top--;
        else if (top > i - S.maxWrappedLines && labelAbove(above, rows[i]) && gap < 0.6 * size) top--;
        // The last line of a header cell wrapped lower than the rest (金预算 / 经营预算 under 项目 …
        // 合计 一般公共预算), with the header's line of several words right above it.
        else if (isPlain(above) && !unitOf(above.chunks[0].text) && gap < 2 * size && top >= 2 && isHeaderLine(rows[top - 2]) && above.bbox[1] - rows[top - 2].bbox[3] < 0.6 * size) top--;
        else {
          // The end of a row the page break cut (本经营预算拨 / 健康支出 / 款), between the header
          // repeated at the page's top and the first row: name lines with a header line right above.
          let n = 0;
          while (n < S.maxWrappedLines && top - n > 0 && isPlain(rows[top - n - 1]) && !unitOf(rows[top - n - 1].chunks[0].text) && rows[top - n].bbox[1] - rows[top - n - 1].bbox[3] < 2 * size) n++;
          const header = rows[top - n - 1];
          if (n > 0 && header && isHeaderLine(header) && rows[top - n].bbox[1] - header.bbox[3] < 2 * size) top -= n;
          else break;
        }
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
  return r.chunks.length === 1 && !isTabular(r.chunks) && !sentence(r.chunks[0]);
}

const overlapsX = (a: BBox, b: BBox) => a[0] < b[2] && a[2] > b[0];

/**
 * How many plain lines follow line j closely, each right under the one before (at most
 * maxWrappedLines, none a title or a unit line): the lines of wrapped labels.
 */
function wrappedRun(rows: Row[], j: number, block?: Row[], betweenRows = false): number {
  const underNames = block ? namesUnder(block) : () => false;
  // (short name pieces side by side, no sentence among them; kept only when a row of figures follows)
  const names = (r: Row) => betweenRows && r.chunks.length >= 2 && r.chunks.every((c) => !isNumeric(c.text) && !sentence(c) && c.text.trim().length <= 12);
  let m = 0;
  while (m < (betweenRows ? S.maxLinesBetweenRows : S.maxWrappedLines) && j + m + 1 < rows.length) {
    const r = rows[j + m + 1];
    if (!(isPlain(r) || underNames(r) || names(r)) || endsNameLines(r, rows[j + m])) break;
    if (betweenRows && r.chunks.length === 1 && isAmount(r.chunks[0].text)) break;
    m++;
  }
  return m;
}

/**
 * Marks the prose column's text (绩效目标, 项目概述 — sentences wrapped onto many lines beside a row's
 * one line of figures): on a line near rows of figures, text standing right of all their figures,
 * when the line's other text stands left of them (a wrapped name) or is figures.
 */
function markProse(rows: Row[]): void {
  const figureRows = rows.filter((r) => r.chunks.filter((c) => isAmount(c.text)).length >= 2);
  if (!figureRows.length) return;
  for (const r of rows) {
    const size = r.lines[0].fontSize || 10;
    const reach = S.maxProseLines * 0.75 * size;
    const near = figureRows.filter((f) => f.bbox[1] - r.bbox[3] < reach && r.bbox[1] - f.bbox[3] < reach);
    if (!near.length) continue;
    const figures = near.flatMap((f) => f.chunks.filter((c) => isAmount(c.text)).map((c) => c.bbox));
    const left = Math.min(...figures.map((b) => b[0]));
    const right = Math.max(...figures.map((b) => b[2]));
    const beside = (c: Chunk) => c.bbox[0] >= right - 0.5;
    if (!r.chunks.some(beside) || !r.chunks.every((c) => beside(c) || c.bbox[2] <= left || isAmount(c.text))) continue;
    for (const c of r.chunks) if (beside(c)) c.prose = true;
  }
}

/**
 * How many lines after line j are a prose column's lines (see markProse), alone or beside a name's
 * wrapped line, close one under the other (at most maxProseLines): the lower half of one row's
 * prose and the upper half of the next's.
 */
function proseBeside(rows: Row[], j: number): number {
  let n = 0;
  let prose = 0;
  while (n < S.maxProseLines && j + n + 1 < rows.length) {
    const r = rows[j + n + 1];
    if (endsNameLines(r, rows[j + n]) || r.chunks.some((c) => isNumeric(c.text))) break;
    if (!r.chunks.every((c) => c.prose || !sentence(c))) break;
    if (r.chunks.some((c) => c.prose)) prose++;
    n++;
  }
  return prose ? n : 0;
}

/** A line that ends a run of name lines under `prev`: set apart, the next table's title, a unit line or a table code. */
function endsNameLines(r: Row, prev: Row): boolean {
  const size = r.lines[0].fontSize || 10;
  return r.bbox[1] - prev.bbox[3] >= S.wrapLineGap * size || startsTable(r, prev) || r.chunks.some((c) => unitOf(c.text) || isTableCode(c.text));
}

/** A line of two or more names, none a figure or a sentence, each under a name of the block's rows. */
function namesUnder(block: Row[]): (r: Row) => boolean {
  const names = block.flatMap((r) => (isTabular(r.chunks) ? r.chunks.filter((c) => !isNumeric(c.text)).map((c) => c.bbox) : []));
  return (r: Row) => r.chunks.length >= 2 && r.chunks.every((c) => !isNumeric(c.text) && !sentence(c) && names.some((b) => overlapsX(b, c.bbox)));
}

/**
 * How many lines after line j are names only — a row without figures (two or more names, each under
 * a name of the block's rows) or a wrapped line — close one under the other.
 */
function labelRun(rows: Row[], j: number, block: Row[]): number {
  const underNames = namesUnder(block);
  let n = 0;
  let rowsOfNames = 0;
  while (j + n + 1 < rows.length) {
    const r = rows[j + n + 1];
    if (endsNameLines(r, rows[j + n])) break;
    if (underNames(r)) rowsOfNames++;
    else if (!isPlain(r)) break;
    n++;
  }
  return rowsOfNames > 0 ? n : 0;
}

/**
 * Under a block that is so far only a header line, the header's lower lines (header cells wrapped
 * lower than the rest: 金预算 | 经营预算) and the upper half of the first row's name, up to the first
 * row of figures: at most three lines, none a sentence, a figure, a title or a unit line.
 */
function headerTail(rows: Row[], j: number, block: Row[]): number {
  if (block.length !== 1 || !isHeaderLine(block[0])) return 0;
  let n = 0;
  while (n < 3 && j + n + 1 < rows.length) {
    const r = rows[j + n + 1];
    if (endsNameLines(r, rows[j + n]) || r.chunks.some((c) => isNumeric(c.text) || sentence(c))) break;
    n++;
  }
  const next = rows[j + n + 1];
  return next && next.chunks.filter((c) => isAmount(c.text)).length >= 2 ? n : 0;
}

/**
 * A line of names without figures holds one line of several names (（一）一般公共 beside （一）社会保障):
 * each is a line of its own column's name.
 */
function namePieces(lines: Row[]): Row[] {
  return lines.flatMap((r) =>
    r.chunks.length >= 2 && r.chunks.every((c) => !isNumeric(c.text) && !sentence(c)) ? r.chunks.map((c) => ({ lines: r.lines, chunks: [c], bbox: c.bbox })) : [r],
  );
}

/**
 * Labels centred against their figures (Excel, WPS, LibreOffice): some row has no text of its own
 * where the label lines just above and just below it stand, in one column — its label is those
 * lines; or a name's numbered first line stands above the row that prints the rest of it.
 */
function centredLabels(lines: Row[]): boolean {
  // Lines of names only (one name, or one line of several columns' names).
  const names = (r: Row | undefined) => (r && !isTabular(r.chunks) && namePieces([r]).every(isPlain) ? r.chunks : null);
  return lines.some((r, m) => {
    if (!isTabular(r.chunks)) return false;
    // A name whose numbered first line stands above its row (一、一般 / 公共预算 beside the figures).
    for (let n = m - 1; n >= 0 && n >= m - S.maxWrappedLines && names(lines[n]); n--) {
      for (const a of names(lines[n])!) {
        if (NUMBERED.test(a.text.trim()) && r.chunks.some((c) => !isNumeric(c.text) && !NUMBERED.test(c.text.trim()) && overlapsX(c.bbox, a.bbox))) return true;
      }
    }
    // A name above and below the row, in a column where the row itself has no text.
    const above = names(lines[m - 1]);
    const below = names(lines[m + 1]);
    if (!above || !below) return false;
    return above.some((a) => below.some((b) => overlapsX(a.bbox, b.bbox) && !r.chunks.some((c) => overlapsX(c.bbox, a.bbox) || overlapsX(c.bbox, b.bbox))));
  });
}

/**
 * Rows of a table whose labels are centred against their figures: a row's name has as many lines
 * above its figure line as below it (a name of 2n lines n on each side; of 2n + 1 lines its middle
 * line beside the figures). Column by column, the lines between two rows are the lower half of
 * the one and the upper half of the next:
 *   - a line that opens with a list number (三、, （一）) starts a name, and a name beside its
 *     figures that opens with one (or is a total, 本年支出合计) has no lines above it; lines that
 *     fall to no row that way, from a numbered line on, are rows of names without figures;
 *   - otherwise the halves are solved from the top (nothing above the first row's name) — unless
 *     that leaves the last row short of lines or with lines to spare, and solving from the bottom
 *     (nothing below the last row's name) does not: then the lines left over at the top are the end
 *     of the row the page break cut, a row of their own that the pages' join completes.
 */
function centredRows(lines: Row[]): Row[] {
  const body = namePieces(lines);
  const copy = (r: Row): Row => ({ lines: [...r.lines], chunks: [...r.chunks], bbox: r.bbox });
  const join = (row: Row, r: Row) => {
    row.lines.push(...r.lines);
    row.chunks.push(...r.chunks);
    row.bbox = unionBBox([row.bbox, r.bbox]);
  };
  const numbered = (text: string) => NUMBERED.test(text.trim());
  // (a figure alone on its line is a row of figures too, not a line of a name)
  const isName = (r: Row) => isPlain(r) && !isNumeric(r.chunks[0].text);
  const figureRows = body.filter((r) => !isName(r));
  if (!figureRows.length) return lines;
  const rows = figureRows.map(copy);
  const rowOf = (pieces: Row[]): Row => pieces.slice(1).reduce((row, p) => (join(row, p), row), copy(pieces[0]));
  const extra: { at: number; row: Row }[] = []; // rows of names (or a cut row's end): placed before figure row `at`
  // Columns of names: pieces whose extents overlap.
  const columns: { span: BBox; pieces: Row[] }[] = [];
  for (const p of body.filter(isName)) {
    const c = columns.find((k) => overlapsX(k.span, p.chunks[0].bbox));
    if (c) {
      c.pieces.push(p);
      c.span = unionBBox([c.span, p.chunks[0].bbox]);
    } else columns.push({ span: p.chunks[0].bbox, pieces: [p] });
  }
  for (const col of columns) {
    // gaps[i]: the pieces before figure row i (gaps[k] after the last one).
    const gaps: Row[][] = Array.from({ length: figureRows.length + 1 }, () => []);
    let g = 0;
    for (const r of body) {
      if (!isName(r)) g++;
      else if (col.pieces.includes(r)) gaps[g].push(r);
    }
    const beside = figureRows.map((f) => f.chunks.find((c) => !isNumeric(c.text) && overlapsX(c.bbox, col.span)));
    const whole = beside.map((b) => !!b && (numbered(b.text) || /(?:合计|总计)$/.test(b.text.trim())));
    // Per gap: [lines below the row before, rows of names, lines above the row after] — fixed by a
    // numbered line, else null (to solve).
    const fixed = gaps.map((gap, i) => {
      const starts = gap.flatMap((p, n) => (numbered(p.chunks[0].text) ? [n] : []));
      if (!starts.length && !(i < figureRows.length && whole[i])) return null;
      const lastStart = starts.length ? starts[starts.length - 1] : gap.length;
      const aboveNext = i < figureRows.length && !whole[i] ? gap.slice(lastStart) : [];
      const named = gap.slice(starts.length ? starts[0] : gap.length, gap.length - aboveNext.length);
      return { below: gap.slice(0, starts.length ? starts[0] : gap.length), named, above: aboveNext };
    });
    const k = figureRows.length;
    // m[i]: lines above (= below) figure row i.
    const solve = (fromTop: boolean): { m: number[]; spare: number } | null => {
      const m: number[] = Array(k).fill(0);
      if (fromTop) {
        let owed = 0;
        for (let i = 0; i <= k; i++) {
          const f = fixed[i];
          if (i > 0 && (f ? f.below.length !== owed : gaps[i].length < owed)) return null;
          const below = i === 0 ? 0 : owed;
          if (i === k) return { m, spare: gaps[k].length - owed };
          m[i] = f ? f.above.length : gaps[i].length - below;
          if (m[i] < 0) return null;
          owed = m[i];
        }
      } else {
        let owed = gaps[k].length; // the last row's lower half: all that follows it
        if (fixed[k]) owed = fixed[k]!.below.length;
        for (let i = k - 1; i >= 0; i--) {
          m[i] = owed;
          const f = fixed[i];
          if (f && f.above.length !== owed) return null;
          owed = f ? f.below.length : gaps[i].length - m[i];
          if (owed < 0) return null;
        }
        return { m, spare: owed };
      }
      return null;
    };
    const top = solve(true);
    const bottom = top && top.spare === 0 ? null : solve(false);
    const m = top && (top.spare === 0 || !bottom) ? top.m : bottom ? bottom.m : null;
    const cut = !(top && (top.spare === 0 || !bottom)) && bottom ? bottom.spare : 0;
    if (!m) {
      // No consistent split: each row takes what lies above it.
      gaps.forEach((gap, i) => gap.forEach((p) => join(rows[Math.min(i, k - 1)], p)));
      continue;
    }
    gaps.forEach((gap, i) => {
      const f = fixed[i];
      const below = i === 0 ? [] : f ? f.below : gap.slice(0, gap.length - (i < k ? m[i] : 0));
      const above = i === k ? [] : f ? f.above : gap.slice(gap.length - m[i]);
      const named = f ? f.named : [];
      if (i > 0) for (const p of below) join(rows[i - 1], p);
      if (i === 0 && !f) {
        const lead = gap.slice(0, gap.length - m[0]);
        if (lead.length && cut) extra.push({ at: 0, row: rowOf(lead) });
        else for (const p of lead) join(rows[0], p);
      } else if (i === 0 && f && f.below.length) extra.push({ at: 0, row: rowOf(f.below) });
      // Rows of names: from each numbered line to the next.
      let open: Row | null = null;
      for (const p of named) {
        if (numbered(p.chunks[0].text) || !open) {
          open = copy(p);
          extra.push({ at: i, row: open });
        } else join(open, p);
      }
      for (const p of above) join(rows[i], p);
    });
  }
  // Rows of names from several columns that stand on one line form one row.
  const out: Row[] = [];
  for (let i = 0; i <= rows.length; i++) {
    const here = extra.filter((e) => e.at === i).map((e) => e.row).sort((a, b) => a.bbox[1] - b.bbox[1]);
    const merged: Row[] = [];
    for (const r of here) {
      const same = merged.find((o) => o.bbox[1] < r.bbox[3] && r.bbox[1] < o.bbox[3] && !o.chunks.some((c) => r.chunks.some((d) => overlapsX(c.bbox, d.bbox))));
      if (same) join(same, r);
      else merged.push(r);
    }
    out.push(...merged);
    if (i < rows.length) out.push(rows[i]);
  }
  return out;
}

/**
 * Single characters set apart by visible gaps, each standing inside a different column (a header
 * 类 款 项 over narrow code columns), are a cell each, not one cell spanning those columns.
 */
function splitOverColumns(c: Chunk, ranges: [number, number][], page: number): Chunk[] {
  const pieces = c.runs.flatMap((r) => (/\s/.test(r.text.trim()) ? splitRun(r) : [r]));
  if (pieces.length < 2) return [c];
  const inside = (r: TextRun) => ranges.findIndex(([a, b]) => (r.bbox[0] + r.bbox[2]) / 2 >= a && (r.bbox[0] + r.bbox[2]) / 2 <= b);
  const cols = pieces.map(inside);
  const visible = (i: number) => pieces[i].bbox[0] - pieces[i - 1].bbox[2] > S.spaceGap * pieces[i].fontSize;
  if (pieces.every((r) => [...r.text.trim()].length === 1)) {
    const gapsVisible = pieces.every((_, i) => i === 0 || visible(i));
    if (!gapsVisible || cols.some((k) => k < 0) || new Set(cols).size !== cols.length) return [c];
    return pieces.map((r) => toChunk([r], page));
  }
  return splitHeaderWords(c, pieces, page, ranges);
}

/**
 * Header words of neighbouring columns printed close together (narrow cells without vertical rules:
 * 本年收入 财政拨款 上级补 事业 经营) read as one piece: they are separate cells when each word stands
 * over a different column, set apart by a visible gap. A header spanning columns is one run or runs
 * without gaps, and stays one cell.
 */
function splitHeaderWords(c: Chunk, pieces: TextRun[], page: number, ranges: [number, number][]): Chunk[] {
  if (pieces.some((r) => isNumeric(r.text.trim()))) return [c];
  // The column a word stands over: the nearest range (header words may be wider than their figures).
  const colOf = (r: TextRun) => nearestRange((r.bbox[0] + r.bbox[2]) / 2, ranges);
  const groups: TextRun[][] = [[pieces[0]]];
  for (let i = 1; i < pieces.length; i++) {
    const gap = pieces[i].bbox[0] - pieces[i - 1].bbox[2];
    const apart = gap > S.spaceGap * pieces[i].fontSize && colOf(pieces[i]) !== colOf(pieces[i - 1]);
    if (apart) groups.push([pieces[i]]);
    else groups[groups.length - 1].push(pieces[i]);
  }
  if (groups.length < 2) return [c];
  // Each word over a column of its own, or the chunk stays whole (one spanning cell).
  const cols = groups.map((g) => colOf(g[0]));
  if (new Set(cols).size !== cols.length) return [c];
  return groups.map((g) => toChunk(g, page));
}

/**
 * Where the header of a table with centred labels ends: at its first body line, or further down when
 * the lines before the first figure are header lines too (a header cell wrapped over more lines than
 * its neighbours ends on a line of its own, 收入 under 附属单 / 位上缴) — the plain lines right above
 * the first figures are still that row's centred label.
 */
function headerEnd(all: Row[], body: Row[]): number {
  const start = all.indexOf(body[0]);
  const firstFigure = all.findIndex((r) => r.chunks.some((c) => isAmount(c.text)));
  if (firstFigure < start) return start;
  let end = firstFigure;
  const nameHalf = nameLineOverLabels(body);
  while (end > 0 && ((isPlain(all[end - 1]) && (end > start || labelAbove(all[end - 1], all[firstFigure]))) || nameHalf(all[end - 1]))) end--;
  return end;
}

/** Words of a header cell (or of its wrapped pieces: 项目单 / 位类型). */
const HEADER_TERM = /项目|名称|科目|编码|代码|单位|类型|合计|总计|小计|预算|决算|金额|收入|支出|经费|分类|年度|本年|上年|结转|资金|拨款|数/;

/**
 * A line of name pieces over the body's name columns only — none over a figure, none a header
 * word unless numbered: the upper halves of the first row's names, set in several columns (东阳市 |
 * 特定 above 异地就医结 | 医疗保 | 医疗保障; 一、本年收 | 一、本年支), not a header line.
 */
function nameLineOverLabels(body: Row[]): (r: Row) => boolean {
  const underNames = namesUnder(body);
  const figures = body.filter((r) => isTabular(r.chunks)).flatMap((r) => r.chunks.filter((c) => isAmount(c.text)).map((c) => c.bbox));
  // (a header cell is never numbered: 一、本年收 is a name however it reads)
  return (r: Row) => underNames(r) && r.chunks.every((c) => (NUMBERED.test(c.text.trim()) || !HEADER_TERM.test(c.text)) && !figures.some((b) => overlapsX(b, c.bbox)));
}

/** A header line: three or more words, no figure, no caption field. */
function isHeaderLine(r: Row): boolean {
  return r.chunks.length >= 3 && r.chunks.every((c) => !isNumeric(c.text) && !sentence(c) && !CAPTION_FIELD.test(c.text) && !unitOf(c.text));
}

/** A plain line over a row of figures, beside none of its pieces: the upper half of the row's centred label. */
function labelAbove(line: Row, row: Row): boolean {
  if (!isPlain(line) || !row.chunks.some((c) => isAmount(c.text))) return false;
  // (or a numbered first line over the rest of the name: 一、一般 / 公共预算 / 财政拨款)
  return !row.chunks.some((c) => overlapsX(c.bbox, line.chunks[0].bbox)) || NUMBERED.test(line.chunks[0].text.trim());
}

function buildTable(all: Row[], body: Row[], page: number): PageTable | null {
  const ranges = columnRanges(body.filter((r) => isTabular(r.chunks)));
  if (ranges.length < 2) return null;
  const centred = centredLabels(body);
  const end = centred ? headerEnd(all, body) : all.length;
  const head = all.slice(0, end);
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
  // (from the header's end: the upper half of the first row's name may stand above the block's first row)
  if (centred) merged.push(...centredRows(all.slice(end)));
  const first = placeInColumns(merged, ranges, page);
  const joined = headerBesideFigures(first.rows, ranges);
  return joined === ranges ? first : placeInColumns(merged, joined, page);
}

/**
 * A header set beside its column rather than over it (figures right-aligned in a wide cell, names
 * left-aligned, the header centred; no rules to tell): one column holds the header and nothing below
 * it, its neighbour figures or names and no header. They are one column.
 */
function headerBesideFigures(rows: (TableCell | null)[][], ranges: [number, number][]): [number, number][] {
  const h = headerRowCount(rows);
  if (h < 1 || h >= rows.length) return ranges;
  const text = (r: number, k: number) => !!rows[r][k]?.text.trim() && rows[r][k]!.colSpan === 1;
  const spanned = (r: number, k: number) => rows[r].some((c, o) => c && o < k && o + c.colSpan > k);
  const headed = (k: number) => rows.slice(0, h).some((_, r) => text(r, k));
  const headerOnly = (k: number) => headed(k) && rows.slice(h).every((row) => !row[k]?.text.trim());
  // Figures or names under no header (科目名称 centred right of names printed from the cell's left edge).
  const bodyOnly = (k: number) => !rows.slice(0, h).some((_, r) => rows[r][k]?.text.trim() || spanned(r, k)) && rows.slice(h).some((row) => !!row[k]?.text.trim());
  const out: [number, number][] = [];
  for (let k = 0; k < ranges.length; k++) {
    const next = ranges[k + 1];
    if (next && ((headerOnly(k) && bodyOnly(k + 1)) || (bodyOnly(k) && headerOnly(k + 1)))) {
      out.push([Math.min(ranges[k][0], next[0]), Math.max(ranges[k][1], next[1])]);
      k++;
    } else out.push(ranges[k]);
  }
  return out.length === ranges.length ? ranges : out;
}

/** The column whose x-range is nearest to x (inside it: distance 0; the first of a tie). */
function nearestRange(x: number, ranges: [number, number][]): number {
  let best = 0;
  let dist = Infinity;
  ranges.forEach(([a, b], k) => {
    const d = x < a ? a - x : x > b ? x - b : 0;
    if (d < dist) [best, dist] = [k, d];
  });
  return best;
}

/** The rows' pieces placed in the columns they cover (a piece over several columns spans them). */
function placeInColumns(merged: Row[], ranges: [number, number][], page: number): PageTable {
  const colOf = (x: number) => nearestRange(x, ranges);
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
