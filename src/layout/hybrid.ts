/**
 * Ruled frames with rules missing: horizontal rules without the inner vertical ones, or only the
 * label column ruled off, or no rules between body rows. The rules that are there stay; the
 * text inside adds what is missing:
 *
 *   columns: inside one ruled column, the figures of the body lines (lines holding an amount)
 *            fall into separate x-ranges → a virtual column border between neighbouring ranges;
 *   rows:    one ruled row holding several lines with amounts → a virtual row border between
 *            them (other lines, such as a wrapped label, go with the nearest of them).
 *
 * A body cell spanning ruled columns (vertical rules in the header only) with figures in several
 * of them is cut at their borders too. A cell is split along these borders except where a piece
 * of its text crosses one (it spans there). Ordinary fully ruled tables have none of these (one
 * amount line per row, one figure per column) and come through unchanged.
 */
import type { BBox, TextRun } from '../pdf/types';
import { chunksOf, isAmount, isNumeric, mergeSpans, type Chunk } from './aligned';
import { isTableCode, unitOf } from './captions';
import { splitRun } from './cells';
import type { Edge } from './edges';
import type { Grid, GridCell } from './grid';
import { LAYOUT_SETTINGS as S } from './settings';
import { groupRuns, unionBBox } from './text';

interface Line {
  band: number;
  top: number;
  bottom: number;
  /** Chunks of text per ruled column. */
  strips: Map<number, Chunk[]>;
  amount: boolean;
}

/**
 * Tables ruled between their rows only (Excel exports: horizontal rules, no vertical ones) have
 * no frame to find. Rules of one extent stacked down the page, with no vertical rule across them,
 * get the frame's two sides made up at their ends; text between two rules then is one row (a
 * label wrapped over several lines is one cell), and the columns come from the text (see
 * refineGrid). Two such tables one under the other are kept apart where the space between two
 * rules holds a caption (a table code, a unit line, or a line set larger than the rows).
 */
export function rowRuleSides(edges: Edge[], runs: TextRun[]): Edge[] {
  const tol = S.partialRuleTolerance;
  const hs = edges.filter((e) => e.orientation === 'h').sort((a, b) => a.at - b.at);
  const vs = edges.filter((e) => e.orientation === 'v');
  const clusters: Edge[][] = [];
  for (const h of hs) {
    const same = clusters.find((c) => Math.abs(c[0].from - h.from) <= tol && Math.abs(c[0].to - h.to) <= tol);
    if (same) same.push(h);
    else clusters.push([h]);
  }
  const sides: Edge[] = [];
  let id = Math.max(-1, ...edges.map((e) => e.id));
  const sizes = runs.map((r) => r.fontSize).sort((a, b) => a - b);
  const usualSize = sizes[sizes.length >> 1] ?? 0;
  const caption = (from: number, to: number, y0: number, y1: number) =>
    groupRuns(runs.filter((r) => !r.vertical && (r.bbox[1] + r.bbox[3]) / 2 > y0 && (r.bbox[1] + r.bbox[3]) / 2 < y1 && r.bbox[2] > from && r.bbox[0] < to)).some((line) => {
      const text = [...line].sort((a, b) => a.bbox[0] - b.bbox[0]).map((r) => r.text).join('');
      return !!unitOf(text) || isTableCode(text.trim()) || line.some((r) => r.fontSize > usualSize + 1.5);
    });
  for (const cluster of clusters) {
    if (cluster.length < S.minRowRules) continue;
    const from = Math.min(...cluster.map((e) => e.from));
    const to = Math.max(...cluster.map((e) => e.to));
    let piece: Edge[] = [cluster[0]];
    const close = () => {
      if (piece.length < S.minRowRules) return;
      const top = piece[0].at;
      const bottom = piece[piece.length - 1].at;
      if (vs.some((v) => v.at >= from - tol && v.at <= to + tol && v.from < bottom - tol && v.to > top + tol)) return;
      sides.push({ id: ++id, orientation: 'v', at: from, from: top, to: bottom }, { id: ++id, orientation: 'v', at: to, from: top, to: bottom });
    };
    for (const h of cluster.slice(1)) {
      if (caption(from, to, piece[piece.length - 1].at, h.at)) {
        close();
        piece = [];
      }
      piece.push(h);
    }
    close();
  }
  return sides;
}

