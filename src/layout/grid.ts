/**
 * Edges → intersections → cells → grids. A cell is the smallest rectangle whose four sides lie
 * on edges; cells sharing corners form one table; the distinct cell borders give its rows and
 * columns, and a cell covering several of them spans.
 */
import type { BBox } from '../pdf/types';
import type { Edge } from './edges';
import { LAYOUT_SETTINGS as S } from './settings';
import { unionBBox } from './text';

interface Vertex {
  x: number;
  y: number;
  h: Set<number>;
  v: Set<number>;
}

export interface GridCell {
  bbox: BBox;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Grid {
  bbox: BBox;
  xs: number[];
  ys: number[];
  cells: GridCell[];
}

function intersections(edges: Edge[]): Map<string, Vertex> {
  const tol = S.intersectionTolerance;
  const hs = edges.filter((e) => e.orientation === 'h');
  const vs = edges.filter((e) => e.orientation === 'v');
  const points = new Map<string, Vertex>();
  for (const v of vs) {
    for (const h of hs) {
      if (v.at < h.from - tol || v.at > h.to + tol) continue;
      if (h.at < v.from - tol || h.at > v.to + tol) continue;
      const key = `${v.at}|${h.at}`;
      let p = points.get(key);
      if (!p) {
        p = { x: v.at, y: h.at, h: new Set(), v: new Set() };
        points.set(key, p);
      }
      p.h.add(h.id);
      p.v.add(v.id);
    }
  }
  return points;
}

function shares(a: Set<number>, b: Set<number>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function findCells(points: Map<string, Vertex>): BBox[] {
  const list = [...points.values()];
  const byRow = new Map<number, Vertex[]>();
  const byCol = new Map<number, Vertex[]>();
  for (const p of list) {
    (byRow.get(p.y) ?? byRow.set(p.y, []).get(p.y)!).push(p);
    (byCol.get(p.x) ?? byCol.set(p.x, []).get(p.x)!).push(p);
  }
  for (const r of byRow.values()) r.sort((a, b) => a.x - b.x);
  for (const c of byCol.values()) c.sort((a, b) => a.y - b.y);
  const cells: BBox[] = [];
  for (const p of list) {
    const below = byCol.get(p.x)!.filter((q) => q.y > p.y && shares(p.v, q.v));
    const right = byRow.get(p.y)!.filter((q) => q.x > p.x && shares(p.h, q.h));
    let found = false;
    for (const b of below) {
      for (const r of right) {
        const corner = points.get(`${r.x}|${b.y}`);
        if (corner && shares(corner.h, b.h) && shares(corner.v, r.v)) {
          if (r.x - p.x >= S.minCellSize && b.y - p.y >= S.minCellSize) cells.push([p.x, p.y, r.x, b.y]);
          found = true;
          break;
        }
      }
      if (found) break;
    }
  }
  return cells;
}

/** Cells sharing a corner belong to one table. */
function groupCells(cells: BBox[]): BBox[][] {
  const parent = cells.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const corners = new Map<string, number>();
  cells.forEach((c, i) => {
    for (const key of [`${c[0]}|${c[1]}`, `${c[2]}|${c[1]}`, `${c[0]}|${c[3]}`, `${c[2]}|${c[3]}`]) {
      const j = corners.get(key);
      if (j === undefined) corners.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, BBox[]>();
  cells.forEach((c, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(c);
  });
  return [...groups.values()];
}

/**
 * Grid lines closer than `minBandSize` are the two lines of a double rule: the band between
 * them holds no text, so it is folded away (an outer border keeps its inner line, an inner double
 * rule its first line). Returns where each position goes.
 */
function foldSlivers(positions: number[]): Map<number, number> {
  const to = new Map<number, number>();
  const kept: number[] = [];
  for (const p of positions) {
    const last = kept[kept.length - 1];
    if (kept.length && p - last < S.minBandSize) {
      if (kept.length === 1) {
        // The outer line of a double border at the start: keep the inner one.
        for (const [k, v] of to) if (v === last) to.set(k, p);
        kept[0] = p;
        to.set(p, p);
      } else to.set(p, last);
    } else {
      kept.push(p);
      to.set(p, p);
    }
  }
  return to;
}

function toGrid(found: BBox[]): Grid | null {
  let xs = [...new Set(found.flatMap((c) => [c[0], c[2]]))].sort((a, b) => a - b);
  let ys = [...new Set(found.flatMap((c) => [c[1], c[3]]))].sort((a, b) => a - b);
  const mx = foldSlivers(xs);
  const my = foldSlivers(ys);
  let cells = found;
  const moved = (m: Map<number, number>) => [...m].some(([k, v]) => k !== v);
  if (moved(mx) || moved(my)) {
    const seen = new Set<string>();
    cells = [];
    for (const c of found) {
      const b: BBox = [mx.get(c[0])!, my.get(c[1])!, mx.get(c[2])!, my.get(c[3])!];
      const key = b.join('|');
      if (b[0] >= b[2] || b[1] >= b[3] || seen.has(key)) continue;
      seen.add(key);
      cells.push(b);
    }
    xs = [...new Set(cells.flatMap((c) => [c[0], c[2]]))].sort((a, b) => a - b);
    ys = [...new Set(cells.flatMap((c) => [c[1], c[3]]))].sort((a, b) => a - b);
  }
  if (xs.length < 2 || ys.length < 2) return null;
  const xi = new Map(xs.map((x, i) => [x, i]));
  const yi = new Map(ys.map((y, i) => [y, i]));
  const gridCells: GridCell[] = cells.map((c) => ({
    bbox: c,
    col: xi.get(c[0])!,
    row: yi.get(c[1])!,
    colSpan: xi.get(c[2])! - xi.get(c[0])!,
    rowSpan: yi.get(c[3])! - yi.get(c[1])!,
  }));
  return { bbox: [xs[0], ys[0], xs[xs.length - 1], ys[ys.length - 1]], xs, ys, cells: gridCells };
}

/** Enough rows and columns to be a table (checked once missing rules have been made up, see hybrid.ts). */
export function isTableGrid(g: Grid): boolean {
  return g.xs.length - 1 >= S.minGridCols && g.ys.length - 1 >= S.minGridRows;
}

/**
 * A table drawn as two frames one over the other — its header a table of its own, set a double
 * rule's width above the body (Word, WPS) — is one table: the same left and right borders, the
 * band between them thinner than `minBandSize` (folded away like a double rule's).
 */
function joinStacked(groups: BBox[][]): BBox[][] {
  const sorted = groups.map((g) => ({ cells: g, box: unionBBox(g) })).sort((a, b) => a.box[1] - b.box[1]);
  const out: typeof sorted = [];
  for (const g of sorted) {
    const above = out.find((o) => {
      const gap = g.box[1] - o.box[3];
      return gap > 0 && gap < S.minBandSize && Math.abs(o.box[0] - g.box[0]) < 1 && Math.abs(o.box[2] - g.box[2]) < 1;
    });
    if (above) {
      above.cells = [...above.cells, ...g.cells];
      above.box = unionBBox(above.cells);
    } else out.push({ ...g });
  }
  return out.map((g) => g.cells);
}

/** Ruled grids, including frames with too few rules to be a table on their own (see isTableGrid). */
export function edgesToGrids(edges: Edge[]): Grid[] {
  const cells = findCells(intersections(edges));
  return joinStacked(groupCells(cells))
    .map(toGrid)
    .filter((g): g is Grid => g !== null)
    .sort((a, b) => a.bbox[1] - b.bbox[1]);
}
