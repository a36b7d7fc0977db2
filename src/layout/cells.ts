/** Filling a grid with text: each run goes to the cell holding its centre; a cell's lines join in reading order. */
import type { BBox, TextRun } from '../pdf/types';
import type { Grid } from './grid';
import { groupLines, joinLines, textAdvance } from './text';
import type { TableCell } from './types';

/** A table found on one page, before captions, headers and page continuation are settled. */
export interface PageTable {
  page: number;
  bbox: BBox;
  rows: (TableCell | null)[][];
  /** Column borders (x positions), left to right. */
  xs: number[];
  ruled: boolean;
  /** Unruled tables: the x-range the text of each column covers (its figures, labels). */
  ranges?: [number, number][];
  /** Runs used by this table, so they are not read again as paragraphs. */
  used: Set<TextRun>;
}

/** The run a piece made by splitRun came from (so the whole run counts as used). */
export const sourceRun = (piece: TextRun): TextRun => pieceSource.get(piece) ?? piece;
const pieceSource = new WeakMap<TextRun, TextRun>();

/** Estimate where each whitespace-separated token of a run sits, sharing the width by character weight. */
export function splitRun(run: TextRun): TextRun[] {
  const tokens = [...run.text.matchAll(/\S+/g)];
  if (tokens.length < 2) return [run];
  const total = textAdvance(run.text) || 1;
  const width = run.bbox[2] - run.bbox[0];
  return tokens.map((m) => {
    const start = run.bbox[0] + (textAdvance(run.text.slice(0, m.index)) / total) * width;
    const end = start + (textAdvance(m[0]) / total) * width;
    const piece: TextRun = { ...run, text: m[0], bbox: [start, run.bbox[1], end, run.bbox[3]] as BBox };
    pieceSource.set(piece, sourceRun(run));
    return piece;
  });
}

function contains(b: BBox, x: number, y: number): boolean {
  return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}

export function fillGrid(grid: Grid, runs: TextRun[], page: number): PageTable {
  const nRows = grid.ys.length - 1;
  const nCols = grid.xs.length - 1;
  const rows: (TableCell | null)[][] = Array.from({ length: nRows }, () => Array<TableCell | null>(nCols).fill(null));
  const covered: boolean[][] = Array.from({ length: nRows }, () => Array<boolean>(nCols).fill(false));
  const owner: (number | undefined)[][] = Array.from({ length: nRows }, () => Array<number | undefined>(nCols).fill(undefined));
  grid.cells.forEach((c, i) => {
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) {
      covered[r][k] = true;
      owner[r][k] = i;
    }
  });
  const cellRuns: TextRun[][] = grid.cells.map(() => []);
  const used = new Set<TextRun>();
  const [gx0, gy0, gx1, gy1] = grid.bbox;
  const locate = (x: number, y: number): number | undefined => {
    const col = upperIndex(grid.xs, x);
    const row = upperIndex(grid.ys, y);
    return row >= 0 && col >= 0 && row < nRows && col < nCols ? owner[row][col] : undefined;
  };
  for (const run of runs) {
    const cx = (run.bbox[0] + run.bbox[2]) / 2;
    const cy = (run.bbox[1] + run.bbox[3]) / 2;
    if (!contains([gx0, gy0, gx1, gy1], cx, cy)) continue;
    used.add(run);
    const i = locate(cx, cy);
    if (i === undefined) continue;
    const cell = grid.cells[i];
    // A run reaching well past its cell holds several cells' text (some producers write a row as one run).
    if (run.bbox[2] > cell.bbox[2] + 2 || run.bbox[0] < cell.bbox[0] - 2) {
      for (const piece of splitRun(run)) {
        const j = locate((piece.bbox[0] + piece.bbox[2]) / 2, cy);
        if (j !== undefined) cellRuns[j].push(piece);
      }
    } else {
      cellRuns[i].push(run);
    }
  }
  grid.cells.forEach((c, i) => {
    const lines = groupLines(cellRuns[i], page);
    rows[c.row][c.col] = { text: joinLines(lines).text, page, bbox: c.bbox, rowSpan: c.rowSpan, colSpan: c.colSpan };
  });
  // Holes in an irregular grid become empty cells, so the grid stays rectangular.
  for (let r = 0; r < nRows; r++) for (let k = 0; k < nCols; k++) {
    if (!covered[r][k]) rows[r][k] = { text: '', page, bbox: [grid.xs[k], grid.ys[r], grid.xs[k + 1], grid.ys[r + 1]], rowSpan: 1, colSpan: 1 };
  }
  return { page, bbox: grid.bbox, rows, xs: grid.xs, ruled: true, used };
}

/** Index i such that sorted[i] <= v < sorted[i + 1], or -1. */
function upperIndex(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  if (v < sorted[0] || v > sorted[hi]) return -1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}