/** Index i such that sorted[i] <= v < sorted[i + 1], or -1. */
function indexIn(sorted: number[], v: number): number {
  if (v < sorted[0] || v > sorted[sorted.length - 1]) return -1;
  let lo = 0;
  let hi = sorted.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

function linesOf(grid: Grid, runs: TextRun[], rowRuled = false): Line[] {
  const nBands = grid.ys.length - 1;
  const byBand: TextRun[][] = Array.from({ length: nBands }, () => []);
  for (const r of runs) {
    if (r.vertical) continue;
    const cx = (r.bbox[0] + r.bbox[2]) / 2;
    const cy = (r.bbox[1] + r.bbox[3]) / 2;
    if (cx < grid.bbox[0] || cx > grid.bbox[2]) continue;
    const b = indexIn(grid.ys, cy);
    if (b >= 0 && b < nBands) byBand[b].push(r);
  }
  const lines: Line[] = [];
  const wrapped = new Set<Line>();
  byBand.forEach((bandRuns, band) => {
    for (const group of groupRuns(bandRuns)) {
      const byStrip = new Map<number, TextRun[]>();
      // A run over ruled column borders holds several cells (a row written as one run): its words go to their columns.
      const crosses = (r: TextRun) => grid.xs.some((x) => r.bbox[0] < x - 2 && r.bbox[2] > x + 2);
      for (const r of group.flatMap((r) => (crosses(r) ? splitRun(r) : [r]))) {
        const k = Math.min(indexIn(grid.xs, (r.bbox[0] + r.bbox[2]) / 2), grid.xs.length - 2);
        (byStrip.get(k) ?? byStrip.set(k, []).get(k)!).push(r);
      }
      const strips = new Map<number, Chunk[]>();
      let amount = false;
      for (const [k, rs] of byStrip) {
        const chunks = rowRuled ? chunksOf({ page: 0 }, rs).flatMap(splitLabels) : chunksOf({ page: 0 }, rs);
        strips.set(k, chunks);
        if (chunks.some((c) => isAmount(c.text))) amount = true;
      }
      // An amount is one as the line reads, not as a column cuts it: a producer that changes font
      // between digits and words prints 2025 | 年预算数 as two runs, a heading over several columns.
      if (amount && byStrip.size > 1) amount = chunksOf({ page: 0 }, group).some((c) => isAmount(c.text));
      const top = Math.min(...group.map((r) => r.bbox[1]));
      const bottom = Math.max(...group.map((r) => r.bbox[3]));
      const line: Line = { band, top, bottom, strips, amount };
      // The upper pieces of wrapped figures stand a line or two above (a centred cell may be between).
      const above = lines.slice(-3).reverse().find((l) => l.band === band && continuesFigures(l, line, grid.xs));
      if (above) {
        joinLine(above, line);
        wrapped.add(above);
      } else lines.push(line);
    }
  });
  if (!wrapped.size) return lines;
  // Cells centred against a row of wrapped figures stand between their two pieces: one row.
  const out: Line[] = [];
  for (const l of lines) {
    const host = wrapped.has(l) ? undefined : lines.find((w) => w !== l && wrapped.has(w) && w.band === l.band && w.top <= l.top && w.bottom >= l.bottom && [...l.strips.keys()].every((k) => !w.strips.get(k)?.length));
    if (host) joinLine(host, l);
    else out.push(l);
  }
  return out;
}

/**
 * Without vertical rules, two label cells side by side (项目名称 | 单位, each wrapped to its
 * column's width) may stand closer than a cell gap: a chunk is cut where one text run ends and
 * text of two or more characters, or a number, starts more than figureGap font sizes after the
 * text before.
 */
function splitLabels(chunk: Chunk): Chunk[] {
  const runs = [...chunk.runs].sort((a, b) => a.bbox[0] - b.bbox[0]);
  const groups: TextRun[][] = [];
  for (const r of runs) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && r.bbox[0] - prev.bbox[2] <= S.figureGap * Math.max(r.fontSize, prev.fontSize)) last.push(r);
    else groups.push([r]);
  }
  // Text set apart of one character only is a letter-spaced word going on (收 入): it stays
  // (not a number: a 行次 beside a label).
  const pieces: TextRun[][] = [];
  for (const g of groups) {
    const text = g.map((r) => r.text.trim()).join('');
    if (pieces.length && [...text].length < 2 && !/^\d+$/.test(text)) pieces[pieces.length - 1].push(...g);
    else pieces.push(g);
  }
  return pieces.length < 2 ? [chunk] : pieces.flatMap((g) => chunksOf({ page: 0 }, g));
}

