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
 * A cell is split along the virtual borders except where a piece of its text crosses one (it
 * spans there). Ordinary fully ruled tables have neither (one amount line per row, one figure per
 * column) and come through unchanged.
 */
import type { BBox, TextRun } from '../pdf/types';
import { chunksOf, isAmount, type Chunk } from './aligned';
import { splitRun } from './cells';
import type { Grid, GridCell } from './grid';
import { LAYOUT_SETTINGS as S } from './settings';
import { groupRuns } from './text';

interface Line {
  band: number;
  top: number;
  bottom: number;
  /** Chunks of text per ruled column. */
  strips: Map<number, Chunk[]>;
  amount: boolean;
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

function linesOf(grid: Grid, runs: TextRun[]): Line[] {
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
        const chunks = chunksOf({ page: 0 }, rs);
        strips.set(k, chunks);
        if (chunks.some((c) => isAmount(c.text))) amount = true;
      }
      const top = Math.min(...group.map((r) => r.bbox[1]));
      const bottom = Math.max(...group.map((r) => r.bbox[3]));
      lines.push({ band, top, bottom, strips, amount });
    }
  });
  return lines;
}

/** Virtual column borders inside ruled column k, from the body lines' chunks there. */
function virtualColumns(lines: Line[], k: number): number[] {
  const counts = lines.filter((l) => l.amount).map((l) => l.strips.get(k)?.length ?? 0).filter((n) => n >= 2);
  if (counts.length < S.minAlignedRows) return [];
  // The usual number of pieces per line: lines with fewer (a label spanning) or more do not vote.
  const freq = new Map<number, number>();
  for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
  const usual = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  if (freq.get(usual)! < 2) return [];
  const spans: [number, number][] = lines
    .filter((l) => l.amount && l.strips.get(k)?.length === usual)
    .flatMap((l) => l.strips.get(k)!.map((c) => [c.bbox[0], c.bbox[2]] as [number, number]))
    .sort((a, b) => a[0] - b[0]);
  const ranges: { from: number; to: number; lefts: number[]; rights: number[] }[] = [];
  for (const s of spans) {
    const last = ranges[ranges.length - 1];
    if (last && s[0] <= last.to) {
      last.to = Math.max(last.to, s[1]);
      last.lefts.push(s[0]);
      last.rights.push(s[1]);
    } else ranges.push({ from: s[0], to: s[1], lefts: [s[0]], rights: [s[1]] });
  }
  // Text of other lines (a wrapped label, a header) that starts in a range and stays clear of
  // the next one widens that range: the border must not cut through it.
  const others = lines.flatMap((l) => l.strips.get(k) ?? []);
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
  // The border sits next to a flush edge: right after right-aligned figures, right before a
  // left-aligned column; in the middle of the gap otherwise.
  return ranges.slice(1).map((right, i) => {
    const left = ranges[i];
    const gap = right.from - left.to;
    const margin = Math.min(gap / 2, 3);
    if (flush(left.rights)) return left.to + margin;
    if (flush(right.lefts)) return right.from - margin;
    return (left.to + right.from) / 2;
  });
}

/** Virtual row borders inside ruled row band b: between the lines holding amounts. */
function virtualRows(lines: Line[], band: number): number[] {
  const inBand = lines.filter((l) => l.band === band).sort((a, b) => a.top - b.top);
  const anchors = inBand.filter((l) => l.amount && [...l.strips.values()].reduce((n, c) => n + c.length, 0) >= 2);
  // Not a band of prose with a few figures in it: most of its lines are rows.
  if (anchors.length < 2 || inBand.length > 2 * anchors.length) return [];
  const groups = anchors.map((a) => ({ top: a.top, bottom: a.bottom }));
  for (const l of inBand) {
    if (anchors.includes(l)) continue;
    const mid = (l.top + l.bottom) / 2;
    let best = 0;
    anchors.forEach((a, i) => {
      if (Math.abs((a.top + a.bottom) / 2 - mid) < Math.abs((anchors[best].top + anchors[best].bottom) / 2 - mid)) best = i;
    });
    groups[best].top = Math.min(groups[best].top, l.top);
    groups[best].bottom = Math.max(groups[best].bottom, l.bottom);
  }
  return groups.slice(1).map((g, i) => (groups[i].bottom + g.top) / 2);
}

export function refineGrid(grid: Grid, runs: TextRun[]): Grid {
  // A bare frame (one cell, or one column without horizontal rules inside) is a box, not a table.
  const nCols = grid.xs.length - 1;
  const nRows = grid.ys.length - 1;
  if (nCols < 2 && nRows < S.minAlignedRows) return grid;
  const lines = linesOf(grid, runs);
  if (!lines.some((l) => l.amount)) return grid;
  const vxs: number[] = [];
  for (let k = 0; k < grid.xs.length - 1; k++) vxs.push(...virtualColumns(lines, k));
  const vys: number[] = [];
  for (let b = 0; b < grid.ys.length - 1; b++) vys.push(...virtualRows(lines, b));
  if (!vxs.length && !vys.length) return grid;

  const xs = [...grid.xs, ...vxs].sort((a, b) => a - b);
  const ys = [...grid.ys, ...vys].sort((a, b) => a - b);
  const xi = new Map(xs.map((x, i) => [x, i]));
  const yi = new Map(ys.map((y, i) => [y, i]));
  const chunks = lines.flatMap((l) => [...l.strips.values()].flat());
  const cells: GridCell[] = [];
  for (const c of grid.cells) {
    const [x0, y0, x1, y1] = c.bbox;
    const cuts = vxs.filter((x) => x > x0 && x < x1);
    const rowCuts = [y0, ...vys.filter((y) => y > y0 && y < y1), y1];
    for (let r = 0; r + 1 < rowCuts.length; r++) {
      const ya = rowCuts[r];
      const yb = rowCuts[r + 1];
      const here = chunks.filter((ch) => {
        const cy = (ch.bbox[1] + ch.bbox[3]) / 2;
        return cy >= ya && cy < yb && ch.bbox[2] > x0 && ch.bbox[0] < x1;
      });
      // A border crossed by a piece of text is not a border in this cell.
      const kept = cuts.filter((x) => !here.some((ch) => ch.bbox[0] < x - 1 && ch.bbox[2] > x + 1));
      const colCuts = [x0, ...kept, x1];
      for (let k = 0; k + 1 < colCuts.length; k++) {
        const bbox: BBox = [colCuts[k], ya, colCuts[k + 1], yb];
        cells.push({
          bbox,
          col: xi.get(bbox[0])!,
          row: yi.get(bbox[1])!,
          colSpan: xi.get(bbox[2])! - xi.get(bbox[0])!,
          rowSpan: yi.get(bbox[3])! - yi.get(bbox[1])!,
        });
      }
    }
  }
  return { bbox: grid.bbox, xs, ys, cells };
}