/**
 * A figure too wide for its narrow column wraps inside the cell ("1682.7" over "6", "0.0" over
 * "0"): the upper piece carries the decimal point, the lower piece only the last digits, and the
 * two together would not fit in the column. Such a piece is not a row of its own.
 */
export function isWrappedFigure(upper: Chunk, lower: Chunk, columnWidth: number): boolean {
  const u = upper.text.normalize('NFKC').trim();
  const l = lower.text.normalize('NFKC').trim();
  if (!/^-?[\d,]*\d\.?\d*$/.test(u) || !/^\.?\d{1,3}$/.test(l)) return false;
  const joined = u + l;
  const point = joined.indexOf('.');
  if (point < 0 || !/^-?[\d,]*\d\.\d{1,2}$/.test(joined)) return false;
  const upperDecimals = u.includes('.') ? u.length - u.indexOf('.') - 1 : -1;
  if (upperDecimals >= joined.length - point - 1) return false;
  const widths = upper.bbox[2] - upper.bbox[0] + (lower.bbox[2] - lower.bbox[0]);
  return widths > S.wrappedFigureFill * columnWidth && lower.bbox[1] - upper.bbox[3] < upper.bbox[3] - upper.bbox[1];
}

/**
 * Every ruled column where both lines hold text continues a wrapped figure — or, with the figures,
 * a wrapped label (2024年预 over 算数: the row's name wraps in its narrow cell just as its
 * figures do) — and one figure at least does.
 */
function continuesFigures(upper: Line, lower: Line, xs: number[]): boolean {
  let wraps = 0;
  for (const [k, below] of lower.strips) {
    const over = upper.strips.get(k);
    if (!over?.length || !below.length) continue;
    if (over.length === 1 && below.length === 1 && !isNumeric(over[0].text) && !isNumeric(below[0].text) && !isAmount(below[0].text)) continue;
    if (over.length !== 1 || below.length !== 1 || !isWrappedFigure(over[0], below[0], xs[k + 1] - xs[k])) return false;
    wraps++;
  }
  return wraps > 0;
}

/** The lower line joined into the upper one, each wrapped figure one chunk again. */
function joinLine(upper: Line, lower: Line): void {
  for (const [k, below] of lower.strips) {
    const over = upper.strips.get(k);
    if (!over?.length) {
      upper.strips.set(k, below);
      continue;
    }
    const [a, b] = [over[0], below[0]];
    over[0] = { text: a.text.trim() + b.text.trim(), bbox: unionBBox([a.bbox, b.bbox]), runs: [...a.runs, ...b.runs] };
  }
  upper.top = Math.min(upper.top, lower.top);
  upper.bottom = Math.max(upper.bottom, lower.bottom);
  upper.amount = [...upper.strips.values()].some((chunks) => chunks.some((c) => isAmount(c.text)));
}

/** Body lines holding several pieces in ruled column k, side by side: their pieces' extents. */
function piecesSideBySide(lines: Line[], k: number): [number, number][] | null {
  const counts = lines.filter((l) => l.amount).map((l) => l.strips.get(k)?.length ?? 0).filter((n) => n >= 2);
  if (counts.length < S.minAlignedRows) return null;
  // The usual number of pieces per line: lines with fewer (a label spanning) or more do not vote.
  const freq = new Map<number, number>();
  for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
  const usual = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  if (freq.get(usual)! < 2) return null;
  return lines
    .filter((l) => l.amount && l.strips.get(k)?.length === usual)
    .flatMap((l) => l.strips.get(k)!.map((c) => [c.bbox[0], c.bbox[2]] as [number, number]));
}

/**
 * Body lines holding one piece each in ruled column k, the pieces standing in separate x-ranges
 * under a header line naming each range (类 | 款 | 项 without rules between them, the 类 and 款
 * printed only where they change): those ranges are columns. Without such a header, pieces at
 * different places are one column's text indented (codes or names by level).
 */
function piecesStacked(lines: Line[], k: number): [number, number][] {
  const body = lines.filter((l) => l.amount && l.strips.get(k)?.length);
  if (body.length < S.minAlignedRows) return [];
  const spans = body.flatMap((l) => l.strips.get(k)!.map((c) => [c.bbox[0], c.bbox[2]] as [number, number])).sort((a, b) => a[0] - b[0]);
  const ranges: [number, number][] = [];
  for (const s of spans) {
    const last = ranges[ranges.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else ranges.push([s[0], s[1]]);
  }
  if (ranges.length < 2) return [];
  const firstBody = Math.min(...body.map((l) => l.top));
  const named = lines.some((l) => {
    const head = l.strips.get(k);
    if (l.amount || l.bottom > firstBody || head?.length !== ranges.length) return false;
    // Each header piece stands over its range and over no other.
    return head.every((c, i) => {
      const cx = (c.bbox[0] + c.bbox[2]) / 2;
      const lo = i ? (ranges[i - 1][1] + ranges[i][0]) / 2 : -Infinity;
      const hi = i + 1 < ranges.length ? (ranges[i][1] + ranges[i + 1][0]) / 2 : Infinity;
      return cx > lo && cx < hi && c.bbox[0] > lo - 1 && c.bbox[2] < hi + 1;
    });
  });
  return named ? spans : [];
}

/**
 * A frame without any inner vertical rule (rules between rows only): every piece of text in the
 * body (from the first row of figures down) stands in its column, as in an unruled table (see
 * aligned.ts columnRanges), so a column filled in a few rows only (上年结转 0.00 in the 合计 row)
 * is a column too, and so is a column of labels wrapped around their figures.
 */
function piecesOfBody(lines: Line[], k: number): [number, number][] {
  // (The rules say it is a table: one row of figures is enough, such as the last rows of a table
  // going on from the page before.)
  if (!lines.some((l) => l.amount && l.strips.get(k)?.length)) return [];
  const firstBody = Math.min(...lines.filter((l) => l.amount).map((l) => l.band));
  return lines.filter((l) => l.band >= firstBody).flatMap((l) => (l.strips.get(k) ?? []).map((c) => [c.bbox[0], c.bbox[2]] as [number, number]));
}

/**
 * A frame without inner vertical rules, a column empty in every row of the page (a 政府性基金
 * column on a page of 一般公共预算 items, or all of them on a continuation page): its header
 * names it. A header piece standing over no column of the body and naming none of them (each
 * column is named by its nearest piece, nearest pairs first) is a column of its own; read from the
 * lowest header line up, so a header over several of them, found later, spans them. A piece
 * standing between two pieces of a header line below it (收入 over 项目 | 预算数) spans those.
 */
function headerColumns(lines: Line[], k: number, ranges: { from: number; to: number; lefts: number[]; rights: number[] }[]): void {
  const amounts = lines.filter((l) => l.amount);
  if (!amounts.length) return;
  // Rows above the first figures holding text in fewer than half the columns, under a row that
  // names most of them, are rows without figures (labels on a continuation page), not the header.
  const pieces = new Map<number, number>();
  for (const l of lines) pieces.set(l.band, (pieces.get(l.band) ?? 0) + (l.strips.get(k)?.length ?? 0));
  let firstBody = Math.min(...amounts.map((l) => l.band));
  let named = false;
  for (const [b, n] of [...pieces].sort((x, y) => x[0] - y[0])) {
    if (b >= firstBody || !n) continue;
    if (2 * n >= ranges.length) named = true;
    else if (named) {
      firstBody = b;
      break;
    }
  }
  const head = lines.filter((l) => l.band < firstBody && l.strips.get(k)?.length).sort((a, b) => b.top - a.top);
  const spansBelow = (l: Line, c: Chunk) =>
    head.some((o) => {
      if (o.top < l.bottom - 1) return false;
      const below = o.strips.get(k)!;
      return below.some((p) => p.bbox[2] <= c.bbox[0]) && below.some((p) => p.bbox[0] >= c.bbox[2]);
    });
  // Header words only (a line of column numbers, 栏次 1 2 3, names nothing).
  const words = (c: Chunk) => /[\u4e00-\u9fff]/.test(c.text);
  const claimers = head.flatMap((l) => l.strips.get(k)!.filter((c) => words(c) && !spansBelow(l, c)));
  const dist = (c: Chunk, r: { from: number; to: number }) => (c.bbox[2] < r.from ? r.from - c.bbox[2] : c.bbox[0] > r.to ? c.bbox[0] - r.to : 0);
  // A header stands over its column's cell: not to the right of right-aligned figures, nor to the
  // left of a left-aligned column.
  const flushAt = (xs: number[]) => xs.length >= 2 && Math.max(...xs) - Math.min(...xs) < 1;
  const over = (c: Chunk, r: (typeof ranges)[number]) => {
    const cx = (c.bbox[0] + c.bbox[2]) / 2;
    const right = flushAt(r.rights);
    const left = flushAt(r.lefts);
    if (right && !left && cx > r.to + 1) return false;
    if (left && !right && cx < r.from - 1) return false;
    return true;
  };
  // Each column of the body takes the nearest header piece over it not taken by a nearer column.
  const pairs = claimers.flatMap((c) => ranges.filter((r) => over(c, r)).map((r) => ({ c, r, d: dist(c, r) }))).sort((a, b) => a.d - b.d);
  const naming = new Set<Chunk>();
  const taken = new Set<object>();
  for (const { c, r } of pairs) {
    if (naming.has(c) || taken.has(r)) continue;
    naming.add(c);
    taken.add(r);
  }
  for (const l of head) {
    for (const c of l.strips.get(k)!) {
      if (!ranges.length || !words(c) || naming.has(c) || ranges.some((r) => dist(c, r) === 0) || spansBelow(l, c)) continue;
      const at = ranges.findIndex((r) => r.from > c.bbox[2]);
      ranges.splice(at < 0 ? ranges.length : at, 0, { from: c.bbox[0], to: c.bbox[2], lefts: [c.bbox[0]], rights: [c.bbox[2]] });
    }
  }
}

/** Virtual column borders inside ruled column k, from the body lines' chunks there. */
function virtualColumns(lines: Line[], k: number, unruled: boolean, ends: number[] = []): number[] {
  const spans = (unruled ? piecesOfBody(lines, k) : piecesSideBySide(lines, k) ?? piecesStacked(lines, k)).sort((a, b) => a[0] - b[0]);
  if (!spans.length) return [];
  const ranges: { from: number; to: number; lefts: number[]; rights: number[] }[] = [];
  for (const s of spans) {
    const last = ranges[ranges.length - 1];
    if (last && s[0] <= last.to) {
      last.to = Math.max(last.to, s[1]);
      last.lefts.push(s[0]);
      last.rights.push(s[1]);
    } else ranges.push({ from: s[0], to: s[1], lefts: [s[0]], rights: [s[1]] });
  }
  if (unruled) headerColumns(lines, k, ranges);
  // Text of other lines (a wrapped label) that starts in a range and stays clear of
  // the next one widens that range: the border must not cut through it.
  // (Body rows only: a header spanning columns must not widen one of them.)
  const bodyBands = new Set(lines.filter((l) => l.amount).map((l) => l.band));
  const others = lines.filter((l) => bodyBands.has(l.band)).flatMap((l) => l.strips.get(k) ?? []);
  const extents = ranges.map((r) => ({ from: r.from, to: r.to }));
  for (const c of others) {
    ranges.forEach((r, i) => {
      const next = ranges[i + 1];
      const prev = ranges[i - 1];
      if (c.bbox[0] >= r.from - 1 && c.bbox[0] <= r.to && (!next || c.bbox[2] < next.from)) extents[i].to = Math.max(extents[i].to, c.bbox[2]);
      if (c.bbox[2] <= r.to + 1 && c.bbox[2] >= r.from && (!prev || c.bbox[0] > prev.to)) extents[i].from = Math.min(extents[i].from, c.bbox[0]);
    });
  }
  // A widened side is no longer a flush edge (the ±Infinity entries say so).
  ranges.forEach((r, i) => {
    if (extents[i].to > r.to + 1) r.rights.push(extents[i].to, -Infinity);
    if (extents[i].from < r.from - 1) r.lefts.push(extents[i].from, Infinity);
    r.from = extents[i].from;
    r.to = extents[i].to;
  });
  const flush = (xs: number[]) => Math.max(...xs) - Math.min(...xs) < 1;
  // Without any inner vertical rule: text of the other lines (a header over the columns) reaching
  // into a gap but not across it (a header across some gap spans those columns and may reach
  // into the next gap too).
  const gaps = ranges.slice(1).map((r, i) => [ranges[i].to, r.from]);
  const pieces = lines.flatMap((l) => l.strips.get(k) ?? []).filter((c) => !gaps.some(([a, b]) => c.bbox[0] <= a && c.bbox[2] >= b));
  // The border sits next to a flush edge: right after right-aligned figures, right before a
  // left-aligned column; in the middle of the gap otherwise.
  return ranges.slice(1).map((right, i) => {
    const left = ranges[i];
    const gap = right.from - left.to;
    const margin = Math.min(gap / 2, S.virtualBorderMargin);
    // (Pieces of one width, such as two-digit 款/项 codes, are flush on both sides: that says
    // nothing about the border, and a header centred over the column may reach past them.)
    let x = (left.to + right.from) / 2;
    if (flush(left.rights) && !flush(left.lefts)) x = left.to + margin;
    else if (flush(right.lefts) && !flush(right.rights)) x = right.from - margin;
    return unruled ? clearOfText(x, left.to, right.from, pieces, ends) : x;
  });
}

/**
 * A border at x in the gap (from, to) between two columns' body text moved, if it would cut a
 * piece of text that reaches into the gap without crossing it (a header centred over its column,
 * wider than the figures under it), to the nearest stretch of the gap that no such piece covers;
 * onto the end of a partial rule in the gap where there is one.
 */
function clearOfText(x: number, from: number, to: number, pieces: Chunk[], ends: number[]): number {
  const inGap = pieces
    .filter((c) => c.bbox[2] > from && c.bbox[0] < to)
    .map((c) => [c.bbox[0], c.bbox[2]] as [number, number]);
  // Where a partial rule (under a header spanning columns) ends in the gap, the cells' border is drawn.
  const drawn = ends.filter((e) => e > from && e < to && !inGap.some(([a, b]) => a < e - 1 && b > e + 1));
  if (drawn.length) return drawn.reduce((a, b) => (Math.abs(b - x) < Math.abs(a - x) ? b : a));
  if (!inGap.some(([a, b]) => a < x - 1 && b > x + 1)) return x;
  const free: [number, number][] = [];
  let at = from;
  for (const [a, b] of mergeSpans(inGap)) {
    if (a > at) free.push([at, a]);
    at = Math.max(at, b);
  }
  if (to > at) free.push([at, to]);
  const usable = free.filter(([a, b]) => b - a >= 1);
  if (!usable.length) return x;
  const dist = ([a, b]: [number, number]) => (x < a ? a - x : x > b ? x - b : 0);
  const best = usable.reduce((p, q) => (dist(q) < dist(p) ? q : p));
  return (best[0] + best[1]) / 2;
}

/** Virtual row borders inside ruled row band b: between the lines holding amounts. */
function virtualRows(lines: Line[], band: number, firstAmountBand: number): number[] {
  const inBand = lines.filter((l) => l.band === band).sort((a, b) => a.top - b.top);
  const pieces = (l: Line) => [...l.strips.values()].reduce((n, c) => n + c.length, 0);
  const anchors = inBand.filter((l) => l.amount && pieces(l) >= 2);
  if (!anchors.length) return [];
  // Lines of several pieces above the first figures are a header (its own row, not the first
  // row's), also when the band holds a single row of figures (no rule under the header).
  const head = inBand.filter((l) => l.bottom <= anchors[0].top && pieces(l) >= 2);
  // A single row of figures with a header over it (no rule under the header): only when nothing stands under the figures
  // (text below them is the rest of a label wrapped around them, its upper lines no header).
  // Nor when a header line's text goes on in the figures' line (a wrapped cell, "…工作任" over "务").
  const wrapsOn = (l: Line) => [...l.strips.keys()].some((k) => anchors[0].strips.get(k)?.some((c) => !isNumeric(c.text)));
  // Only the table's first band of figures can hold its header.
  if (anchors.length === 1 && (band !== firstAmountBand || inBand.some((l) => l.top >= anchors[0].bottom - 1) || head.some(wrapsOn))) return [];
  // Not a band of prose with a few figures in it: most of its lines are rows.
  if (anchors.length + (head.length ? 1 : 0) < 2 || inBand.length > 2 * (anchors.length + head.length)) return [];
  const groups = anchors.map((a) => ({ top: a.top, bottom: a.bottom }));
  if (head.length) {
    const top = Math.min(...head.map((l) => l.top));
    groups.unshift({ top, bottom: Math.max(...head.map((l) => l.bottom)) });
    anchors.unshift({ ...head[0], top, bottom: groups[0].bottom });
  }
  for (const l of inBand) {
    if (anchors.includes(l) || head.includes(l)) continue;
    const mid = (l.top + l.bottom) / 2;
    let best = 0;
    anchors.forEach((a, i) => {
      const d = Math.abs((a.top + a.bottom) / 2 - mid);
      const dBest = Math.abs((anchors[best].top + anchors[best].bottom) / 2 - mid);
      // A line below the header no nearer to it than to the first figures (a 合计 label on its
      // own line above them) is the first row's, not the header's.
      if (d < dBest || (d <= dBest + 0.5 && best === 0 && head.length && l.top >= anchors[0].bottom)) best = i;
    });
    groups[best].top = Math.min(groups[best].top, l.top);
    groups[best].bottom = Math.max(groups[best].bottom, l.bottom);
  }
  return groups.slice(1).map((g, i) => (groups[i].bottom + g.top) / 2);
}

/**
 * Horizontal rules inside a ruled row that reach neither side of the frame, such as the rule
 * under a header spanning some columns (基本支出 over 人员经费 | 公用经费): they split only the
 * columns they run across.
 */
function partialRules(grid: Grid, edges: Edge[]): Edge[] {
  const tol = S.snapTolerance;
  return edges.filter(
    (e) =>
      e.orientation === 'h' &&
      e.at > grid.bbox[1] + tol &&
      e.at < grid.bbox[3] - tol &&
      e.from >= grid.bbox[0] - tol &&
      e.to <= grid.bbox[2] + tol &&
      !grid.ys.some((y) => Math.abs(y - e.at) <= tol),
  );
}

export function refineGrid(grid: Grid, runs: TextRun[], edges: Edge[] = []): Grid {
  // A bare frame (one cell, or one column without horizontal rules inside) is a box, not a table.
  const nCols = grid.xs.length - 1;
  const nRows = grid.ys.length - 1;
  if (nCols < 2 && nRows < S.minAlignedRows) return grid;
  // (A frame ruled between rows, each row a rule of its own, is a table also when many rows hold
  // only a label: see rowRuleSides.)
  const rowRuled = nCols < 2 && nRows + 1 >= S.minRowRules;
  const lines = linesOf(grid, runs, rowRuled);
  if (!lines.some((l) => l.amount)) return grid;
  // One ruled column: only a frame whose rows mostly hold figures is a table (not a page border
  // with a rule under the running head).
  if (nCols < 2 && !rowRuled && 2 * new Set(lines.filter((l) => l.amount).map((l) => l.band)).size < nRows) return grid;
  const vxs: number[] = [];
  const ends = rowRuled ? partialRules(grid, edges).flatMap((e) => [e.from, e.to]) : [];
  for (let k = 0; k < grid.xs.length - 1; k++) vxs.push(...virtualColumns(lines, k, rowRuled, ends));
  const vys: number[] = [];
  const firstAmountBand = Math.min(...lines.filter((l) => l.amount).map((l) => l.band));
  for (let b = 0; b < grid.ys.length - 1; b++) vys.push(...virtualRows(lines, b, firstAmountBand));
  // A body cell spanning ruled columns (vertical rules drawn in the header only) whose figures
  // stand in several of them is several cells: it is cut at those columns' borders too.
  const amountBands = new Set(lines.filter((l) => l.amount).map((l) => l.band));
  const linesByBand = new Map<number, Line[]>();
  for (const l of lines) (linesByBand.get(l.band) ?? linesByBand.set(l.band, []).get(l.band)!).push(l);
  const spread = new Set(
    grid.cells.filter((c) => {
      if (c.colSpan < 2 || ![...Array(c.rowSpan).keys()].some((i) => amountBands.has(c.row + i))) return false;
      const strips = new Set<number>();
      for (let b = c.row; b < c.row + c.rowSpan; b++) for (const l of linesByBand.get(b) ?? []) {
        for (const [k, chs] of l.strips) if (k >= c.col && k < c.col + c.colSpan && chs.length) strips.add(k);
      }
      return strips.size >= 2;
    }),
  );
  if (!vxs.length && !vys.length && !spread.size) return grid;
  const partial = vxs.length || spread.size ? partialRules(grid, edges) : [];

  // Text pieces by ruled row, so a cell looks only at its own rows' text.
  const byBand = new Map<number, Chunk[]>();
  for (const l of lines) (byBand.get(l.band) ?? byBand.set(l.band, []).get(l.band)!).push(...[...l.strips.values()].flat());
  const boxes: BBox[] = [];
  const tol = S.partialRuleTolerance;
  for (const c of grid.cells) {
    const [x0, y0, x1, y1] = c.bbox;
    const chunks: Chunk[] = [];
    for (let b = c.row; b < c.row + c.rowSpan; b++) chunks.push(...(byBand.get(b) ?? []));
    const inner = spread.has(c) ? grid.xs.filter((x) => x > x0 + 0.5 && x < x1 - 0.5) : [];
    const colCuts = [x0, ...[...vxs, ...inner].filter((x) => x > x0 && x < x1).sort((a, b) => a - b), x1];
    const rowCuts = [y0, ...vys.filter((y) => y > y0 && y < y1), y1];
    for (let r = 0; r + 1 < rowCuts.length; r++) {
      const ya = rowCuts[r];
      const yb = rowCuts[r + 1];
      const inside = partial.filter((p) => p.at > ya + tol && p.at < yb - tol);
      const holdsText = (bb: BBox) =>
        chunks.some((ch) => {
          const cx = (ch.bbox[0] + ch.bbox[2]) / 2;
          const cy = (ch.bbox[1] + ch.bbox[3]) / 2;
          return cx > bb[0] && cx < bb[2] && cy > bb[1] && cy < bb[3];
        });
      // Each elementary column of this cell, cut at the partial rules running across it.
      const columns = colCuts.slice(1).map((xb, j) => {
        const xa = colCuts[j];
        const cuts = inside.filter((p) => p.from <= xa + tol && p.to >= xb - tol).map((p) => p.at);
        const ys = [ya, ...[...new Set(cuts)].sort((a, b) => a - b), yb];
        return ys.slice(1).map((y, i): BBox => [xa, ys[i], colCuts[j + 1], y]);
      });
      // Neighbours of the same height join where a piece of their text crosses the border.
      let open: BBox[] = [];
      for (const column of columns) {
        const next: BBox[] = [];
        for (const b of column) {
          const left = open.find((o) => o[1] === b[1] && o[3] === b[3]);
          const x = b[0];
          const crossed = left && chunks.some((ch) => {
            const cy = (ch.bbox[1] + ch.bbox[3]) / 2;
            return cy >= b[1] && cy < b[3] && ch.bbox[0] < x - 1 && ch.bbox[2] > x + 1;
          });
          // A header over a partial rule spans the columns the rule runs across (基本支出 over
          // 人员经费 | 公用经费, its text centred over them and so maybe inside one of them only).
          const underlined = left && !crossed && inside.some((p) => Math.abs(p.at - b[3]) < 0.5 && p.from <= x - tol && p.to >= x + tol) && !(holdsText(left) && holdsText(b));
          if (left && (crossed || underlined)) {
            left[2] = b[2];
            next.push(left);
          } else next.push(b);
        }
        for (const o of open) if (!next.includes(o)) boxes.push(o);
        open = next;
      }
      boxes.push(...open);
    }
  }
  const xs = [...new Set(boxes.flatMap((b) => [b[0], b[2]]))].sort((a, b) => a - b);
  const ys = [...new Set(boxes.flatMap((b) => [b[1], b[3]]))].sort((a, b) => a - b);
  const xi = new Map(xs.map((x, i) => [x, i]));
  const yi = new Map(ys.map((y, i) => [y, i]));
  const cells: GridCell[] = boxes.map((bbox) => ({
    bbox,
    col: xi.get(bbox[0])!,
    row: yi.get(bbox[1])!,
    colSpan: xi.get(bbox[2])! - xi.get(bbox[0])!,
    rowSpan: yi.get(bbox[3])! - yi.get(bbox[1])!,
  }));
  return { bbox: grid.bbox, xs, ys, cells };
}
